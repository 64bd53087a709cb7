import { describe, expect, it } from "vitest";
import { PATTERNS, PATTERN_IDS, cyclesForMinutes, isPatternId } from "../../../core/breathing";

describe("built-in patterns", () => {
  it.each(PATTERN_IDS)("%s carries an evidence note with a source and at least one caution", (id) => {
    const p = PATTERNS[id];
    expect(p.id).toBe(id);
    expect(p.evidence.note.length).toBeGreaterThan(20);
    expect(p.evidence.source).toMatch(/\d{4}/);
    expect(p.cautions.length).toBeGreaterThan(0);
  });

  it("cites Balban et al. 2023 for cyclic sighing", () => {
    expect(PATTERNS["cyclic-sigh"].evidence.source).toMatch(/Balban et al\. 2023, Cell Reports Medicine/);
  });

  it("warns about holds for patterns with long holds", () => {
    expect(PATTERNS["478"].cautions.join(" ")).toMatch(/holds are not for everyone/);
    expect(PATTERNS.box.cautions.join(" ")).toMatch(/holds are not for everyone/);
  });

  it.each([
    ["box", 1, 4],
    ["box", 10, 38],
    ["478", 3, 9],
    ["resonance", 5, 27],
    ["cyclic-sigh", 5, 30],
  ] as const)("%s for %i minutes is %i cycles", (id, minutes, cycles) => {
    expect(cyclesForMinutes(PATTERNS[id], minutes)).toBe(cycles);
  });

  it("recognises only built-in ids", () => {
    expect(isPatternId("box")).toBe(true);
    for (const v of ["custom", "BOX", "", 4, null, undefined, "__proto__"]) expect(isPatternId(v)).toBe(false);
  });
});
