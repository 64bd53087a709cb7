import { z } from "zod";
import { PATTERN_IDS } from "../breathing";
import { CARD_IDS } from "../care/cards";
import { ENVIRONMENT_IDS } from "../environments";
import { POSE_WORDS } from "../pose";
import {
  CHECK_IN_PHASES,
  LOOKS,
  MAX_CYCLES,
  REACTIONS,
  REPORT_EVENT_KINDS,
  REPORT_MAX_EVENTS,
  REPORT_REASONS,
  REPORT_WINDOW_MS,
  cleanPseudonym,
  type AlertKind,
  type AlertStatus,
} from "./rules";
import { CHAT_FILTERS, CHAT_MAX_LENGTH, SLOW_MODE_SECONDS, cleanChatText } from "./chat";
import type { ClientMessage, UNKNOWN_ACTION } from "./names";
import { sfuPayload, signalPayload, switchPayload, type VoiceServerMessages } from "./voice";
import type { ActionError } from "./codes";

/**
 * Payload schemas for every client → server message. All objects are strict (extra fields are
 * invalid) and every number must be finite: a payload that fails closes the sender with 4002.
 */

const uint32 = z.number().int().min(0).max(0xffff_ffff);
/** Colyseus session ids are short url-safe strings. */
export const sessionIdSchema = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/);

/** No payload (or an empty object). */
export const emptyPayload = z.strictObject({}).optional();
/** Six uint32 words from core/pose `packPose`. */
export const posePayload = z.array(uint32).length(POSE_WORDS);
export const reactPayload = z.strictObject({ kind: z.enum(REACTIONS) });
export const targetPayload = z.strictObject({ target: sessionIdSchema });
export const passPiecePayload = z.strictObject({ to: sessionIdSchema });
export const checkInPayload = z.strictObject({
  phase: z.enum(CHECK_IN_PHASES),
  value: z.number().int().min(0).max(10),
});
/** Client clock at send, ms (any finite number: zod 4 numbers refuse NaN and ±Infinity; echoed back). */
export const timePayload = z.strictObject({ t0: z.number() });
export const startPracticePayload = z.strictObject({
  patternId: z.enum(PATTERN_IDS),
  cycles: z.number().int().min(1).max(MAX_CYCLES),
});
/** Id of a private alert (as given in `moment`, `report` and `alertStatus`). */
export const alertIdSchema = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/);
export const markSeenPayload = z.strictObject({ id: alertIdSchema });

/** ms before the report was sent, 0..REPORT_WINDOW_MS */
const eventAge = z.number().int().min(0).max(REPORT_WINDOW_MS);
const presenceKinds = REPORT_EVENT_KINDS.filter((k): k is Exclude<typeof k, "reaction"> => k !== "reaction");
/** One room event the reporter's client saw: who did what how long ago (a reaction says which). */
export const reportEventSchema = z.union([
  z.strictObject({ ago: eventAge, kind: z.enum(presenceKinds), who: sessionIdSchema }),
  z.strictObject({ ago: eventAge, kind: z.literal("reaction"), who: sessionIdSchema, reaction: z.enum(REACTIONS) }),
]);
export type ReportEvent = z.infer<typeof reportEventSchema>;
export const reportPayload = z.strictObject({
  target: sessionIdSchema,
  reason: z.enum(REPORT_REASONS),
  /** the last minute of room events, newest last; at most REPORT_MAX_EVENTS */
  events: z.array(reportEventSchema).max(REPORT_MAX_EVENTS),
});

/** A chat message: plain text, 1–CHAT_MAX_LENGTH characters after `cleanChatText`. */
export const chatPayload = z.strictObject({
  text: z.string().max(CHAT_MAX_LENGTH * 4).refine((s) => cleanChatText(s) !== null, "1–300 characters of text"),
});
/** Id of a chat message (as given in `chat`). */
export const chatIdSchema = z.string().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/);
export const chatIdPayload = z.strictObject({ id: chatIdSchema });
export const reportChatPayload = z.strictObject({ id: chatIdSchema, reason: z.enum(REPORT_REASONS) });
const slowSeconds = z.union(SLOW_MODE_SECONDS.map((s) => z.literal(s)) as [z.ZodLiteral<0>, ...z.ZodLiteral<number>[]]);
/** Any of the circle's chat settings (at least one). */
export const setChatPayload = z
  .strictObject({ on: z.boolean().optional(), slowSeconds: slowSeconds.optional(), filter: z.enum(CHAT_FILTERS).optional() })
  .refine((m) => m.on !== undefined || m.slowSeconds !== undefined || m.filter !== undefined, "no setting");
/** One of the learning cards (core/care). */
export const shareCardPayload = z.strictObject({ id: z.enum(CARD_IDS) });

