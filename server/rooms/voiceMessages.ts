import { validate } from "@colyseus/core";
import { ActionError, payloads, type Candidate, type Description, type SfuConnection, type VoiceConfig } from "../../core/protocol";
import { linked, mayBeHeard } from "../../core/voice";
import type { CircleContext } from "./circleContext";
import type { Guards } from "./guards";
import type { VoiceFloor } from "./VoiceFloor";

/** What the SFU bridge of a circle does for one person (server/voice/SfuCircle). */
export interface SfuLink {
  /** they asked for voice settings: their subscription (what they hear) starts */
  listen(id: string): void;
  /** their offer to speak: answered with `sfu { pc: "publisher", description }` */
  publish(id: string, offer: Description): void;
  /** their answer to the subscriber offer the bridge sent them */
  answer(id: string, answer: Description): void;
  candidate(id: string, pc: SfuConnection, candidate: Candidate): void;
  /** they left the circle: close their connections to the SFU */
  forget(id: string): void;
  /** the circle closed: its room in the SFU goes */
  close(): Promise<void>;
}

/** A circle's voice: who may be heard, how voices travel (mesh unless an SFU bridge is given). */
export interface CircleVoice {
  readonly floor: VoiceFloor;
  readonly config: VoiceConfig;
  /** the SFU bridge, or null for a mesh */
  sfu: SfuLink | null;
}

/**
 * Voice messages: WebRTC signalling relayed between two people only while they are linked (at least
 * one of them may be heard, core/voice), microphone and speaking flags, the talking-piece mode
 * switch, and the SFU's signalling. Nobody outside the circle (the waiting area) gets anything:
 * `guard.member` refuses them. Nothing here is logged or stored.
 */
export function voiceMessages(ctx: CircleContext, guard: Guards) {
  const { state, rates } = ctx;
  const { voice } = ctx;
  return {
    voice: validate(payloads.voice, (client, _m, reply) => {
      if (!guard.member(client)) return reply.reject(ActionError.FORBIDDEN);
      // Each answer starts work in the SFU (the asker's subscription): limited like every other action.
      if (!rates.allow(client.sessionId, "voice")) return reply.reject(ActionError.RATE_LIMITED);
      voice.sfu?.listen(client.sessionId);
      return voice.config;
    }),
    signal: validate(payloads.signal, (client, m) => {
      const from = guard.member(client);
      if (!from) return;
      if (!rates.allow(client.sessionId, "signal")) return guard.refuse(client, "signal", ActionError.RATE_LIMITED);
      if (voice.sfu) return guard.refuse(client, "signal", ActionError.INVALID_STATE);
      const to = state.participants.get(m.to);
      const target = ctx.clientOf(m.to);
      if (!to || !target) return guard.refuse(client, "signal", ActionError.NO_SUCH_PARTICIPANT);
      if (!linked(client.sessionId, from, m.to, to, state)) return guard.refuse(client, "signal", ActionError.INVALID_STATE);
      target.send("signal", "description" in m ? { from: client.sessionId, description: m.description } : { from: client.sessionId, candidate: m.candidate });
    }),
    sfu: validate(payloads.sfu, (client, m) => {
      const me = guard.member(client);
      if (!me) return;
      if (!rates.allow(client.sessionId, "signal")) return guard.refuse(client, "sfu", ActionError.RATE_LIMITED);
      if (!voice.sfu) return guard.refuse(client, "sfu", ActionError.INVALID_STATE);
      if ("candidate" in m) return voice.sfu.candidate(client.sessionId, m.pc, m.candidate);
      if (m.pc === "subscriber") return voice.sfu.answer(client.sessionId, m.description);
      // Only someone who may be heard now may start speaking through the SFU.
      if (!mayBeHeard(client.sessionId, me, state)) return guard.refuse(client, "sfu", ActionError.INVALID_STATE);
      voice.sfu.publish(client.sessionId, m.description);
    }),
    mic: validate(payloads.mic, (client, m) =>
      guard.self(client, (p) => {
        p.mic = m.on;
        if (!m.on) p.speaking = false;
      }),
    ),
    speaking: validate(payloads.speaking, (client, m) => {
      const p = guard.member(client);
      if (!p || !rates.allow(client.sessionId, "speaking")) return;
      p.speaking = m.on && mayBeHeard(client.sessionId, p, state);
    }),
    setPieceMode: validate(payloads.setPieceMode, (client, m) =>
      guard.lead(client, "setPieceMode", () => void (state.pieceMode = m.on)),
    ),
  };
}
