import { describe, expect, it } from "vitest";
import { EXERCISES, GUIDED, guidedAt, guidedStepMs, planSession, SESSION_MINUTES, type Exercise } from "../../../core/exercises";
import { PATTERNS } from "../../../core/breathing";

const box: Exercise = { kind: "breathing", id: "box", pattern: PATTERNS.box };
const grounding: Exercise = { kind: "guided", id: "grounding-54321", script: GUIDED["grounding-54321"] };

describe("planSession", () => {
  it.each(SESSION_MINUTES)("box breathing for %i minutes lasts close to that", (minutes) => {
    const plan = planSession(box, { kind: "minutes", minutes });
    expect(Math.abs(plan.totalMs - minutes * 60_000)).toBeLessThanOrEqual(8000);
    expect(plan.totalMs).toBe(plan.cycles * 16_000);
  });

  it.each([
    [0, 1],
    [-3, 1],
    [7.4, 7],
    [1000, 60],
  ])("a request for %d cycles plans %d", (asked, planned) => {
    expect(planSession(box, { kind: "cycles", cycles: asked }).cycles).toBe(planned);
  });

  it("stretches a guided script to the minutes chosen", () => {
    expect(planSession(grounding, { kind: "minutes", minutes: 5 }).totalMs).toBe(300_000);
    expect(planSession(grounding, { kind: "cycles", cycles: 4 }).totalMs).toBe(GUIDED["grounding-54321"].naturalMs);
  });

  it("lists breathing first, then grounding, body scan and muscle relaxation", () => {
    expect(EXERCISES.map((e) => e.id)).toEqual(["box", "478", "resonance", "cyclic-sigh", "grounding-54321", "body-scan", "pmr"]);
  });
});

describe("guidedAt", () => {
  const script = GUIDED["grounding-54321"];
  const total = 180_000;

  it("walks 5-4-3-2-1 in order: see, feel, hear, smell, taste", () => {
    const captions: string[] = [];
    let t = 0;
    for (let i = 0; i < script.steps.length; i++) {
      captions.push(guidedAt(script, t + 1, total).caption);
      t += guidedStepMs(script, i, total);
    }
    expect(captions.slice(1, 6).map((c) => c.match(/five|four|three|two|one/)?.[0])).toEqual(["five", "four", "three", "two", "one"]);
  });

  it("changes step exactly at the boundary and finishes at the end", () => {
    const first = guidedStepMs(script, 0, total);
    expect(guidedAt(script, first - 1, total).stepIndex).toBe(0);
    expect(guidedAt(script, first, total).stepIndex).toBe(1);
    const end = guidedAt(script, total, total);
    expect(end.done).toBe(true);
    expect(end.stepIndex).toBe(script.steps.length - 1);
    expect(end.remainingMs).toBe(0);
    expect(guidedAt(script, total - 1, total).done).toBe(false);
  });

  it("step lengths add up to the session length", () => {
    let sum = 0;
    for (let i = 0; i < script.steps.length; i++) sum += guidedStepMs(script, i, total);
    expect(sum).toBeCloseTo(total, 6);
  });
});
