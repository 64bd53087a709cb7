import { create } from "zustand";
import type { EnvironmentId } from "../../core/environments";
import type { AlertKind, CheckInPhase, ClientMessage, Look, Reaction, ReportEvent, ReportReason, Role, SessionStatus } from "../../core/protocol";

/** Someone seated in the circle, as the roster and the console show them. Replaced (never mutated) on a change. */
export interface Person {
  /** Colyseus sessionId: the key every message uses */
  id: string;
  pseudonym: string;
  look: Look;
  role: Role;
  /** seat index around the circle, 0 = the facilitator's */
  seat: number;
  handRaised: boolean;
  muted: boolean;
  away: boolean;
  /** false while they are in the reconnection window */
  connected: boolean;
  /** their microphone is on (or ready for push-to-talk); absent = off */
  mic?: boolean;
  /** their voice-activity detector hears them (only while they may be heard); absent = not */
  speaking?: boolean;
}

/** What the session shows in the room. */
export interface CircleSession {
  title: string;
  status: SessionStatus;
  environment: EnvironmentId;
  locked: boolean;
  capacity: number;
}

/** Someone waiting to be let into the circle, as the facilitator's console lists them. */
export interface Knock {
  /** their Colyseus sessionId (what `admit` / `decline` take) */
  id: string;
  pseudonym: string;
  look: Look;
}

/** The shared exercise, in server time. */
export interface SharedPractice {
  patternId: string;
  cycles: number;
  /** server time (ms) of the first inhale */
  startedAt: number;
  running: boolean;
}

/**
 * Where a person is in joining and being in the circle:
 * - `preview`: the session's title and place are loading or shown, before the agreement;
 * - `agreement`: reading the group agreement and the not-therapy notice;
 * - `identity`: choosing a pseudonym and a look;
 * - `joining`: the join request is on its way;
 * - `in`: seated (the circle itself may still be waiting for the facilitator: `session.status`);
 * - `reconnecting`: the connection dropped and the SDK is trying again;
 * - `closed`: out of the room for a `reason` (refused, removed, ended, left, lost).
 */
export type RoomPhase = "preview" | "agreement" | "identity" | "joining" | "in" | "reconnecting" | "closed";

/** Why someone is not (or no longer) in the circle. Each has its own kind words (`closedMessage`). */
export type ClosedReason =
  | "unknown-code"
  | "too-many-tries"
  | "bad-code"
  | "ended"
  | "locked"
  | "full"
  | "agreement-outdated"
  | "invalid"
  | "not-signed-in"
  | "not-your-session"
  | "removed"
  | "declined"
  | "signed-out"
  | "flooded"
  | "left"
  | "lost"
  | "unreachable";

/** A private alert for facilitators ("I need a moment", a report). Kept in memory only. */
export interface Alert {
  /** the server's id (also for marking it seen) */
  id: string;
  kind: AlertKind;
  from: string;
  /** pseudonym and seat as they were when the alert came, in case the person has left since */
  pseudonym: string;
  seat: number;
  /** for reports */
  target?: string;
  targetPseudonym?: string;
  reason?: ReportReason;
  /** for reports: what the reporter's device saw in the last minute */
  events?: readonly ReportEvent[];
  /** Date.now() when it arrived */
  at: number;
  seen: boolean;
}

/** How long a reaction floats above someone, ms. */
export const REACTION_MS = 4000;

/** A reaction floating above someone, for a few seconds. */
export interface FloatingReaction {
  key: number;
  from: string;
  kind: Reaction;
  /** performance.now() when it arrived */
  at: number;
}

/** Where "I need a moment" is: sent, delivered to a facilitator, waiting for one, or seen. */
export type MomentStatus = "none" | "sending" | "delivered" | "waiting" | "seen";

/**
 * One check-in of this person around the circle's exercise: not answered yet, on its way,
 * counted by the server, or skipped (then nothing is sent). `value` stays on this device.
 */
export interface CheckInAnswer {
  state: "idle" | "sending" | "counted" | "skipped";
  value: number | null;
}

/** The shared exercise that ended last, for the check-in after it and the person's own history. */
export interface FinishedPractice {
  patternId: string;
  /** ms practised before it ended or was stopped */
  practisedMs: number;
  /** Date.now() when it ended */
  endedAt: number;
}

/** The connection's own surface, so the store does not depend on the SDK (tests pass a fake). */
export interface RoomLink {
  /** this person's sessionId */
  readonly sessionId: string;
  send(type: ClientMessage, payload?: unknown): void;
  /** leave on purpose (consented) */
  leave(): void;
}

