import type { Client } from "@colyseus/core";
import type { EnvironmentId } from "../../core/environments";
import { POSE_MAX_PER_SECOND, type ActionError, type ServerMessages } from "../../core/protocol";
import { SIGNAL_BURST, SIGNAL_PER_SECOND, SPEAKING_PER_SECOND } from "../../core/voice";
import type { Admission } from "./Admission";
import type { ChatLog } from "./ChatLog";
import type { CheckInTally } from "./CheckInTally";
import type { CircleState } from "./CircleState";
import type { JoinAuth } from "./joinGate";
import type { PoseRelay } from "./PoseRelay";
import type { PracticeTimer } from "./PracticeTimer";
import type { PrivateAlerts } from "./PrivateAlerts";
import { RateGate } from "./RateGate";
import type { CircleVoice } from "./voiceMessages";

export type CircleClient = Client<{ auth: JoinAuth; messages: ServerMessages }>;

/** Per-person message rates of one circle (see docs/PROTOCOL.md, "Client → server messages"). */
export const newCircleRates = () =>
  new RateGate({
    pose: { perSecond: POSE_MAX_PER_SECOND, burst: 4 },
    react: { perSecond: 2, burst: 4 },
    moment: { perSecond: 0.2, burst: 2 },
    report: { perSecond: 0.1, burst: 3 },
    chat: { perSecond: 1, burst: 5 },
    time: { perSecond: 4, burst: 10 },
    signal: { perSecond: SIGNAL_PER_SECOND, burst: SIGNAL_BURST },
    speaking: { perSecond: SPEAKING_PER_SECOND, burst: 6 },
    other: { perSecond: 5, burst: 10 },
    /** facilitator actions and passPiece: refused with rate-limited past it (each may write the database) */
    action: { perSecond: 5, burst: 10 },
    /** asking for the voice settings (a request): rejected rate-limited past it */
    voice: { perSecond: 5, burst: 10 },
    /** messages of a type the room does not have: answered unknown-message, past it dropped (a request: rate-limited) */
    unknown: { perSecond: 5, burst: 10 },
  });
export type CircleRates = ReturnType<typeof newCircleRates>;

/**
 * What the message handlers and guards may touch: the state, the rates, the check-in tally, the
 * practice timer, the connected clients and the few operations only the room can do. Handlers are
 * written against this, never against the room class, so nothing calls back into the room.
 */
export interface CircleContext {
  readonly state: CircleState;
  readonly rates: CircleRates;
  readonly tally: CheckInTally;
  readonly practice: PracticeTimer;
  /** "I need a moment", reports and "may need support", for the facilitators only */
  readonly alerts: PrivateAlerts;
  /** who may be heard, and how voices travel (server/rooms/voiceMessages) */
  readonly voice: CircleVoice;
  /** the waiting area, and who sees which part of the state */
  readonly admission: Admission;
  /** recent chat, in memory for moderation only */
  readonly chat: ChatLog;
  /** everyone's pose, relayed in pose frames to the people seated (PoseRelay) */
  readonly poses: PoseRelay;
  /** clients connected now */
  readonly clients: Iterable<CircleClient>;
  /** the connected client of a sessionId */
  clientOf(sessionId: string): CircleClient | undefined;
  /** send to everyone seated in the circle (never to the waiting area) */
  broadcast<K extends keyof ServerMessages>(type: K, payload: ServerMessages[K]): void;
  /** show and store the session's environment */
  setEnvironment(environment: EnvironmentId): void;
  /** take someone out for good (close 4100, no reconnection) */
  removePerson(sessionId: string): void;
  /** end the session for everyone */
  end(): void;
  /** let someone waiting into the circle; why not, if refused */
  admit(sessionId: string): ActionError | void;
  /** turn away someone waiting (close 4102); false if they are not waiting */
  decline(sessionId: string): boolean;
  /** admission on or off, shown and stored on the session */
  setAdmission(on: boolean): void;
}
