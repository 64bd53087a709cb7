import { describe, expect, it } from "vitest";
import { Role } from "../../../core/protocol";
import { alertSentence, circleActions, defaultCycles, personActions, pieceActions, practiceActions, stepCycles } from "../../../client/room/consoleActions";
import { person } from "./helpers";

const keys = (actions: { key: string; enabled: boolean }[]) => actions.map((a) => `${a.key}${a.enabled ? "" : " (greyed)"}`);

describe("console actions, as both consoles draw them", () => {
  it.each([
    [Role.facilitator, ["open", "lock", "muteAll", "end"]],
    [Role.cofacilitator, ["open", "lock", "muteAll"]],
    [Role.participant, ["lock (greyed)", "muteAll (greyed)"]],
  ])("the circle's actions for a %s", (role, expected) => {
    expect(keys(circleActions(role, { status: "waiting", locked: false }))).toEqual(expected);
  });

  it("offers unlock on a locked, open circle and asks before ending it", () => {
    const actions = circleActions(Role.facilitator, { status: "open", locked: true });
    expect(keys(actions)).toEqual(["unlock", "muteAll", "end"]);
    expect(actions.at(-1)?.confirm?.yes).toBe("End session");
  });

  it.each([
    [Role.facilitator, Role.participant, ["mute", "givePiece", "promote", "remove"]],
    [Role.facilitator, Role.cofacilitator, ["mute", "givePiece", "demote", "remove"]],
    [Role.cofacilitator, Role.participant, ["mute", "givePiece", "remove"]],
    [Role.cofacilitator, Role.cofacilitator, ["mute (greyed)", "givePiece", "remove (greyed)"]],
    [Role.cofacilitator, Role.facilitator, ["mute (greyed)", "givePiece", "remove (greyed)"]],
  ])("a %s acting on a %s", (actor, target, expected) => {
    const them = person("p", 2, "Gentle Fern", target);
    expect(keys(personActions(actor, them, { me: "me", pieceHolder: "" }))).toEqual(expected);
  });

  it("names each targeted action with the person, greys 'give piece' for its holder, and offers nothing on oneself", () => {
    const fern = person("p", 2, "Gentle Fern", Role.participant, { muted: true });
    const actions = personActions(Role.facilitator, fern, { me: "me", pieceHolder: "p" });
    expect(actions.map((a) => a.name)).toEqual(["Unmute Gentle Fern", "Give the talking piece to Gentle Fern", "Make Gentle Fern a co-facilitator", "Remove Gentle Fern"]);
    expect(actions[1]?.enabled).toBe(false);
    expect(personActions(Role.facilitator, person("me", 0, "Robin", Role.facilitator), { me: "me", pieceHolder: "" })).toEqual([]);
  });

  it("calls the first raised hand by name, and cannot take a piece one holds", () => {
    const state = { me: "me", pieceHolder: "me", people: { a: person("a", 1, "Quiet Oak") }, handQueue: ["a"] };
    expect(pieceActions(Role.cofacilitator, state).map((a) => [a.label, a.enabled])).toEqual([
      ["Call next: Quiet Oak", true],
      ["Take the piece", false],
    ]);
    expect(pieceActions(Role.participant, { ...state, pieceHolder: "" }).every((a) => !a.enabled)).toBe(true);
  });

  it("starts an exercise only in an open circle, with 1..max cycles", () => {
    const form = { patternId: "box" as const, cycles: defaultCycles("box") };
    expect(practiceActions(Role.facilitator, form, { open: false, running: false })[0]?.enabled).toBe(false);
    expect(practiceActions(Role.facilitator, form, { open: true, running: false })[0]?.payload).toEqual({ patternId: "box", cycles: form.cycles });
    expect(keys(practiceActions(Role.cofacilitator, form, { open: true, running: true }))).toEqual(["start", "stop"]);
    expect(practiceActions(Role.facilitator, { ...form, cycles: 0 }, { open: true, running: false })[0]?.enabled).toBe(false);
    expect(stepCycles(1, -1)).toBe(1);
    expect(stepCycles(Number.NaN, 1)).toBe(2);
  });

  it("says an alert in one sentence", () => {
    const base = { id: "1", from: "a", pseudonym: "Quiet Oak", seat: 3, at: 0, seen: false };
    expect(alertSentence({ ...base, kind: "moment" })).toBe("Quiet Oak (seat 3) needs a moment.");
    expect(alertSentence({ ...base, kind: "report", seat: -1, targetPseudonym: "Gentle Fern", reason: "unsafe" })).toBe(
      "Quiet Oak (has left) reported Gentle Fern: makes them feel unsafe.",
    );
  });
});
