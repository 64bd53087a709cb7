import { describe, expect, it } from "vitest";
import { ORB_MAX_RADIUS, ORB_MIN_RADIUS, ORB_STILL_RADIUS, createOrbLook, cycleProgress, orbLookAt } from "../../../client/scene/orb/orbLook";

const at = (fullness: number, reducedMotion: boolean) => ({ ...orbLookAt(fullness, reducedMotion, createOrbLook()) });

describe("orb look", () => {
  it("grows with the breath: empty lungs smallest, full lungs largest", () => {
    expect(at(0, false).radius).toBeCloseTo(ORB_MIN_RADIUS);
    expect(at(1, false).radius).toBeCloseTo(ORB_MAX_RADIUS);
    const sizes = [0, 0.25, 0.5, 0.75, 1].map((f) => at(f, false).radius);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThan(sizes[i - 1]!);
  });

  it("keeps one size with reduced motion and shows the breath as brightness instead", () => {
    const looks = [0, 0.3, 0.6, 1].map((f) => at(f, true));
    for (const look of looks) expect(look.radius).toBe(ORB_STILL_RADIUS);
    for (let i = 1; i < looks.length; i++) expect(looks[i]!.brightness).toBeGreaterThan(looks[i - 1]!.brightness);
    expect(looks[3]!.brightness - looks[0]!.brightness).toBeGreaterThan(0.5);
  });

  it("clamps fullness outside 0..1", () => {
    expect(at(-0.5, false).radius).toBeCloseTo(ORB_MIN_RADIUS);
    expect(at(1.5, false).radius).toBeCloseTo(ORB_MAX_RADIUS);
  });

  it("reuses the object it is given (no allocation per frame)", () => {
    const out = createOrbLook();
    expect(orbLookAt(0.4, false, out)).toBe(out);
  });
});

describe("cycle progress", () => {
  it("runs 0..1 through each breathing cycle", () => {
    const f = { kind: "breathing" as const, totalMs: 64_000, cycles: 4, elapsedMs: 0 };
    expect(cycleProgress(f)).toBe(0);
    expect(cycleProgress({ ...f, elapsedMs: 8_000 })).toBeCloseTo(0.5);
    expect(cycleProgress({ ...f, elapsedMs: 20_000 })).toBeCloseTo(0.25);
  });

  it("shows the whole exercise for guided scripts, and nothing before a practice", () => {
    expect(cycleProgress({ kind: "guided", totalMs: 60_000, cycles: 1, elapsedMs: 15_000 })).toBeCloseTo(0.25);
    expect(cycleProgress({ kind: null, totalMs: 0, cycles: 0, elapsedMs: 0 })).toBe(0);
  });
});
