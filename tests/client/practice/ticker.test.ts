import { soloPractice } from "../../../client/practice/source";
import { describe, expect, it } from "vitest";
import { createPracticeTicker, type PracticeStep } from "../../../client/practice/ticker";
import { createAppStore } from "../../../client/state/store";
import { freshFrame } from "../helpers";

/** A store practising `exerciseId` since t = 0, with a ticker writing into its own frame. */
function setup(exerciseId = "box", cycles = 2) {
  const store = createAppStore();
  store.getState().chooseExercise(exerciseId);
  store.getState().chooseLength({ kind: "cycles", cycles });
  store.getState().checkIn(5, 0);
  const out = freshFrame();
  const ticker = createPracticeTicker(soloPractice(store), out);
  const steps: string[] = [];
  ticker.onStep((s) => steps.push(`${s.cycle}:${s.phase}`));
  return { store, out, ticker, steps };
}

describe("practice ticker", () => {
  it("changes the caption exactly at box breathing's phase boundaries", () => {
    const { out, ticker } = setup();
    const seen: [number, string, number][] = [];
    for (const t of [0, 3999, 4000, 7999, 8000, 12_000, 16_000]) {
      ticker.tick(t);
      seen.push([t, out.caption, out.count]);
    }
    expect(seen).toEqual([
      [0, "Breathe in", 4],
      [3999, "Breathe in", 1],
      [4000, "Hold", 4],
      [7999, "Hold", 1],
      [8000, "Breathe out", 4],
      [12_000, "Hold", 4],
      [16_000, "Breathe in", 4],
    ]);
    expect(out.progressText).toBe("Cycle 2 of 2");
  });

  it("tells cue engines once per step, not once per frame", () => {
    const { ticker, steps } = setup();
    for (let t = 0; t <= 17_000; t += 11) ticker.tick(t);
    expect(steps).toEqual(["0:inhale", "0:hold", "0:exhale", "0:hold-out", "1:inhale"]);
  });

  it("reports when the caption next changes, so a timer can hit the boundary", () => {
    const { ticker } = setup();
    ticker.tick(2500);
    expect(ticker.nextChangeIn()).toBe(500);
    ticker.tick(3000);
    expect(ticker.nextChangeIn()).toBe(1000);
  });

  it("stops at the end of the plan and counts exactly the planned time", () => {
    const { store, ticker } = setup("box", 2);
    ticker.tick(31_000);
    expect(store.getState().screen).toBe("practice");
    ticker.tick(32_400);
    expect(store.getState().screen).toBe("check-out");
    expect(store.getState().draft.practisedMs).toBe(32_000);
  });

  it("holds still while paused", () => {
    const { store, out, ticker } = setup();
    store.getState().pause(2000);
    ticker.tick(9000);
    expect(out.caption).toBe("Breathe in");
    expect(ticker.nextChangeIn()).toBe(Infinity);
  });

  it("writes into the same objects every frame (no per-frame allocation)", () => {
    const { out, ticker } = setup();
    const phase = out.phase;
    const events = new Set<Readonly<PracticeStep>>();
    ticker.onStep((s) => events.add(s));
    for (let t = 0; t < 20_000; t += 16) ticker.tick(t);
    expect(out.phase).toBe(phase);
    expect(events.size).toBe(1);
  });

  it("walks a guided script step by step and shows time left", () => {
    const store = createAppStore();
    store.getState().chooseExercise("body-scan");
    store.getState().chooseLength({ kind: "minutes", minutes: 1 });
    store.getState().checkIn(null, 0);
    const out = freshFrame();
    const ticker = createPracticeTicker(soloPractice(store), out);
    ticker.tick(0);
    expect(out.caption).toBe("Sit or lie comfortably. Let your breath settle.");
    expect(out.count).toBe(60);
    expect(out.progressText).toBe("Step 1 of 10");
    ticker.tick(59_000);
    expect(out.caption).toContain("open your eyes");
    ticker.tick(60_000);
    expect(store.getState().screen).toBe("check-out");
  });

  it("clears the caption once the practice is over", () => {
    const { store, out, ticker } = setup();
    ticker.tick(1000);
    store.getState().stop(1000);
    ticker.tick(1100);
    expect(out.caption).toBe("");
    expect(out.kind).toBeNull();
  });
});
