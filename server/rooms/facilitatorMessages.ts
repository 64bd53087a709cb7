import { validate } from "@colyseus/core";
import { ActionError, Role, SessionStatus, payloads } from "../../core/protocol";
import * as act from "./circleActions";
import type { CircleContext } from "./circleContext";
import type { Guards } from "./guards";

/**
 * Messages for the facilitator and co-facilitators. `guard.lead` checks the sender's role
 * (core/protocol `mayPerform`) and `guard.onTarget` who may act on whom (`refusalOn`) before
 * anything runs; a handler returns an ActionError to refuse.
 */
export function facilitatorMessages(ctx: CircleContext, guard: Guards) {
  const { state, practice } = ctx;
  const session = state.session;
  return {
    openCircle: validate(payloads.openCircle, (client) => guard.lead(client, "openCircle", () => {
      if (session.status !== SessionStatus.waiting) return ActionError.INVALID_STATE;
      session.status = SessionStatus.open;
    })),
    startPractice: validate(payloads.startPractice, (client, m) => guard.lead(client, "startPractice", () => {
      if (session.status !== SessionStatus.open) return ActionError.INVALID_STATE;
      practice.start(m.patternId, m.cycles);
    })),
    stopPractice: validate(payloads.stopPractice, (client) => guard.lead(client, "stopPractice", () => {
      if (!practice.running) return ActionError.INVALID_STATE;
      practice.stop();
    })),
    setEnvironment: validate(payloads.setEnvironment, (client, m) => guard.lead(client, "setEnvironment", () => {
      ctx.setEnvironment(m.environment);
    })),
    mute: validate(payloads.mute, (client, m) => guard.onTarget(client, "mute", m.target, (t) => void (t.muted = true))),
    unmute: validate(payloads.unmute, (client, m) => guard.onTarget(client, "unmute", m.target, (t) => void (t.muted = false))),
    muteAll: validate(payloads.muteAll, (client) => guard.lead(client, "muteAll", () => act.muteAll(state))),
    remove: validate(payloads.remove, (client, m) => guard.onTarget(client, "remove", m.target, () => ctx.removePerson(m.target))),
    lock: validate(payloads.lock, (client) => guard.lead(client, "lock", () => void (session.locked = true))),
    unlock: validate(payloads.unlock, (client) => guard.lead(client, "unlock", () => void (session.locked = false))),
    givePiece: validate(payloads.givePiece, (client, m) => guard.onTarget(client, "givePiece", m.to, () => void (state.pieceHolder = m.to))),
    takePiece: validate(payloads.takePiece, (client) => guard.lead(client, "takePiece", () => void (state.pieceHolder = client.sessionId))),
    callNext: validate(payloads.callNext, (client) => guard.lead(client, "callNext", () => (act.callNext(state) ? undefined : ActionError.INVALID_STATE))),
    promote: validate(payloads.promote, (client, m) => guard.onTarget(client, "promote", m.target, (t) => {
      t.role = Role.cofacilitator;
      const promoted = ctx.clientOf(m.target);
      ctx.admission.roleChanged(promoted, Role.cofacilitator);
      if (promoted) ctx.alerts.catchUp(promoted);
    })),
    demote: validate(payloads.demote, (client, m) => guard.onTarget(client, "demote", m.target, (t) => {
      t.role = Role.participant;
      ctx.admission.roleChanged(ctx.clientOf(m.target), Role.participant);
    })),
    endSession: validate(payloads.endSession, (client) => guard.lead(client, "endSession", () => ctx.end())),
    admit: validate(payloads.admit, (client, m) => guard.lead(client, "admit", () => ctx.admit(m.target))),
    decline: validate(payloads.decline, (client, m) => guard.lead(client, "decline", () => (ctx.decline(m.target) ? undefined : ActionError.NO_SUCH_PARTICIPANT))),
    setAdmission: validate(payloads.setAdmission, (client, m) => guard.lead(client, "setAdmission", () => ctx.setAdmission(m.on))),
    markSeen: validate(payloads.markSeen, (client, m) => guard.lead(client, "markSeen", () => ctx.alerts.seen(m.id, client.sessionId))),
  };
}
