import { validate } from "@colyseus/core";
import { ActionError, Role, payloads } from "../../core/protocol";
import * as act from "./circleActions";
import type { CircleRoom } from "./CircleRoom";
import { serverNow } from "./serverTime";

/** Messages anyone seated in the circle may send. */
export function participantMessages(room: CircleRoom) {
  const { state, rates } = room;
  return {
    pose: validate(payloads.pose, (client, w) => {
      const p = room.member(client);
      if (!p || !rates.allow(client.sessionId, "pose")) return;
      p.hp = w[0]!; p.hq = w[1]!; p.lp = w[2]!; p.lq = w[3]!; p.rp = w[4]!; p.rq = w[5]!;
    }),
    raiseHand: validate(payloads.raiseHand, (client) => room.self(client, () => act.raiseHand(state, client.sessionId))),
    lowerHand: validate(payloads.lowerHand, (client) => room.self(client, () => act.lowerHand(state, client.sessionId))),
    react: validate(payloads.react, (client, m) => {
      if (room.member(client) && rates.allow(client.sessionId, "react")) room.broadcast("reaction", { from: client.sessionId, kind: m.kind });
    }),
    stepAway: validate(payloads.stepAway, (client) => room.self(client, (p) => void (p.away = true))),
    stepBack: validate(payloads.stepBack, (client) => room.self(client, (p) => void (p.away = false))),
    needMoment: validate(payloads.needMoment, (client) => {
      if (!room.member(client) || !rates.allow(client.sessionId, "moment")) return;
      // Private: only facilitators and co-facilitators receive it; nothing is stored or logged.
      for (const c of room.clients) {
        const role = state.participants.get(c.sessionId)?.role;
        if (role === Role.facilitator || role === Role.cofacilitator) c.send("moment", { from: client.sessionId });
      }
    }),
    passPiece: validate(payloads.passPiece, (client, m) => {
      if (!room.member(client)) return;
      if (state.pieceHolder !== client.sessionId) return room.refuse(client, "passPiece", ActionError.INVALID_STATE);
      if (room.target(client, "passPiece", m.to)) state.pieceHolder = m.to;
    }),
    checkIn: validate(payloads.checkIn, (client, m) => {
      if (!room.member(client) || !rates.allow(client.sessionId, "other")) return;
      if (!room.tally.add(client.sessionId, m.phase, m.value)) return room.refuse(client, "checkIn", ActionError.ALREADY_CHECKED_IN);
      client.send("checkedIn", { phase: m.phase });
    }),
    time: validate(payloads.time, (client, m) => {
      if (room.member(client) && rates.allow(client.sessionId, "time")) client.send("time", { t0: m.t0, t1: serverNow() });
    }),
  };
}
