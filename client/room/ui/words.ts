import type { Reaction, Role } from "../../../core/protocol";
import type { Person } from "../roomStore";

const ORDINAL = new Intl.PluralRules("en", { type: "ordinal" });
const SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export const ordinal = (n: number): string => `${n}${SUFFIX[ORDINAL.select(n)] ?? "th"}`;

export const ROLE_NAMES: Record<Role, string> = { facilitator: "Facilitator", cofacilitator: "Co-facilitator", participant: "" };

/** A reaction as a sentence for the live region: "Quiet Heron sent a heart". */
export const REACTION_SENTENCES: Record<Reaction, (name: string) => string> = {
  heart: (name) => `${name} sent a heart`,
  wave: (name) => `${name} waved`,
  metoo: (name) => `${name} says "me too"`,
  clap: (name) => `${name} clapped`,
};

/** The short words shown (and read) beside a seat, in the order a person would want them. */
export function personStates(person: Person, { holdsPiece, queuePosition }: { holdsPiece: boolean; queuePosition: number }): string[] {
  const words: string[] = [];
  if (ROLE_NAMES[person.role]) words.push(ROLE_NAMES[person.role]);
  if (holdsPiece) words.push("Has the talking piece");
  if (person.handRaised) words.push(queuePosition > 0 ? `Hand up, ${ordinal(queuePosition)}` : "Hand up");
  if (person.muted) words.push("Muted");
  if (person.away) words.push("Stepped away");
  if (!person.connected) words.push("Reconnecting…");
  return words;
}
