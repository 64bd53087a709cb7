import { describe, expect, it } from "vitest";
import { CARD_IDS, LEARNING_CARDS, cardSpeech, getCard } from "../../../core/care";

const TRUSTED = /World Health Organization|National Institute of Mental Health|NHS|doi\.org/;

describe("learning cards", () => {
  it("there are at least 12, with unique ids", () => {
    expect(LEARNING_CARDS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CARD_IDS).size).toBe(LEARNING_CARDS.length);
  });

  it.each(LEARNING_CARDS.map((c) => [c.id, c] as const))("%s is short, plain and sourced", (_id, card) => {
    const words = card.body.join(" ").split(/\s+/).length;
    expect(words).toBeGreaterThan(40);
    // short enough to read on a panel in a headset, or aloud in about a minute
    expect(words).toBeLessThanOrEqual(160);
    expect(card.sources.length).toBeGreaterThan(0);
    for (const s of card.sources) {
      expect(`${s.publisher} ${s.where}`).toMatch(TRUSTED);
      expect(s.where).not.toMatch(/^https?:/);
      expect(s.year).toBeGreaterThan(2000);
    }
  });

  it("covers the topics a circle asks about", () => {
    const titles = LEARNING_CARDS.map((c) => c.title.toLowerCase()).join(" | ");
    for (const topic of ["anxiety", "breathing", "grounding", "sleep", "reaching out", "friend", "myths", "peer support"]) expect(titles).toContain(topic);
  });

  it("finds a card by id and reads its title and paragraphs aloud", () => {
    const card = getCard("grounding");
    expect(card?.title).toBe("Grounding: coming back to now");
    expect(cardSpeech(card!)).toMatch(/^Grounding: coming back to now\n\nWhen thoughts/);
    expect(getCard("nope")).toBeUndefined();
  });
});
