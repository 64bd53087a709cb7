import type { Reaction } from "../../../core/protocol";

/** A reaction as a sentence for the live region: "Quiet Heron sent a heart". */
export const REACTION_SENTENCES: Record<Reaction, (name: string) => string> = {
  heart: (name) => `${name} sent a heart`,
  wave: (name) => `${name} waved`,
  metoo: (name) => `${name} says "me too"`,
  clap: (name) => `${name} clapped`,
};
