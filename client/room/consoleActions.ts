import { PATTERNS, cyclesForMinutes, type BuiltInPatternId } from "../../core/breathing";
import { MAX_CYCLES, Role, mayActOn, mayPerform, type ClientMessage, type ReportReason } from "../../core/protocol";
import type { Alert, CircleSession, Knock, Person, RoomState, RoomStore } from "./roomStore";

/**
 * What the facilitator console offers, as plain data both consoles draw (the page's DOM console
 * and the headset's board): each action's message, words, and whether the server would accept
 * it from this role now (core/protocol `mayPerform` / `mayActOn`). One rule, every caller.
 */
export interface ConsoleAction {
  /** unique among the actions shown together: what tests and assistive tech aim at */
  key: string;
  message: ClientMessage;
  payload?: Record<string, string | number>;
  /** the words on the button */
  label: string;
  /** the button's full name when `label` alone is ambiguous in a list ("Mute Gentle Fern") */
  name: string;
  /** false: shown greyed (the server would refuse it) */
  enabled: boolean;
  /** ask this first (removing someone, ending the session) */
  confirm?: { question: string; yes: string };
  primary?: boolean;
}

/** Send a console action (does nothing when it is not enabled). */
export function runAction(store: RoomStore, action: ConsoleAction): void {
  if (action.enabled) store.getState().send(action.message, action.payload);
}

/** The circle as a whole: open it, lock or unlock it, mute everyone, end the session (facilitator only). */
export function circleActions(role: Role, session: Pick<CircleSession, "status" | "locked">): ConsoleAction[] {
  const out: ConsoleAction[] = [];
  if (session.status === "waiting" && mayPerform(role, "openCircle")) {
    out.push({ key: "open", message: "openCircle", label: "Open the circle", name: "Open the circle", enabled: true, primary: true });
  }
  out.push(
    session.locked
      ? { key: "unlock", message: "unlock", label: "Unlock", name: "Unlock the circle", enabled: mayPerform(role, "unlock") }
      : { key: "lock", message: "lock", label: "Lock to new people", name: "Lock to new people", enabled: mayPerform(role, "lock") },
    { key: "muteAll", message: "muteAll", label: "Mute all participants", name: "Mute all participants", enabled: mayPerform(role, "muteAll") },
  );
  if (mayPerform(role, "endSession")) {
    out.push({
      key: "end",
      message: "endSession",
      label: "End the session",
      name: "End the session",
      enabled: true,
      confirm: { question: "End the session for everyone? Everyone leaves the circle, and it cannot be opened again.", yes: "End session" },
    });
  }
  return out;
}

/** The circle's state in a sentence, for the console. */
export const circleSentence = (session: Pick<CircleSession, "status" | "locked">) =>
  `${session.status === "waiting" ? "Waiting: people can arrive and settle." : "Open."} ${session.locked ? "Locked to new people." : "New people can join."}`;

/**
 * What this role may do to `person`: mute or unmute, give the piece, promote or demote (only
 * where the role may at all), remove (asks first). Nothing for oneself.
 */
export function personActions(role: Role, person: Person, state: Pick<RoomState, "me" | "pieceHolder">): ConsoleAction[] {
  if (person.id === state.me) return [];
  const name = person.pseudonym;
  const target = { target: person.id };
  const out: ConsoleAction[] = [
    person.muted
      ? { key: "unmute", message: "unmute", payload: target, label: "Unmute", name: `Unmute ${name}`, enabled: mayActOn(role, "unmute", person.role) }
      : { key: "mute", message: "mute", payload: target, label: "Mute", name: `Mute ${name}`, enabled: mayActOn(role, "mute", person.role) },
    {
      key: "givePiece",
      message: "givePiece",
      payload: { to: person.id },
      label: "Give piece",
      name: `Give the talking piece to ${name}`,
      enabled: state.pieceHolder !== person.id && mayActOn(role, "givePiece", person.role),
    },
  ];
  if (mayPerform(role, "promote")) {
    out.push(
      person.role === Role.cofacilitator
        ? { key: "demote", message: "demote", payload: target, label: "Make participant", name: `Make ${name} a participant again`, enabled: mayActOn(role, "demote", person.role) }
        : { key: "promote", message: "promote", payload: target, label: "Make co-facilitator", name: `Make ${name} a co-facilitator`, enabled: mayActOn(role, "promote", person.role) },
    );
  }
  out.push({
    key: "remove",
    message: "remove",
    payload: target,
    label: "Remove",
    name: `Remove ${name}`,
    enabled: mayActOn(role, "remove", person.role),
    confirm: { question: `Remove ${name} from the circle? They cannot come back to this session.`, yes: "Remove" },
  });
  return out;
}

/** Let someone waiting in, or turn them away (a co-facilitator may too). */
export function knockActions(role: Role, knock: Knock): ConsoleAction[] {
  const target = { target: knock.id };
  return [
    { key: "admit", message: "admit", payload: target, label: "Admit", name: `Admit ${knock.pseudonym}`, enabled: mayPerform(role, "admit"), primary: true },
    { key: "decline", message: "decline", payload: target, label: "Decline", name: `Decline ${knock.pseudonym}`, enabled: mayPerform(role, "decline") },
  ];
}

