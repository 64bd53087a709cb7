import { describe, expect, it } from "vitest";
import { CRISIS_PHRASE_LISTS, compilePattern, matchCrisis, normalizeForMatch } from "../../../core/care";
import { SAMPLE } from "./crisisSample";

/*
 * Measured on the labelled sample (crisisSample.ts, 148 lines: 78 labelled crisis, 70 not):
 *   false positives 4 of 70 — recovery stories told in the past tense ("last year I felt suicidal
 *   but…", "when I was at my worst I wanted to die…"), a documentary about overdose deaths, and
 *   the hyperbole "I could kill myself for forgetting her birthday";
 *   false negatives 3 of 78 — "I wrote a note for my family", "I don't think I'll be here next
 *   week", "…there's no point anymore": said without any phrase on the list.
 * The sample was written for these tests, so real chat will do worse; a false alarm costs a gentle
 * offer and a private "may need support", a miss costs more. Keep these numbers true when the
 * lists change (the last test fails until they are).
 */
const MEASURED = { falsePositives: 4, falseNegatives: 3 };

describe("crisis phrase matcher", () => {
  it.each([
    ["I want to die", "want-to-die"],
    ["I'm going to kill myself", "kill-myself"],
    ["feeling suicidal tonight", "suicidal"],
    ["I've been cutting myself", "self-harm"],
    ["I took an overdose", "plan"],
    ["there's no reason to live", "no-reason"],
    ["I can't take it anymore", "trapped"],
    ["everyone would be better off without me", "burden"],
    ["this is goodbye everyone", "goodbye"],
    ["I WANT TO DIEEEE", "want-to-die"],
    ["I don’t want to live anymore", "not-want-to-live"],
    ["quiero morir", "es-want-to-die"],
    ["todos estarían mejor sin mí", "es-burden"],
  ])("%j is a sign (%s)", (text, sign) => {
    expect(matchCrisis(text)?.sign).toBe(sign);
  });

  it.each([
    "this traffic is killing me",
    "I'm dying to see the new film",
    "I'd rather die than sing karaoke",
    "I want to dye my hair blue",
    "I cut myself shaving this morning",
    "I can't go on the trip next week",
    "goodbye everyone, see you next week",
    "I'm hopeless at cooking",
    "I'm not suicidal, just really tired",
    "my friend is suicidal and I don't know how to help",
    "if you're thinking about suicide please call 988",
    "I took my pills this morning like the doctor said",
    "me voy a morir de risa",
    "me corto el pelo mañana",
  ])("%j is a near miss, not a sign", (text) => {
    expect(matchCrisis(text)).toBeNull();
  });

  it("a negation that belongs to a different part of the sentence does not cancel", () => {
    expect(matchCrisis("im not ok i want to die")).not.toBeNull();
    expect(matchCrisis("I'm not okay and I want to die")).not.toBeNull();
    expect(matchCrisis("I'm not going to kill myself")).toBeNull();
  });

  it("says what kind of sign matched and never echoes the text", () => {
    const match = matchCrisis("honestly i just wanna die");
    expect(match).toEqual({ lang: "en", sign: "want-to-die", kind: "wanting-to-die" });
  });

  it("normalizes case, accents, apostrophes and stretched letters, and keeps sentence breaks", () => {
    expect(normalizeForMatch("I’M SOOOO Tired. Daño!")).toBe(" im so tired . dano . ");
  });

  it("compiles the pattern language: alternatives, optional words, gaps and clause ends", () => {
    const re = compilePattern("want|wanna to? die $|now");
    const test = (s: string) => ((re.lastIndex = 0), re.test(normalizeForMatch(s)));
    expect(test("I wanna die")).toBe(true);
    expect(test("want to die now")).toBe(true);
    expect(test("want to die. ok")).toBe(true);
    expect(test("want to diet")).toBe(false);
    expect(test("want to die soon")).toBe(false);
    const gap = compilePattern("thinking … suicide");
    const gapTest = (s: string) => ((gap.lastIndex = 0), gap.test(normalizeForMatch(s)));
    expect(gapTest("thinking often of suicide")).toBe(true);
    expect(gapTest("thinking a lot about suicide")).toBe(false); // at most two words in a gap
  });

  it("every list is reviewed, cited, and every pattern compiles", () => {
    for (const list of CRISIS_PHRASE_LISTS) {
      expect(list.reviewed).toMatch(/^\d{4}-\d{2}$/);
      expect(list.sources.length).toBeGreaterThanOrEqual(2);
      for (const sign of list.signs) for (const p of sign.patterns) expect(() => compilePattern(p)).not.toThrow();
    }
  });

  it("gives long or odd input an answer without trouble", () => {
    expect(matchCrisis("")).toBeNull();
    expect(matchCrisis("a ".repeat(5000))).toBeNull();
    expect(matchCrisis("😀 ‮ \u0000 want to die")).not.toBeNull();
  });

  it("labelled sample: false positives and false negatives are as reported above", () => {
    const wrong = { falsePositives: [] as string[], falseNegatives: [] as string[] };
    for (const [text, crisis] of SAMPLE) {
      const matched = matchCrisis(text) !== null;
      if (matched && !crisis) wrong.falsePositives.push(text);
      if (!matched && crisis) wrong.falseNegatives.push(text);
    }
    expect(SAMPLE.filter(([, c]) => c)).toHaveLength(78);
    expect(SAMPLE.filter(([, c]) => !c)).toHaveLength(70);
    expect({ falsePositives: wrong.falsePositives.length, falseNegatives: wrong.falseNegatives.length }, JSON.stringify(wrong, null, 1)).toEqual(MEASURED);
  });
});
