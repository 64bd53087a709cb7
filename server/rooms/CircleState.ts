import { schema, t } from "@colyseus/schema";
import { DEFAULT_ENVIRONMENT } from "../../core/environments";
import { DEFAULT_CAPACITY, LOOKS, Role, SessionStatus } from "../../core/protocol";

/**
 * One person in the circle. Their pose is not in the state: it travels in pose frames (PoseRelay),
 * naming people by `seat`.
 */
export const Participant = schema(
  {
    pseudonym: t.string().default(""),
    look: t.string().default(LOOKS[0]),
    role: t.string().default(Role.participant),
    /** seat index around the circle, 0 = facilitator's seat */
    seat: t.uint8().default(0),
    handRaised: t.boolean().default(false),
    muted: t.boolean().default(false),
    away: t.boolean().default(false),
    connected: t.boolean().default(true),
    /** their microphone is on (or held ready for push-to-talk); set by their own client */
    mic: t.boolean().default(false),
    /** their voice-activity detector hears them; only while they may be heard (core/voice) */
    speaking: t.boolean().default(false),
    /** a facilitator stopped this person's chat (they still read it) */
    chatMuted: t.boolean().default(false),
  },
  "Participant",
);
export type Participant = InstanceType<typeof Participant>;

export const SessionInfo = schema(
  {
    title: t.string().default(""),
    status: t.string().default(SessionStatus.waiting),
    /** one of core/environments ENVIRONMENT_IDS */
    environment: t.string().default(DEFAULT_ENVIRONMENT),
    locked: t.boolean().default(false),
    /** participants allowed (the facilitator is not counted) */
    capacity: t.uint8().default(DEFAULT_CAPACITY),
    /** newcomers wait in the waiting area until a facilitator or co-facilitator admits them */
    admission: t.boolean().default(true),
  },
  "SessionInfo",
);

/** The group exercise: clients compute the phase themselves from these and the server clock. */
export const Practice = schema(
  {
    patternId: t.string().default(""),
    cycles: t.uint8().default(0),
    /** server time (ms, see `time`) of the first inhale */
    startedAt: t.float64().default(0),
    running: t.boolean().default(false),
  },
  "Practice",
);

/** The circle's chat settings (the messages themselves are never in the state). */
export const ChatSettings = schema(
  {
    on: t.boolean().default(true),
    /** seconds between one person's messages, 0 = no slow mode (SLOW_MODE_SECONDS) */
    slowSeconds: t.uint8().default(0),
    /** "mask" slurs and abuse (server side) or "off" (CHAT_FILTERS) */
    filter: t.string().default("mask"),
  },
  "ChatSettings",
);

/** Someone waiting to be admitted, as the facilitators see them. */
export const Knocker = schema(
  {
    pseudonym: t.string().default(""),
    look: t.string().default(LOOKS[0]),
  },
  "Knocker",
);
export type Knocker = InstanceType<typeof Knocker>;

/**
 * View tags (Colyseus StateView): who sees which part of the state. Fields without a tag (the
 * session, the practice, chat settings, the card) are seen by everyone connected, the waiting area
 * too; `IN_CIRCLE` fields only by people seated in the circle; `LEADS` only by the facilitator and
 * co-facilitators. Granted and taken back by server/rooms/Admission.
 */
export const IN_CIRCLE = 1;
export const LEADS = 2;

export const CircleState = schema(
  {
    session: t.ref(SessionInfo),
    /** by Colyseus session id; people seated in the circle only */
    participants: t.map(Participant).view(IN_CIRCLE),
    /** session id holding the talking piece, "" if nobody */
    pieceHolder: t.string().default("").view(IN_CIRCLE),
    /** session ids with a raised hand, in the order they raised it */
    handQueue: t.array("string").view(IN_CIRCLE),
    practice: t.ref(Practice),
    /** talking-piece mode: only the holder and the facilitators may be heard (core/voice) */
    pieceMode: t.boolean().default(false),
    chat: t.ref(ChatSettings),
    /** id of the learning card the facilitator has open for everyone (core/care), "" if none */
    card: t.string().default(""),
    /** people waiting to be admitted, by Colyseus session id; the facilitator and co-facilitators only */
    knocking: t.map(Knocker).view(LEADS),
  },
  "CircleState",
);
export type CircleState = InstanceType<typeof CircleState>;
