/** Fixed vocabularies and limits shared by client and server. */

/** Participant roles. */
export const Role = {
  facilitator: "facilitator",
  cofacilitator: "cofacilitator",
  participant: "participant",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Session status as shown in the room. */
export const SessionStatus = { waiting: "waiting", open: "open", ended: "ended" } as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

/** Avatar looks a participant can pick (colour families; the client maps them to materials). */
export const LOOKS = ["sage", "sky", "sand", "moss", "dusk", "coral", "slate", "plum"] as const;
export type Look = (typeof LOOKS)[number];

/** Reactions anyone can send. */
export const REACTIONS = ["heart", "wave", "metoo", "clap"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Check-in moments around an exercise. */
export const CHECK_IN_PHASES = ["before", "after"] as const;
export type CheckInPhase = (typeof CHECK_IN_PHASES)[number];

/** Participants (not counting the facilitator) when a session does not say. */
export const DEFAULT_CAPACITY = 12;
/** Largest capacity a session may ask for. */
export const MAX_CAPACITY = 32;
/** Most cycles a group exercise may run. */
export const MAX_CYCLES = 30;
/** A group exercise starts this long after the facilitator asks, ms, so every pacer can join in. */
export const PRACTICE_LEAD_MS = 3000;
/** Reconnection window for a dropped participant, seconds. */
export const RECONNECT_SECONDS = 30;
/** Reconnection window for a dropped facilitator, seconds. */
export const FACILITATOR_RECONNECT_SECONDS = 60;
/** Pose sends allowed per second (20 Hz). */
export const POSE_HZ = 20;
/**
 * All messages a client may send per second before it is cut off (close 4002): 20 Hz pose,
 * 1–2 Hz time sync while syncing, plus room for bursts of clicks.
 */
export const MAX_MESSAGES_PER_SECOND = 40;
/** Session titles, characters. */
export const MAX_TITLE_LENGTH = 80;

/** Pseudonym: 1–24 printable characters after trimming (no control or format characters). */
export const PSEUDONYM_MAX = 24;
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u;

/** Trim and check a pseudonym; returns the clean value or null. */
export function cleanPseudonym(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 200) return null;
  const trimmed = raw.trim().replace(/ {2,}/g, " ");
  const length = [...trimmed].length;
  if (length < 1 || length > PSEUDONYM_MAX || !PRINTABLE.test(trimmed)) return null;
  return trimmed;
}
