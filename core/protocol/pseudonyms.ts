import { PSEUDONYM_MAX } from "./rules";

/**
 * Calm two-word names a person can take in a circle instead of typing one ("Suggest one"). Drawn
 * on the device from these lists: no real name is ever asked, and nothing is looked up anywhere.
 * Words are gentle and plain — no animals of prey, no weather that frightens, nothing that reads
 * as a judgement of the person.
 */
export const PSEUDONYM_ADJECTIVES = [
  "Quiet", "Gentle", "Still", "Soft", "Calm", "Slow", "Warm", "Steady", "Kind", "Bright",
  "Easy", "Mild", "Patient", "Hushed", "Open", "Light", "Clear", "Rested", "Peaceful", "Tender",
  "Drifting", "Golden", "Silver", "Misty", "Amber", "Evening", "Morning", "Hopeful", "Humble", "Even",
] as const;

export const PSEUDONYM_NOUNS = [
  "River", "Willow", "Harbour", "Meadow", "Heron", "Fern", "Pebble", "Cedar", "Lantern", "Cloud",
  "Tide", "Maple", "Sparrow", "Brook", "Moss", "Otter", "Reed", "Lake", "Birch", "Wren",
  "Shore", "Clover", "Ember", "Valley", "Finch", "Hollow", "Dune", "Breeze", "Orchard", "Comet",
] as const;

/**
 * A calm two-word name, e.g. "Quiet Heron". `random` returns [0, 1) like Math.random; pass
 * `avoid` (the name shown now) so pressing "Suggest one" always gives a different name.
 */
export function suggestPseudonym(random: () => number = Math.random, avoid = ""): string {
  const pick = <T>(list: readonly T[]) => list[Math.min(list.length - 1, Math.floor(random() * list.length))]!;
  // Bounded: a second draw differs unless `random` is constant; then take the next adjective.
  for (let i = 0; i < 4; i++) {
    const name = `${pick(PSEUDONYM_ADJECTIVES)} ${pick(PSEUDONYM_NOUNS)}`;
    if (name !== avoid && name.length <= PSEUDONYM_MAX) return name;
  }
  const [adjective, noun] = avoid.split(" ");
  const next = PSEUDONYM_ADJECTIVES[(PSEUDONYM_ADJECTIVES.indexOf(adjective as never) + 1) % PSEUDONYM_ADJECTIVES.length];
  return `${next} ${noun ?? PSEUDONYM_NOUNS[0]}`;
}
