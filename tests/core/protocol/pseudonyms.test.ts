import { describe, expect, it } from "vitest";
import { PSEUDONYM_ADJECTIVES, PSEUDONYM_NOUNS, cleanPseudonym, suggestPseudonym } from "../../../core/protocol";

describe("suggestPseudonym", () => {
  it("every name it can draw is a valid pseudonym of two words", () => {
    for (const a of PSEUDONYM_ADJECTIVES) {
      for (const n of PSEUDONYM_NOUNS) {
        const name = `${a} ${n}`;
        expect(cleanPseudonym(name)).toBe(name);
      }
    }
  });

  it("has no repeated words, so every draw is one of 900 distinct names", () => {
    expect(new Set(PSEUDONYM_ADJECTIVES).size).toBe(PSEUDONYM_ADJECTIVES.length);
    expect(new Set(PSEUDONYM_NOUNS).size).toBe(PSEUDONYM_NOUNS.length);
    expect(PSEUDONYM_ADJECTIVES.length * PSEUDONYM_NOUNS.length).toBe(900);
  });

  it.each([
    [0, "Quiet River"],
    [0.999999, "Even Comet"],
  ])("draws from the lists with random() = %s", (r, name) => {
    expect(suggestPseudonym(() => r)).toBe(name);
  });

  it("never repeats the name shown now, even with a stuck random source", () => {
    expect(suggestPseudonym(() => 0, "Quiet River")).toBe("Gentle River");
    const seq = [0, 0, 0.5, 0.5];
    let i = 0;
    expect(suggestPseudonym(() => seq[i++ % seq.length]!, "Quiet River")).toBe("Light Otter");
  });
});