export interface RoomState {
  /** canonical join code, "" until the route gives one */
  code: string;
  phase: RoomPhase;
  /** while reconnecting: the server said the circle is moving (redeploy), or it went away and we rejoin it elsewhere */
  moving: boolean;
  closedReason: ClosedReason | null;
  /** what the server said, if anything, for a refusal we do not know */
  closedDetail: string;
  /** before joining: from GET /api/join/:code */
  preview: { title: string; environment: EnvironmentId; scheduledAt: number | null } | null;
  pseudonym: string;
  look: Look;
  /** true when entering as the signed-in facilitator */
  asFacilitator: boolean;
  link: RoomLink | null;
  /** this person's sessionId once in */
  me: string;
  session: CircleSession;
  /** everyone seated, by sessionId */
  people: Record<string, Person>;
  /** this person joined while admission is on and waits to be let in (they see nobody meanwhile) */
  knocking: boolean;
  /** facilitators and co-facilitators: who is waiting to be let in, in the order they knocked */
  knocks: readonly Knock[];
  /** newcomers wait to be let in (the session's admission setting) */
  admission: boolean;
  pieceHolder: string;
  handQueue: readonly string[];
  practice: SharedPractice;
  /** facilitators only */
  alerts: readonly Alert[];
  reactions: readonly FloatingReaction[];
  moment: MomentStatus;
  /** where this person's last report is */
  reportStatus: MomentStatus;
  /** people this person has hidden (local, for this session only) */
  hidden: Readonly<Record<string, true>>;
  /** fade others' heads and hands that come within ~0.6 m */
  bubble: boolean;
  /** the last refused action, shown as a short notice */
  notice: string;
  /** performance.now() when this person began breathing on their own while the circle waits; -1 when not */
  waitingSince: number;
  /** this person has silenced their own cues (tones, haptics, speech) for the shared practice */
  cuesSilenced: boolean;
  /** the circle without 3D (less data and battery; also where WebGL cannot start): the DOM circle is the whole room */
  simpleView: boolean;
  /** single-key shortcuts in the room are on (a person can turn them off: speech input can trigger them) */
  shortcuts: boolean;
  /** this person's check-ins around the circle's exercise (the server counts each once per session) */
  checkIns: Readonly<Record<CheckInPhase, CheckInAnswer>>;
  /** the shared exercise that ended last, null before any */
  finished: FinishedPractice | null;

  set: (patch: Partial<RoomState>) => void;
  /** send a message (no-op when not connected) */
  send: (type: ClientMessage, payload?: unknown) => void;
  hide: (id: string) => void;
  unhide: (id: string) => void;
  close: (reason: ClosedReason, detail?: string) => void;
  /** answer a check-in (`value` 0..10) or skip it (`null`: nothing is sent) */
  checkIn: (phase: CheckInPhase, value: number | null) => void;
  /** forget everything of an earlier stay in a circle before joining again (keeps the person's choices) */
  resetCircle: () => void;
}

export const EMPTY_SESSION: CircleSession = { title: "", status: "waiting", environment: "shore", locked: false, capacity: 12 };
export const NO_PRACTICE: SharedPractice = { patternId: "", cycles: 0, startedAt: 0, running: false };
const NO_CHECK_INS: RoomState["checkIns"] = { before: { state: "idle", value: null }, after: { state: "idle", value: null } };

/** What a stay in a circle leaves behind; cleared by `resetCircle` before joining again. */
const CIRCLE_STATE = {
  me: "",
  session: EMPTY_SESSION,
  people: {},
  knocking: false,
  knocks: [],
  admission: true,
  pieceHolder: "",
  handQueue: [],
  practice: NO_PRACTICE,
  alerts: [],
  reactions: [],
  moment: "none",
  reportStatus: "none",
  hidden: {},
  notice: "",
  waitingSince: -1,
  checkIns: NO_CHECK_INS,
  finished: null,
} satisfies Partial<RoomState>;

/** Build a room store; tests make a fresh one each, the app uses `useRoomStore`. */
export function createRoomStore() {
  return create<RoomState>()((set, get) => ({
    code: "",
    phase: "preview",
    moving: false,
    closedReason: null,
    closedDetail: "",
    preview: null,
    pseudonym: "",
    look: "sage",
    asFacilitator: false,
    link: null,
    ...CIRCLE_STATE,
    bubble: true,
    cuesSilenced: false,
    shortcuts: true,
    simpleView: false,

    set: (patch) => set(patch),
    send: (type, payload) => get().link?.send(type, payload),
    hide: (id) => set((s) => ({ hidden: { ...s.hidden, [id]: true } })),
    unhide: (id) =>
      set((s) => {
        const hidden = { ...s.hidden };
        delete hidden[id];
        return { hidden };
      }),
    close: (reason, detail = "") => set({ phase: "closed", closedReason: reason, closedDetail: detail, link: null }),
    checkIn: (phase, value) => {
      const answer = get().checkIns[phase];
      if (answer.state === "sending" || answer.state === "counted") return;
      set((s) => ({ checkIns: { ...s.checkIns, [phase]: { state: value === null ? "skipped" : "sending", value } } }));
      if (value !== null) get().send("checkIn", { phase, value });
    },
    resetCircle: () => set(CIRCLE_STATE),
  }));
}

export type RoomStore = ReturnType<typeof createRoomStore>;

/** The app's room store (slow state: React renders on these changes, never on pose patches). */
export const useRoomStore = createRoomStore();

/** The person with this sessionId, if seated. */
export const personById = (s: RoomState, id: string): Person | undefined => s.people[id];

/** This person, once seated. */
export const myself = (s: RoomState): Person | undefined => s.people[s.me];
