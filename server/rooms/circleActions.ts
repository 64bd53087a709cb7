import { MAX_SEATS, Role, type Role as RoleT } from "../../core/protocol";
import { Participant, type CircleState } from "./CircleState";

/**
 * State changes of the circle as plain functions of the state, so the room's handlers stay a few
 * lines each. Each returns false when the action does not apply (nothing changed).
 */

/** Lowest free seat; the facilitator prefers seat 0. */
export function freeSeat(state: CircleState, role: RoleT): number {
  const taken = new Set<number>();
  state.participants.forEach((p) => taken.add(p.seat));
  const first = role === Role.facilitator ? 0 : 1;
  for (let s = first; s <= MAX_SEATS; s++) if (!taken.has(s)) return s;
  // Every seat from `first` is taken: a participant may still take the facilitator's empty seat 0.
  return taken.has(0) ? MAX_SEATS + 1 : 0;
}

/** People counted against capacity (everyone but facilitators), including those reconnecting. */
export function participantCount(state: CircleState): number {
  let n = 0;
  state.participants.forEach((p) => {
    if (p.role !== Role.facilitator) n++;
  });
  return n;
}

export function seatPerson(
  state: CircleState,
  sessionId: string,
  person: { pseudonym: string; look: string; role: RoleT },
): Participant {
  const p = new Participant();
  p.pseudonym = person.pseudonym;
  p.look = person.look;
  p.role = person.role;
  p.seat = freeSeat(state, person.role);
  state.participants.set(sessionId, p);
  return p;
}

/** Take someone out of the circle: their seat, raised hand and the talking piece. */
export function unseat(state: CircleState, sessionId: string): void {
  state.participants.delete(sessionId);
  lowerHand(state, sessionId);
  if (state.pieceHolder === sessionId) state.pieceHolder = "";
}

export function raiseHand(state: CircleState, sessionId: string): boolean {
  const p = state.participants.get(sessionId);
  if (!p || p.handRaised) return false;
  p.handRaised = true;
  state.handQueue.push(sessionId);
  return true;
}

export function lowerHand(state: CircleState, sessionId: string): boolean {
  const p = state.participants.get(sessionId);
  if (p) p.handRaised = false;
  const i = state.handQueue.indexOf(sessionId);
  if (i < 0) return false;
  state.handQueue.splice(i, 1);
  return true;
}

/** Give the talking piece to the first raised hand. */
export function callNext(state: CircleState): boolean {
  const next = state.handQueue[0];
  if (next === undefined) return false;
  lowerHand(state, next);
  state.pieceHolder = next;
  return true;
}

export function muteAll(state: CircleState): void {
  state.participants.forEach((p) => {
    if (p.role === Role.participant) p.muted = true;
  });
}
