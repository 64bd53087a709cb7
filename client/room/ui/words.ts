import type { Reaction } from "../../../core/protocol";
import type { RoomEvent } from "../roomEvents";
import type { MomentStatus } from "../roomStore";

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

/** Where this person's "I need a moment" is, in words. */
export const MOMENT_WORDS: Record<Exclude<MomentStatus, "none">, string> = {
  sending: "Telling the facilitators privately that you need a moment…",
  delivered: "The facilitators know you need a moment.",
  waiting: "No facilitator is connected right now. They will see it as soon as one is.",
  seen: "A facilitator has seen that you need a moment.",
};

/** Where this person's last report is, in words. */
export const REPORT_STATUS_WORDS: Record<Exclude<MomentStatus, "none">, string> = {
  sending: "Sending your report privately to the facilitators…",
  delivered: "Your report reached the facilitators.",
  waiting: "No facilitator is connected right now. Your report waits for the first one.",
  seen: "A facilitator has read your report.",
};

/** The waiting screen's words, the same on the page and on a headset's board. */
export const WAITING_WORDS = {
  knocking: {
    title: "Waiting to be let in",
    body: "The facilitator will let you into the circle soon. Until then nobody in the circle sees or hears you, and you don't see or hear them.",
  },
  leading: {
    title: "The circle is waiting for you",
    body: "People can arrive and settle. Open the circle from the console when you're ready.",
  },
  opening: {
    title: "The facilitator will open the circle soon",
    body: "You're in, and your seat is kept. Take your time to settle.",
  },
  breathe: "Breathe on your own while you wait",
  stopBreathing: "Stop breathing on my own",
  stopWaiting: "Stop waiting",
} as const;