/** One of the calm environments (core/environments). */
export const environmentPayload = z.strictObject({ environment: z.enum(ENVIRONMENT_IDS) });

/** The schema of each message, by name. */
export const payloads = {
  pose: posePayload,
  raiseHand: emptyPayload,
  lowerHand: emptyPayload,
  react: reactPayload,
  stepAway: emptyPayload,
  stepBack: emptyPayload,
  needMoment: emptyPayload,
  report: reportPayload,
  passPiece: passPiecePayload,
  checkIn: checkInPayload,
  time: timePayload,
  openCircle: emptyPayload,
  startPractice: startPracticePayload,
  stopPractice: emptyPayload,
  setEnvironment: environmentPayload,
  mute: targetPayload,
  unmute: targetPayload,
  muteAll: emptyPayload,
  remove: targetPayload,
  lock: emptyPayload,
  unlock: emptyPayload,
  givePiece: passPiecePayload,
  takePiece: emptyPayload,
  callNext: emptyPayload,
  promote: targetPayload,
  demote: targetPayload,
  endSession: emptyPayload,
  markSeen: markSeenPayload,
  signal: signalPayload,
  mic: switchPayload,
  speaking: switchPayload,
  voice: emptyPayload,
  sfu: sfuPayload,
  setPieceMode: switchPayload,
  chat: chatPayload,
  reportChat: reportChatPayload,
  deleteChat: chatIdPayload,
  muteChat: targetPayload,
  unmuteChat: targetPayload,
  setChat: setChatPayload,
  shareCard: shareCardPayload,
  closeCard: emptyPayload,
  admit: targetPayload,
  decline: targetPayload,
  setAdmission: switchPayload,
} as const satisfies Record<ClientMessage, z.ZodType>;

/** Payload type of a message. */
export type Payload<M extends ClientMessage> = z.input<(typeof payloads)[M]>;

/**
 * Options passed to `joinOrCreate("circle", options)`. The facilitator additionally sends their
 * JWT as the auth token (`client.auth.token`), never in the options.
 */
export const joinOptionsSchema = z.strictObject({
  /** join code, any case, with or without dashes */
  code: z.string().max(32),
  /** 1–24 printable characters after trimming */
  pseudonym: z.string().max(200).refine((s) => cleanPseudonym(s) !== null, "pseudonym must be 1–24 printable characters, not all of them blank"),
  look: z.enum(LOOKS),
  /** version of the group agreement the person accepted (see core/care AGREEMENT_VERSION) */
  agreementVersion: z.number().int().optional(),
  /** the signed seat token this person was given in this circle, to come back to the same seat and role */
  seatToken: z.string().max(1024).optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;

/** Payloads of server → client messages (see ServerMessage). */
export interface ServerMessages extends VoiceServerMessages {
  /** this person's signed seat token (again whenever their role changes): keep it to rejoin the same seat */
  seat: { token: string };
  /** reply to `time`: the client's t0 echoed and the server time t1 (ms) */
  time: { t0: number; t1: number };
  /** someone asked privately for a moment (facilitators and co-facilitators only) */
  moment: { id: string; from: string };
  /** someone reported `target` (facilitators and co-facilitators only); `from` and `target` are sessionIds */
  report: { id: string; from: string; target: string; reason: (typeof REPORT_REASONS)[number]; events: ReportEvent[] };
  /** a private alert was marked seen by a facilitator or co-facilitator (to all of them) */
  alertSeen: { id: string };
  /** to the sender of a private alert: where it is */
  alertStatus: { id: string; kind: AlertKind; status: AlertStatus };
  reaction: { from: string; kind: (typeof REACTIONS)[number] };
  /** an action was refused; nothing changed */
  error: { action: ClientMessage | typeof UNKNOWN_ACTION; code: ActionError };
  checkedIn: { phase: (typeof CHECK_IN_PHASES)[number] };
  /** a chat message as the circle sees it (masked if the filter is on); `from` is a sessionId */
  chat: ChatLine;
  chatDeleted: { id: string };
  /** private: someone's own words suggest they may need support (facilitators and co-facilitators only) */
  support: { id: string; from: string };
  /** private: `from` reported one chat message, quoted as the circle saw it (facilitators and co-facilitators only) */
  chatReport: { id: string; from: string; reason: (typeof REPORT_REASONS)[number]; message: ChatLine };
  /** to someone joining while admission is on: waiting to be let in, then let in */
  admission: { status: AdmissionStatus };
}

/** Where someone joining stands: waiting in the waiting area, or let into the circle. */
export type AdmissionStatus = "knocking" | "admitted";

/** One chat message: its id, its sender's sessionId and its text. */
export interface ChatLine {
  id: string;
  from: string;
  text: string;
}
