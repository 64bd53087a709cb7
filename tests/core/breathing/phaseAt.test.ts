import { describe, expect, it } from "vitest";
import { PATTERNS, cycleMs, createPhaseState, phaseAt, type PhaseName } from "../../../core/breathing";

type Row = [elapsedMs: number, phase: PhaseName, cycle: number, remainingMs: number];

/** Every boundary of every built-in pattern: just before, at, just after. */
const TABLES: Record<keyof typeof PATTERNS, Row[]> = {
  box: [
    [0, "inhale", 0, 4000],
    [3999, "inhale", 0, 1],
    [4000, "hold", 0, 4000],
    [7999, "hold", 0, 1],
    [8000, "exhale", 0, 4000],
    [12_000, "hold-out", 0, 4000],
    [15_999, "hold-out", 0, 1],
    [16_000, "inhale", 1, 4000],
    [20_000, "hold", 1, 4000],
  ],
  "478": [
    [0, "inhale", 0, 4000],
    [4000, "hold", 0, 7000],
    [10_999, "hold", 0, 1],
    [11_000, "exhale", 0, 8000],
    [18_999, "exhale", 0, 1],
    [19_000, "inhale", 1, 4000],
  ],
  resonance: [
    [0, "inhale", 0, 5500],
    [5499, "inhale", 0, 1],
    [5500, "exhale", 0, 5500],
    [11_000, "inhale", 1, 5500],
  ],
  "cyclic-sigh": [
    [0, "inhale", 0, 2500],
    [2500, "inhale", 0, 1000],
    [3500, "exhale", 0, 6500],
    [9999, "exhale", 0, 1],
    [10_000, "inhale", 1, 2500],
  ],
};

describe("phaseAt", () => {
  for (const [id, rows] of Object.entries(TABLES)) {
    describe(id, () => {
      const pattern = PATTERNS[id as keyof typeof PATTERNS];
      it.each(rows)("at %i ms: %s, cycle %i, %i ms left", (elapsed, phase, cycle, remaining) => {
        const s = phaseAt(pattern, elapsed);
        expect(s.phase).toBe(phase);
        expect(s.cycle).toBe(cycle);
        expect(s.remainingMs).toBeCloseTo(remaining, 6);
        expect(s.done).toBe(false);
      });
    });
  }

  it("cycle lengths match the published patterns", () => {
    expect(cycleMs(PATTERNS.box)).toBe(16_000);
    expect(cycleMs(PATTERNS["478"])).toBe(19_000);
    expect(cycleMs(PATTERNS.resonance)).toBe(11_000);
    expect(cycleMs(PATTERNS["cyclic-sigh"])).toBe(10_000);
  });

  it("progress runs 0..1 within a step", () => {
    expect(phaseAt(PATTERNS.box, 0).progress).toBe(0);
    expect(phaseAt(PATTERNS.box, 2000).progress).toBeCloseTo(0.5);
    expect(phaseAt(PATTERNS.box, 3999).progress).toBeCloseTo(0.99975);
  });

  it("fullness rises on inhale, stays full on hold, falls on exhale, stays empty on hold-out", () => {
    const box = PATTERNS.box;
    expect(phaseAt(box, 0).fullness).toBeCloseTo(0);
    expect(phaseAt(box, 2000).fullness).toBeCloseTo(0.5);
    expect(phaseAt(box, 1000).fullness).toBeLessThan(phaseAt(box, 3000).fullness);
    expect(phaseAt(box, 6000).fullness).toBeCloseTo(1);
    expect(phaseAt(box, 10_000).fullness).toBeCloseTo(0.5);
    expect(phaseAt(box, 14_000).fullness).toBeCloseTo(0);
  });

  it("cyclic sighing tops up from three quarters to full on the second inhale", () => {
    const sigh = PATTERNS["cyclic-sigh"];
    expect(phaseAt(sigh, 2499).fullness).toBeCloseTo(0.75, 2);
    expect(phaseAt(sigh, 2500).fullness).toBeCloseTo(0.75, 6);
    expect(phaseAt(sigh, 3499).fullness).toBeCloseTo(1, 2);
    expect(phaseAt(sigh, 2600).stepIndex).toBe(1);
  });

  it("reports done after the planned cycles and holds the last step", () => {
    const s = phaseAt(PATTERNS.box, 3 * 16_000 + 5, 3);
    expect(s.done).toBe(true);
    expect(s.cycle).toBe(2);
    expect(s.phase).toBe("hold-out");
    expect(s.remainingMs).toBe(0);
    expect(phaseAt(PATTERNS.box, 3 * 16_000 - 1, 3).done).toBe(false);
  });

  it("treats negative, NaN and infinite time as the start", () => {
    for (const t of [-500, Number.NaN, Number.NEGATIVE_INFINITY]) {
      const s = phaseAt(PATTERNS.box, t);
      expect(s.phase).toBe("inhale");
      expect(s.cycle).toBe(0);
      expect(s.progress).toBe(0);
    }
  });

  it("writes into the object it is given, so the pacer allocates nothing per frame", () => {
    const out = createPhaseState();
    const result = phaseAt(PATTERNS.box, 9000, Infinity, out);
    expect(result).toBe(out);
    expect(out.phase).toBe("exhale");
  });
});
