import { describe, expect, it } from "vitest";
import { linked, mayBeHeard, type Voice } from "../../../core/voice";

const person = (over: Partial<Voice> = {}): Voice => ({ role: "participant", muted: false, mic: true, connected: true, ...over });
const free = { pieceMode: false, pieceHolder: "" };
const piece = (holder: string) => ({ pieceMode: true, pieceHolder: holder });

describe("mayBeHeard", () => {
  it.each<[string, Voice, { pieceMode: boolean; pieceHolder: string }, boolean]>([
    ["a participant with the mic on, free talk", person(), free, true],
    ["mic off", person({ mic: false }), free, false],
    ["muted by the facilitator", person({ muted: true }), free, false],
    ["muted while holding the piece", person({ muted: true }), piece("p"), false],
    ["reconnecting", person({ connected: false }), free, false],
    ["piece mode, not the holder", person(), piece("someone-else"), false],
    ["piece mode, the holder", person(), piece("p"), true],
    ["piece mode, nobody holds it", person(), piece(""), false],
    ["piece mode, the facilitator", person({ role: "facilitator" }), piece("someone-else"), true],
    ["piece mode, a co-facilitator", person({ role: "cofacilitator" }), piece(""), true],
    ["piece mode, the facilitator with the mic off", person({ role: "facilitator", mic: false }), piece(""), false],
    ["the facilitator muted by a... facilitator (never allowed, but the rule holds)", person({ role: "facilitator", muted: true }), free, false],
  ])("%s", (_label, p, floor, heard) => {
    expect(mayBeHeard("p", p, floor)).toBe(heard);
  });
});

describe("linked", () => {
  it("links a speaker and a listener, never two listeners", () => {
    expect(linked("a", person(), "b", person({ mic: false }), free)).toBe(true);
    expect(linked("b", person({ mic: false }), "a", person(), free)).toBe(true);
    expect(linked("a", person({ mic: false }), "b", person({ mic: false }), free)).toBe(false);
    expect(linked("a", person({ muted: true }), "b", person({ mic: false }), free)).toBe(false);
  });

  it("one speaker and 31 listeners make 31 links, not 496", () => {
    const people = Array.from({ length: 32 }, (_, i) => [`p${i}`, person({ mic: i === 0 })] as const);
    let links = 0;
    for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) if (linked(people[i]![0], people[i]![1], people[j]![0], people[j]![1], free)) links++;
    expect(links).toBe(31);
  });

  it("needs both connected and two different people", () => {
    expect(linked("a", person(), "b", person({ connected: false }), free)).toBe(false);
    expect(linked("a", person(), "a", person(), free)).toBe(false);
  });

  it("follows the piece: only pairs with the holder or a facilitator", () => {
    const floor = piece("h");
    expect(linked("h", person(), "x", person(), floor)).toBe(true);
    expect(linked("x", person(), "y", person(), floor)).toBe(false);
    expect(linked("f", person({ role: "facilitator" }), "y", person({ mic: false }), floor)).toBe(true);
  });
});
