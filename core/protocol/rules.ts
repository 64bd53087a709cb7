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

/** Why someone is reported to the facilitators. */
export const REPORT_REASONS = ["unkind", "unsafe", "impersonation", "spam", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
/**
 * Room events a report carries (what the reporter's client saw: joins, presence changes,
 * reactions; never audio or chat text).
 */
export const REPORT_EVENT_KINDS = [
  "joined",
  "left",
  "handRaised",
  "handLowered",
  "away",
  "back",
  "muted",
  "unmuted",
  "gotPiece",
  "reaction",
] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];
/** A report carries the events of at most this long before it was sent, ms. */
export const REPORT_WINDOW_MS = 60_000;
/** Most events one report may carry (a full report stays well under the 4 KB frame limit). */
export const REPORT_MAX_EVENTS = 40;
/** Private alerts (moments and reports) one person may have waiting to be seen at once. */
export const MAX_UNSEEN_ALERTS = 5;
/** Kinds of private alert. */
export const ALERT_KINDS = ["moment", "report", "support", "chatReport"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/**
 * Where a private alert is, as its sender is told: delivered (a facilitator or co-facilitator got
 * it), waiting (none is connected: kept in memory until one is), seen (one of them marked it seen).
 */
export const ALERT_STATUSES = ["delivered", "waiting", "seen"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * Largest WebSocket frame the server reads, bytes: a bigger one closes the sender with 1009
 * (CloseCode.TOO_LARGE) before it is decoded. A full report (REPORT_MAX_EVENTS) packs to about 3 KB.
 */
export const MAX_FRAME_BYTES = 4 * 1024;

/** Check-in moments around an exercise. */
export const CHECK_IN_PHASES = ["before", "after"] as const;
export type CheckInPhase = (typeof CHECK_IN_PHASES)[number];

/** Participants (not counting the facilitator) when a session does not say. */
export const DEFAULT_CAPACITY = 12;
/** Largest capacity a session may ask for. */
export const MAX_CAPACITY = 32;
/** Seats (and connections) a circle holds: capacity plus room for facilitators and people reconnecting. */
export const MAX_SEATS = MAX_CAPACITY + 8;
/** Most cycles a group exercise may run. */
export const MAX_CYCLES = 30;
/** A group exercise starts this long after the facilitator asks, ms, so every pacer can join in. */
export const PRACTICE_LEAD_MS = 3000;
/** Reconnection window for a dropped participant, seconds. */
export const RECONNECT_SECONDS = 30;
/** Reconnection window for a dropped facilitator, seconds. */
export const FACILITATOR_RECONNECT_SECONDS = 60;
/**
 * State patches per second. Poses are not in the state (they go in pose frames, core/pose frame.ts,
 * 25 a second); everything else shows at most 67 ms after it happens. The breathing pacer does not
 * depend on it (clients compute the phase from `startedAt` and their clock).
 */
export const PATCH_HZ = 15;
/** Interval between state patches, ms. */
export const PATCH_MS = 1000 / PATCH_HZ;
/**
 * How often a client samples and sends its pose (only when it changed). What others download
 * follows this rate, not the frame rate: an unchanged pose is not sent again.
 */
export const POSE_HZ = 15;
/** Pose messages accepted per second from one person (headroom over POSE_HZ for timer jitter); more are dropped quietly. */
export const POSE_MAX_PER_SECOND = 20;
/**
 * All messages a client may send per second before it is cut off (close 4002): up to 20 poses,
 * 1–2 Hz time sync while syncing, plus room for bursts of clicks.
 */
export const MAX_MESSAGES_PER_SECOND = 40;
/**
 * Check-in aggregates are shown only from this many before/after pairs up (the n ≥ 5 rule), so no
 * one person's answer can be read from a mean.
 */
export const MIN_AGGREGATE_N = 5;
/** A check-in mean as the facilitator sees it: to the nearest 0.5 (a 0–10 scale needs no more, and it gives less away). */
export const roundMean = (mean: number | null): number | null => (mean === null ? null : Math.round(mean * 2) / 2);
/** Session titles, characters. */
export const MAX_TITLE_LENGTH = 80;

/**
 * Pseudonym: 1–24 printable characters after trimming (no control or format characters), at least
 * one of them a visible letter, number, punctuation mark or symbol — a name a facilitator can read
 * at the door, not one that only looks empty.
 */
export const PSEUDONYM_MAX = 24;
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/**
 * Letters and symbols that draw nothing: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the
 * blank braille pattern (U+2800), used to make a name that looks empty.
 */
const BLANK = /[\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Trim and check a pseudonym; returns the clean value or null. */
export function cleanPseudonym(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 200) return null;
  const trimmed = raw.trim().replace(/ {2,}/g, " ");
  const length = [...trimmed].length;
  if (length < 1 || length > PSEUDONYM_MAX || !PRINTABLE.test(trimmed)) return null;
  if (BLANK.test(trimmed) || !VISIBLE.test(trimmed)) return null;
  return trimmed;
}
