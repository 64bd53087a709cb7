import { describe, expect, it } from "vitest";
import { cycleMs, phaseAt, validateCustomPattern } from "../../../core/breathing";

describe("validateCustomPattern", () => {
  it("builds a pattern and skips zero-length holds", () => {
    const r = validateCustomPattern({ inhale: 4, hold: 0, exhale: 6, holdOut: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pattern.steps.map((s) => s.phase)).toEqual(["inhale", "exhale"]);
    expect(cycleMs(r.pattern)).toBe(10_000);
    expect(phaseAt(r.pattern, 4000).phase).toBe("exhale");
    expect(r.pattern.cautions.join(" ")).not.toMatch(/holds/);
  });

  it("keeps holds and warns about them", () => {
    const r = validateCustomPattern({ inhale: 4, hold: 2.5, exhale: 6, holdOut: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pattern.steps.map((s) => [s.phase, s.ms])).toEqual([
      ["inhale", 4000],
      ["hold", 2500],
      ["exhale", 6000],
      ["hold-out", 1000],
    ]);
    expect(r.pattern.cautions.join(" ")).toMatch(/holds/);
  });

  it.each([
    [{ inhale: 1.5, hold: 0, exhale: 6, holdOut: 0 }, /Breathe in: choose between 2 and 10/],
    [{ inhale: 11, hold: 0, exhale: 6, holdOut: 0 }, /Breathe in: choose between 2 and 10/],
    [{ inhale: 4, hold: -1, exhale: 6, holdOut: 0 }, /Hold after breathing in: choose between 0 and 10/],
    [{ inhale: 4, hold: 0, exhale: 13, holdOut: 0 }, /Breathe out: choose between 2 and 12/],
    [{ inhale: 4, hold: 0, exhale: 6, holdOut: 10.5 }, /Hold after breathing out: choose between 0 and 10/],
    [{ inhale: 4.3, hold: 0, exhale: 6, holdOut: 0 }, /whole or half seconds/],
    [{ inhale: Number.NaN, hold: 0, exhale: 6, holdOut: 0 }, /Breathe in: enter a number/],
    [{ inhale: Number.POSITIVE_INFINITY, hold: 0, exhale: 6, holdOut: 0 }, /Breathe in: enter a number/],
    [{ inhale: "4", hold: 0, exhale: 6, holdOut: 0 }, /Breathe in: enter a number/],
    [{ hold: 0, exhale: 6, holdOut: 0 }, /Breathe in: enter a number/],
    [{ inhale: 10, hold: 5, exhale: 6, holdOut: 0 }, /at most 20 seconds in all \(now 21\)/],
  ])("refuses %o", (input, message) => {
    const r = validateCustomPattern(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join("\n")).toMatch(message);
  });

  it("reports every bad field at once", () => {
    const r = validateCustomPattern({ inhale: 0, hold: 0, exhale: 0, holdOut: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(2);
  });
});
