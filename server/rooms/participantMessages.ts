import { validate } from "@colyseus/core";
import { ActionError, Role, payloads } from "../../core/protocol";
import * as act from "./circleActions";
import type { CircleContext } from "./circleContext";
import type { Guards } from "./guards";
import { serverNow } from "./serverTime";

/** Messages anyone seated in the circle may send. */
export function participantMessages(ctx: CircleContext, guard: Guards) {
  const { state, rates, tally } = ctx;
  return {
    pose: validate(payloads.pose, (client, w) => {
      const p = guard.member(client);
      if (!p || !rates.allow(client.sessionId, "pose")) return;
      ctx.poses.set(client.sessionId, p.seat, w);
    }),
    raiseHand: validate(payloads.raiseHand, (client) => guard.self(client, () => act.raiseHand(state, client.sessionId))),
    lowerHand: validate(payloads.lowerHand, (client) => guard.self(client, () => act.lowerHand(state, client.sessionId))),
    react: validate(payloads.react, (client, m) => {
      if (guard.member(client) && rates.allow(client.sessionId, "react")) ctx.broadcast("reaction", { from: client.sessionId, kind: m.kind });
    }),
    stepAway: validate(payloads.stepAway, (client) => guard.self(client, (p) => void (p.away = true))),
    stepBack: validate(payloads.stepBack, (client) => guard.self(client, (p) => void (p.away = false))),
    needMoment: validate(payloads.needMoment, (client) => {
      if (!guard.member(client)) return;
      if (!rates.allow(client.sessionId, "moment")) return guard.refuse(client, "needMoment", ActionError.RATE_LIMITED);
      if (!ctx.alerts.raise(client, "moment", (id) => ({ id, from: client.sessionId }))) guard.refuse(client, "needMoment", ActionError.RATE_LIMITED);
    }),
    report: validate(payloads.report, (client, m) => {
      if (!guard.member(client)) return;
      if (!rates.allow(client.sessionId, "report")) return guard.refuse(client, "report", ActionError.RATE_LIMITED);
      if (m.target === client.sessionId) return guard.refuse(client, "report", ActionError.INVALID_STATE);
      if (!state.participants.has(m.target)) return guard.refuse(client, "report", ActionError.NO_SUCH_PARTICIPANT);
      const report = (id: string) => ({ id, from: client.sessionId, target: m.target, reason: m.reason, events: m.events });
      if (!ctx.alerts.raise(client, "report", report)) guard.refuse(client, "report", ActionError.RATE_LIMITED);
    }),
    passPiece: validate(payloads.passPiece, (client, m) => {
      if (!guard.member(client) || !guard.withinRate(client, "passPiece")) return;
      if (state.pieceHolder !== client.sessionId) return guard.refuse(client, "passPiece", ActionError.INVALID_STATE);
      if (!state.participants.has(m.to)) return guard.refuse(client, "passPiece", ActionError.NO_SUCH_PARTICIPANT);
      state.pieceHolder = m.to;
    }),
    checkIn: validate(payloads.checkIn, (client, m) => {
      const p = guard.member(client);
      if (!p || !rates.allow(client.sessionId, "other")) return;
      // Only participants' answers count (n ≥ 5 rule): a facilitator's known answers would give others' away.
      if (p.role !== Role.participant) return guard.refuse(client, "checkIn", ActionError.FORBIDDEN);
      if (!tally.add(client.sessionId, m.phase, m.value)) return guard.refuse(client, "checkIn", ActionError.ALREADY_CHECKED_IN);
      client.send("checkedIn", { phase: m.phase });
    }),
    time: validate(payloads.time, (client, m) => {
      // Open to the waiting area too: the clock tells nothing of the circle, and is ready once they are let in.
      if (rates.allow(client.sessionId, "time")) client.send("time", { t0: m.t0, t1: serverNow() });
    }),
  };
}
