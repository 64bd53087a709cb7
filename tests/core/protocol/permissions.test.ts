import { describe, expect, it } from "vitest";
import {
  ActionError,
  FacilitatorMessage,
  ParticipantMessage,
  Role,
  TARGETED_ACTIONS,
  mayActOn,
  mayPerform,
  refusalOn,
  type TargetedAction,
} from "../../../core/protocol";

describe("mayPerform", () => {
  const reserved = ["promote", "demote", "endSession", "setAdmission"];

  it.each(Object.values(FacilitatorMessage))("%s: facilitator yes, participant no", (action) => {
    expect(mayPerform(Role.facilitator, action)).toBe(true);
    expect(mayPerform(Role.participant, action)).toBe(false);
  });

  it.each(Object.values(FacilitatorMessage))("%s: co-facilitator only if not reserved", (action) => {
    expect(mayPerform(Role.cofacilitator, action)).toBe(!reserved.includes(action));
  });

  it.each(Object.values(ParticipantMessage))("%s is open to everyone", (action) => {
    for (const role of Object.values(Role)) expect(mayPerform(role, action)).toBe(true);
  });
});

const F = Role.facilitator, C = Role.cofacilitator, P = Role.participant;
const ok = null, no = ActionError.FORBIDDEN, na = ActionError.INVALID_STATE;

/** Every actor × targeted action × target role, written out: [actor, action, target, refusal]. */
const table: [Role, TargetedAction, Role, ActionError | null][] = [
  // the facilitator
  [F, "mute", F, ok], [F, "mute", C, ok], [F, "mute", P, ok],
  [F, "unmute", F, ok], [F, "unmute", C, ok], [F, "unmute", P, ok],
  [F, "remove", F, no], [F, "remove", C, ok], [F, "remove", P, ok],
  [F, "promote", F, na], [F, "promote", C, na], [F, "promote", P, ok],
  [F, "demote", F, na], [F, "demote", C, ok], [F, "demote", P, na],
  [F, "givePiece", F, ok], [F, "givePiece", C, ok], [F, "givePiece", P, ok],
  [F, "muteChat", F, ok], [F, "muteChat", C, ok], [F, "muteChat", P, ok],
  [F, "unmuteChat", F, ok], [F, "unmuteChat", C, ok], [F, "unmuteChat", P, ok],
  [F, "deleteChat", F, ok], [F, "deleteChat", C, ok], [F, "deleteChat", P, ok],
  // a co-facilitator: participants only, and never the facilitator (issue: a co-facilitator muted the facilitator)
  [C, "mute", F, no], [C, "mute", C, no], [C, "mute", P, ok],
  [C, "unmute", F, no], [C, "unmute", C, no], [C, "unmute", P, ok],
  [C, "remove", F, no], [C, "remove", C, no], [C, "remove", P, ok],
  [C, "promote", F, no], [C, "promote", C, no], [C, "promote", P, no],
  [C, "demote", F, no], [C, "demote", C, no], [C, "demote", P, no],
  [C, "givePiece", F, ok], [C, "givePiece", C, ok], [C, "givePiece", P, ok],
  [C, "muteChat", F, no], [C, "muteChat", C, no], [C, "muteChat", P, ok],
  [C, "unmuteChat", F, no], [C, "unmuteChat", C, no], [C, "unmuteChat", P, ok],
  [C, "deleteChat", F, no], [C, "deleteChat", C, no], [C, "deleteChat", P, ok],
  // a participant: nothing
  ...TARGETED_ACTIONS.flatMap((a) => [F, C, P].map((t): [Role, TargetedAction, Role, ActionError | null] => [P, a, t, no])),
];

describe("refusalOn / mayActOn", () => {
  it("the table covers every actor, action and target once", () => {
    const keys = new Set(table.map(([a, act, t]) => `${a}:${act}:${t}`));
    expect(keys.size).toBe(table.length);
    expect(table.length).toBe(3 * TARGETED_ACTIONS.length * 3);
  });

  it.each(table)("%s %s on %s → %s", (actor, action, target, refusal) => {
    expect(refusalOn(actor, action, target)).toBe(refusal);
    expect(mayActOn(actor, action, target)).toBe(refusal === null);
  });

  it("nobody below the facilitator acts on the facilitator, whatever the action", () => {
    for (const action of TARGETED_ACTIONS) {
      if (action === "givePiece") continue;
      expect(mayActOn(C, action, F)).toBe(false);
      expect(mayActOn(P, action, F)).toBe(false);
    }
  });
});
