import type { Reaction } from "../../../core/protocol";
import type { RoomEvent } from "../roomEvents";

/** A reaction as a sentence for the live region: "Quiet Heron sent a heart". */
export const REACTION_SENTENCES: Record<Reaction, (name: string) => string> = {
  heart: (name) => `${name} sent a heart`,
  wave: (name) => `${name} waved`,
  metoo: (name) => `${name} says "me too"`,
  clap: (name) => `${name} clapped`,
};

/** Something someone did in the circle, in a sentence about them (the live region, a report's last minute). */
export function eventSentence(e: Pick<RoomEvent, "kind"> & { reaction?: Reaction }, name: string): string {
  switch (e.kind) {
    case "joined":
      return `${name} joined the circle`;
    case "left":
      return `${name} left the circle`;
    case "handRaised":
      return `${name} raised a hand`;
    case "handLowered":
      return `${name} lowered their hand`;
    case "away":
      return `${name} stepped away`;
    case "back":
      return `${name} is back`;
    case "muted":
      return `${name} was muted`;
    case "unmuted":
      return `${name} was unmuted`;
    case "gotPiece":
      return `${name} has the talking piece`;
    case "reaction":
      return e.reaction ? REACTION_SENTENCES[e.reaction](name) : `${name} reacted`;
  }
}