/** Who waits to be let in, in a sentence. */
export function knocksSentence(knocks: readonly Knock[], admission: boolean): string {
  if (knocks.length > 0) return `${knocks.length === 1 ? "1 person is" : `${knocks.length} people are`} waiting to be let in.`;
  return admission ? "Nobody is waiting. Newcomers wait here until you let them in." : "Admission is off: newcomers come straight into the circle.";
}

/** Who holds the talking piece, in a sentence for this person. */
export function pieceSentence(state: Pick<RoomState, "me" | "pieceHolder" | "people">): string {
  if (state.pieceHolder !== "" && state.pieceHolder === state.me) return "You have the talking piece.";
  const holder = state.pieceHolder ? state.people[state.pieceHolder]?.pseudonym : undefined;
  return holder ? `${holder} has the talking piece.` : "Nobody has the talking piece.";
}

/** Raised hands in the order they were raised, by name. */
export const queueNames = (state: Pick<RoomState, "handQueue" | "people">): string[] => state.handQueue.map((id) => state.people[id]?.pseudonym ?? "Someone");

/** Call the first raised hand, and take the piece back. */
export function pieceActions(role: Role, state: Pick<RoomState, "me" | "pieceHolder" | "people" | "handQueue">): ConsoleAction[] {
  const first = state.handQueue[0] ? state.people[state.handQueue[0]]?.pseudonym : undefined;
  const mine = state.pieceHolder !== "" && state.pieceHolder === state.me;
  return [
    {
      key: "callNext",
      message: "callNext",
      label: `Call next${first ? `: ${first}` : ""}`,
      name: "Call next",
      enabled: state.handQueue.length > 0 && mayPerform(role, "callNext"),
      primary: true,
    },
    { key: "takePiece", message: "takePiece", label: "Take the piece", name: "Take the piece", enabled: !mine && mayPerform(role, "takePiece") },
  ];
}

/** Cycles offered for a pattern at first: about three minutes of it. */
export const defaultCycles = (patternId: BuiltInPatternId) => Math.min(MAX_CYCLES, cyclesForMinutes(PATTERNS[patternId], 3));

/** Whether a cycle count can be sent (whole, 1..MAX_CYCLES). */
export const validCycles = (cycles: number) => Number.isInteger(cycles) && cycles >= 1 && cycles <= MAX_CYCLES;

/** One step of the cycles stepper, within 1..MAX_CYCLES. */
export const stepCycles = (cycles: number, direction: 1 | -1) => Math.min(MAX_CYCLES, Math.max(1, (Number.isFinite(cycles) ? Math.round(cycles) : 1) + direction));

/** Start (or restart) the group exercise, and stop it while one runs. */
export function practiceActions(
  role: Role,
  form: { patternId: BuiltInPatternId; cycles: number },
  state: { open: boolean; running: boolean },
): ConsoleAction[] {
  const out: ConsoleAction[] = [
    {
      key: "start",
      message: "startPractice",
      payload: { patternId: form.patternId, cycles: form.cycles },
      label: state.running ? "Start again with this" : "Start together",
      name: state.running ? "Start again with this" : "Start together",
      enabled: state.open && validCycles(form.cycles) && mayPerform(role, "startPractice"),
      primary: true,
    },
  ];
  if (state.running) out.push({ key: "stop", message: "stopPractice", label: "Stop", name: "Stop the group exercise", enabled: mayPerform(role, "stopPractice") });
  return out;
}

/** Report reasons as the console reads them ("reported X: unkind or hurtful"). */
export const REPORT_REASON_WORDS: Record<ReportReason, string> = {
  unkind: "unkind or hurtful",
  unsafe: "makes them feel unsafe",
  impersonation: "pretending to be someone else",
  spam: "spam or disrupting the circle",
  other: "something else",
};

/** Report reasons as the reporter chooses them. */
export const REPORT_REASON_CHOICES: Record<ReportReason, string> = {
  unkind: "Unkind or hurtful",
  unsafe: "Makes me feel unsafe",
  impersonation: "Pretending to be someone else",
  spam: "Spam or disrupting the circle",
  other: "Something else",
};

/** Where the person who raised an alert sits ("seat 3"), or that they have left. */
export const seatText = (seat: number) => (seat >= 0 ? `seat ${seat}` : "has left");

/** A private alert in one sentence, without its time. */
export function alertSentence(alert: Alert): string {
  if (alert.kind === "moment") return `${alert.pseudonym} (${seatText(alert.seat)}) needs a moment.`;
  const reason = alert.reason ? `: ${REPORT_REASON_WORDS[alert.reason]}` : "";
  return `${alert.pseudonym} (${seatText(alert.seat)}) reported ${alert.targetPseudonym ?? "someone"}${reason}.`;
}

/** Unseen alerts first, newest first within each. */
export function alertsInOrder(alerts: readonly Alert[]): { unseen: Alert[]; seen: Alert[] } {
  return { unseen: alerts.filter((a) => !a.seen).reverse(), seen: alerts.filter((a) => a.seen).reverse() };
}
