import type { Reaction } from "../../core/protocol";
import type { Person, RoomState, RoomStore } from "./roomStore";

/** Something a person in the circle could notice: the same list feeds the live region and a report's last minute. */
export type RoomEvent =
  | { kind: "joined" | "left" | "handRaised" | "handLowered" | "away" | "back" | "muted" | "unmuted" | "gotPiece"; who: string }
  | { kind: "reaction"; who: string; reaction: Reaction };

function personEvents(before: Person | undefined, after: Person | undefined, id: string, out: RoomEvent[]) {
  if (!before && after) out.push({ kind: "joined", who: id });
  if (before && !after) out.push({ kind: "left", who: id });
  if (!before || !after) return;
  if (before.handRaised !== after.handRaised) out.push({ kind: after.handRaised ? "handRaised" : "handLowered", who: id });
  if (before.away !== after.away) out.push({ kind: after.away ? "away" : "back", who: id });
  if (before.muted !== after.muted) out.push({ kind: after.muted ? "muted" : "unmuted", who: id });
}

/**
 * What changed between two room states, as events. Runs on store changes only (never on a
 * pose-only patch, which does not touch the store). Nothing is reported for the first state of a
 * stay (everyone already seated is not "joining").
 */
export function roomEvents(prev: RoomState, next: RoomState): RoomEvent[] {
  const out: RoomEvent[] = [];
  if (!prev.me || prev.me !== next.me) return out;
  if (prev.people !== next.people) {
    for (const id in next.people) personEvents(prev.people[id], next.people[id], id, out);
    for (const id in prev.people) if (!next.people[id]) personEvents(prev.people[id], undefined, id, out);
  }
  if (prev.pieceHolder !== next.pieceHolder && next.pieceHolder) out.push({ kind: "gotPiece", who: next.pieceHolder });
  if (prev.reactions !== next.reactions) {
    const seen = prev.reactions.reduce((max, r) => Math.max(max, r.key), 0);
    for (const r of next.reactions) if (r.key > seen) out.push({ kind: "reaction", who: r.from, reaction: r.kind });
  }
  return out;
}

/** Call `listener` with each batch of room events (and both states, for names of people who left). Returns the cleanup. */
export function onRoomEvents(store: RoomStore, listener: (events: RoomEvent[], next: RoomState, prev: RoomState) => void): () => void {
  return store.subscribe((next, prev) => {
    const events = roomEvents(prev, next);
    if (events.length) listener(events, next, prev);
  });
}
