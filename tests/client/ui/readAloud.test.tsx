import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LEARNING_CARDS, cardSpeech } from "../../../core/care";
import { CardReader } from "../../../client/ui/learn/CardReader";

/** A device with one voice: what it was asked to say, and whether it was stopped. */
function deviceWithAVoice() {
  const spoken: { text: string; end: () => void }[] = [];
  const synth = {
    getVoices: () => [{ name: "Local voice", lang: "en-GB", localService: true }],
    speak: vi.fn((u: { text: string; onend: (() => void) | null }) => spoken.push({ text: u.text, end: () => u.onend?.() })),
    cancel: vi.fn(),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  vi.stubGlobal("speechSynthesis", synth);
  vi.stubGlobal(
    "SpeechSynthesisUtterance",
    class {
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    },
  );
  return { synth, spoken };
}

afterEach(() => void vi.unstubAllGlobals());

describe("reading a learning card aloud", () => {
  const card = LEARNING_CARDS[0]!;

  it("offers Read aloud where the device has a voice, reads the card with it, and stops on request", () => {
    const { synth, spoken } = deviceWithAVoice();
    render(<CardReader card={card} />);
    fireEvent.click(screen.getByRole("button", { name: "Read aloud" }));
    expect(spoken.map((s) => s.text)).toEqual([cardSpeech(card)]);
    expect(spoken[0]!.text).toContain(card.title);
    const stop = screen.getByRole("button", { name: "Stop reading" });
    expect(stop.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(stop);
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Read aloud" })).toBeTruthy();
  });

  it("shows Read aloud again when the voice has finished", async () => {
    const { spoken } = deviceWithAVoice();
    render(<CardReader card={card} />);
    fireEvent.click(screen.getByRole("button", { name: "Read aloud" }));
    spoken[0]!.end();
    expect(await screen.findByRole("button", { name: "Read aloud" })).toBeTruthy();
  });

  it("offers nothing to read aloud where the device has no voice", () => {
    vi.stubGlobal("speechSynthesis", { getVoices: () => [], addEventListener: () => undefined, removeEventListener: () => undefined });
    render(<CardReader card={card} />);
    expect(screen.queryByRole("button", { name: "Read aloud" })).toBeNull();
  });
});
