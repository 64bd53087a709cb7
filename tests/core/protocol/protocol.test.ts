import { describe, expect, it } from "vitest";
import {
  JOIN_CODE_ALPHABET,
  cleanPseudonym,
  joinOptionsSchema,
  normalizeJoinCode,
  payloads,
} from "../../../core/protocol";

describe("join codes", () => {
  it("the alphabet has no look-alikes", () => {
    for (const ch of "01OILU") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    expect(Math.log2(JOIN_CODE_ALPHABET.length) * 9).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ["K7P-M2Q-XW9", "K7P-M2Q-XW9"],
    ["k7p m2q xw9", "K7P-M2Q-XW9"],
    ["k7pm2qxw9", "K7P-M2Q-XW9"],
    ["K7P-M2Q-XW", null],
    ["K7P-M2Q-XW0", null],
    ["K7P-M2Q-XWO", null],
    ["", null],
    [42, null],
  ])("normalizes %j → %j", (input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });
});

describe("pseudonyms", () => {
  it.each([
    ["River", "River"],
    ["  Quiet   Fox  ", "Quiet Fox"],
    ["Ünïcødé 🌿", "Ünïcødé 🌿"],
    ["a".repeat(24), "a".repeat(24)],
    ["a".repeat(25), null],
    ["   ", null],
    ["", null],
    ["tab\there", null],
    ["new\nline", null],
    ["zero\u200bwidth", null],
    // Names that look empty: fillers, a blank braille pattern, marks with nothing to mark.
    ["\u3164", null],
    ["\uffa0", null],
    ["\u2800\u2800", null],
    ["Ash\u3164", null],
    ["\u034f", null],
    ["\ufe0f", null],
    ["\u0301\u0301", null],
    ["José", "José"],
    ["e\u0301", "e\u0301"],
    ["🌿", "🌿"],
    ["☺︎", "☺︎"],
    [17, null],
  ])("%j → %j", (input, expected) => {
    expect(cleanPseudonym(input)).toBe(expected);
  });
});

describe("payload schemas", () => {
  it.each<[keyof typeof payloads, unknown]>([
    ["pose", [1, 2, 3, 4, 5, 6]],
    ["raiseHand", undefined],
    ["raiseHand", {}],
    ["react", { kind: "metoo" }],
    ["checkIn", { phase: "before", value: 0 }],
    ["checkIn", { phase: "after", value: 10 }],
    ["time", { t0: 123.5 }],
    ["startPractice", { patternId: "box", cycles: 4 }],
    ["setEnvironment", { environment: "forest" }],
    ["setEnvironment", { environment: "night" }],
    ["mute", { target: "abc_DEF-123" }],
  ])("%s accepts %j", (name, payload) => {
    expect(payloads[name].safeParse(payload).success).toBe(true);
  });

  it.each<[keyof typeof payloads, unknown]>([
    ["pose", [1, 2, 3, 4, 5]],
    ["pose", [1, 2, 3, 4, 5, 6, 7]],
    ["pose", [1, 2, 3, 4, 5, Number.NaN]],
    ["pose", [1, 2, 3, 4, 5, -1]],
    ["pose", [1, 2, 3, 4, 5, 2 ** 32]],
    ["pose", [1, 2, 3, 4, 5, 1.5]],
    ["pose", "123456"],
    ["raiseHand", { extra: 1 }],
    ["react", { kind: "boo" }],
    ["react", { kind: "heart", extra: true }],
    ["checkIn", { phase: "before", value: 11 }],
    ["checkIn", { phase: "during", value: 5 }],
    ["checkIn", { phase: "before", value: 5.5 }],
    ["time", { t0: Number.POSITIVE_INFINITY }],
    ["time", { t0: Number.NaN }],
    ["time", { t0: "now" }],
    ["startPractice", { patternId: "custom", cycles: 4 }],
    ["startPractice", { patternId: "box", cycles: 0 }],
    ["startPractice", { patternId: "box", cycles: 1e9 }],
    ["setEnvironment", { environment: "x".repeat(100) }],
    ["setEnvironment", { environment: "../etc" }],
    ["setEnvironment", { environment: "forest-dawn" }],
    ["setEnvironment", { environment: "Shore" }],
    ["mute", { target: "x".repeat(10_000) }],
    ["mute", {}],
  ])("%s rejects %j", (name, payload) => {
    expect(payloads[name].safeParse(payload).success).toBe(false);
  });
});

describe("join options", () => {
  it("accepts a participant's options and rejects extra or malformed fields", () => {
    expect(joinOptionsSchema.safeParse({ code: "K7P-M2Q-XW9", pseudonym: "Fox", look: "sage", agreementVersion: 1 }).success).toBe(true);
    expect(joinOptionsSchema.safeParse({ code: "K7P-M2Q-XW9", pseudonym: "Fox", look: "gold" }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ code: "K7P-M2Q-XW9", pseudonym: "", look: "sage" }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ code: "K7P-M2Q-XW9", pseudonym: "Fox", look: "sage", token: "x" }).success).toBe(false);
  });
});
