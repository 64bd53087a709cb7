import { Role } from "../../core/protocol";
import type { Person, RoomState } from "./roomStore";

/** 1 → "1st", 2 → "2nd", 12 → "12th", 23 → "23rd". */
export const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
};

/**
 * What someone's presence says, in the order a person would want to know it: role, speaking now,
 * the talking piece, a raised hand with its place in the queue, muted, away, reconnecting. Shared by the
 * avatar labels, the roster and the DOM circle view so they never disagree.
 */
export function presenceWords(person: Person, state: Pick<RoomState, "pieceHolder" | "handQueue">): string[] {
  const words: string[] = [];
  if (person.role === Role.facilitator) words.push("Facilitator");
  else if (person.role === Role.cofacilitator) words.push("Co-facilitator");
  if (person.speaking) words.push("Speaking");
  if (state.pieceHolder === person.id) words.push("Has the talking piece");
  const place = state.handQueue.indexOf(person.id);
  if (person.handRaised) words.push(place >= 0 ? `Hand raised · ${ordinal(place + 1)}` : "Hand raised");
  if (person.muted) words.push("Muted");
  if (!person.connected) words.push("Reconnecting…");
  else if (person.away) words.push("Stepped away");
  return words;
}
