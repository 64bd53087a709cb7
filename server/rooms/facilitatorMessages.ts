import { validate } from "@colyseus/core";
import { ActionError, Role, SessionStatus, payloads } from "../../core/protocol";
import * as act from "./circleActions";
import type { CircleRoom } from "./CircleRoom";

/**
 * Messages for the facilitator and co-facilitators. `room.lead` checks the sender's role
 * (core/protocol `mayPerform`) before anything runs; a handler returns an ActionError to refuse.
 */
export function facilitatorMessages(room: CircleRoom) {
  const { state } = room;
  const session = state.session;
  return {
    openCircle: validate(payloads.openCircle, (client) => room.lead(client, "openCircle", () => {
      if (session.status !== SessionStatus.waiting) return ActionError.INVALID_STATE;
      session.status = SessionStatus.open;
    })),
    startPractice: validate(payloads.startPractice, (client, m) => room.lead(client, "startPractice", () => {
      if (session.status !== SessionStatus.open) return ActionError.INVALID_STATE;
      room.startPractice(m.patternId, m.cycles);
    })),
    stopPractice: validate(payloads.stopPractice, (client) => room.lead(client, "stopPractice", () => {
      if (!state.practice.running) return ActionError.INVALID_STATE;
      room.stopPractice();
    })),
    setEnvironment: validate(payloads.setEnvironment, (client, m) => room.lead(client, "setEnvironment", () => {
      room.setEnvironment(m.environment);
    })),
    mute: validate(payloads.mute, (client, m) => room.onTarget(client, "mute", m.target, (t) => void (t.muted = true))),
    unmute: validate(payloads.unmute, (client, m) => room.onTarget(client, "unmute", m.target, (t) => void (t.muted = false))),
    muteAll: validate(payloads.muteAll, (client) => room.lead(client, "muteAll", () => act.muteAll(state))),
    remove: validate(payloads.remove, (client, m) => room.onTarget(client, "remove", m.target, (t, sender) => {
      if (t.role === Role.facilitator) return ActionError.FORBIDDEN;
      if (t.role === Role.cofacilitator && sender.role !== Role.facilitator) return ActionError.FORBIDDEN;
      room.removePerson(m.target);
    })),
    lock: validate(payloads.lock, (client) => room.lead(client, "lock", () => void (session.locked = true))),
    unlock: validate(payloads.unlock, (client) => room.lead(client, "unlock", () => void (session.locked = false))),
    givePiece: validate(payloads.givePiece, (client, m) => room.onTarget(client, "givePiece", m.to, () => void (state.pieceHolder = m.to))),
    takePiece: validate(payloads.takePiece, (client) => room.lead(client, "takePiece", () => void (state.pieceHolder = client.sessionId))),
    callNext: validate(payloads.callNext, (client) => room.lead(client, "callNext", () => (act.callNext(state) ? undefined : ActionError.INVALID_STATE))),
    promote: validate(payloads.promote, (client, m) => room.onTarget(client, "promote", m.target, (t) => {
      if (t.role !== Role.participant) return ActionError.INVALID_STATE;
      t.role = Role.cofacilitator;
    })),
    demote: validate(payloads.demote, (client, m) => room.onTarget(client, "demote", m.target, (t) => {
      if (t.role !== Role.cofacilitator) return ActionError.INVALID_STATE;
      t.role = Role.participant;
    })),
    endSession: validate(payloads.endSession, (client) => room.lead(client, "endSession", () => room.end())),
  };
}
