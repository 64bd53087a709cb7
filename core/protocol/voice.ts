import { z } from "zod";
import { MAX_CANDIDATE_LENGTH, MAX_SDP_LENGTH, mediaKinds } from "../voice";

/**
 * Voice payloads (see docs/PROTOCOL.md, "Voice"). Descriptions are relayed as they are, so the
 * server checks what it can of them: their size, and that every media section is audio.
 */

const sessionId = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/);

/** A session description with audio sections only (no video, no data channel). */
export const descriptionSchema = z.strictObject({
  type: z.enum(["offer", "answer"]),
  sdp: z
    .string()
    .min(1)
    .max(MAX_SDP_LENGTH)
    .refine((sdp) => mediaKinds(sdp).every((kind) => kind === "audio"), "audio only"),
});
export type Description = z.infer<typeof descriptionSchema>;

/** An ICE candidate as `RTCIceCandidate.toJSON()` gives it. */
export const candidateSchema = z.strictObject({
  candidate: z.string().min(1).max(MAX_CANDIDATE_LENGTH),
  sdpMid: z.string().max(16).nullable(),
  sdpMLineIndex: z.number().int().min(0).max(63).nullable(),
  usernameFragment: z.string().max(64).nullable().optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** `signal`: one description or one candidate for the person `to`. */
export const signalPayload = z.union([
  z.strictObject({ to: sessionId, description: descriptionSchema }),
  z.strictObject({ to: sessionId, candidate: candidateSchema }),
]);
export type SignalPayload = z.infer<typeof signalPayload>;

/** Which of a person's two connections to the SFU: the one they speak on, or the one they listen on. */
export const SFU_CONNECTIONS = ["publisher", "subscriber"] as const;
export type SfuConnection = (typeof SFU_CONNECTIONS)[number];

/** `sfu`: the publisher's offer, the subscriber's answer, or a candidate of either. */
export const sfuPayload = z.union([
  z.strictObject({ pc: z.literal("publisher"), description: descriptionSchema.extend({ type: z.literal("offer") }) }),
  z.strictObject({ pc: z.literal("subscriber"), description: descriptionSchema.extend({ type: z.literal("answer") }) }),
  z.strictObject({ pc: z.enum(SFU_CONNECTIONS), candidate: candidateSchema }),
]);
export type SfuPayload = z.infer<typeof sfuPayload>;

/** `mic`, `speaking`, `setPieceMode`: one switch. */
export const switchPayload = z.strictObject({ on: z.boolean() });

/** How a circle carries voices: peer to peer, or through the SFU. */
export const VOICE_MODES = ["mesh", "sfu"] as const;
export type VoiceMode = (typeof VOICE_MODES)[number];

/** A STUN or TURN server, as `RTCIceServer`. */
export const iceServerSchema = z.strictObject({
  urls: z.union([z.string().regex(/^(stun|stuns|turn|turns):/), z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

/** Reply to the `voice` request. */
export interface VoiceConfig {
  mode: VoiceMode;
  /** STUN / TURN servers (ICE_SERVERS); none by default, which works on a LAN and on localhost */
  iceServers: IceServer[];
}

/** Server → client voice messages. */
export interface VoiceServerMessages {
  /** a description or candidate from `from` (only while the two are linked) */
  signal: { from: string; description?: Description; candidate?: Candidate };
  /**
   * For one of this person's connections to the SFU: its answer (publisher), or an offer with
   * whose voice is on which stream (subscriber, `streams` by the offer's mids); a candidate; or
   * `closed` when the SFU ended it.
   */
  sfu: { pc: SfuConnection; description?: Description; streams?: { mid: string; from: string }[]; candidate?: Candidate; closed?: true };
}
