import { soloPractice } from "../../../client/practice/source";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startDomDriver } from "../../../client/practice/domDriver";
import { LEAD_IN_CAPTION, createPracticeTicker } from "../../../client/practice/ticker";
import type { PracticeNow, PracticeSource } from "../../../client/practice/source";
import { EXERCISES, planSession } from "../../../core/exercises";
import { createAppStore } from "../../../client/state/store";
import { freshFrame } from "../helpers";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("DOM practice driver", () => {
  it("changes the caption at the phase boundary even when no animation frame comes", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    // No animation frames at all (slow software WebGL, a background tab, an XR session).
    const raf = vi.fn(() => 1);
    vi.stubGlobal("requestAnimationFrame", raf);
    const store = createAppStore();
    const out = freshFrame();
    const ticker = createPracticeTicker(soloPractice(store), out);
    const stop = startDomDriver(ticker);
    store.getState().chooseExercise("box");
    store.getState().checkIn(null, performance.now());
    expect(out.caption).toBe("Breathe in");
    vi.advanceTimersByTime(3990);
    expect(out.caption).toBe("Breathe in");
    vi.advanceTimersByTime(20);
    expect(out.caption).toBe("Hold");
    vi.advanceTimersByTime(4000);
    expect(out.caption).toBe("Breathe out");
    // The page needs no per-frame loop of its own: the timers carried the captions.
    expect(raf).not.toHaveBeenCalled();
    stop();
  });

  it("shows a pause at once, without waiting for a timer or a frame", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const store = createAppStore();
    const out = freshFrame();
    const ticker = createPracticeTicker(soloPractice(store), out);
    const stop = startDomDriver(ticker);
    store.getState().chooseExercise("box");
    store.getState().checkIn(null, performance.now());
    vi.advanceTimersByTime(1500);
    store.getState().pause();
    expect(out.paused).toBe(true);
    expect(ticker.status()).toBe("paused");
    store.getState().resume();
    expect(out.paused).toBe(false);
    stop();
  });

  it("follows another source while one is in use, and the solo clock again afterwards", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const store = createAppStore();
    const out = freshFrame();
    const ticker = createPracticeTicker(soloPractice(store), out);
    const stop = startDomDriver(ticker);
    const shared = createSharedSource();
    const restore = ticker.use(shared.source);
    shared.start(performance.now() + 3000);
    expect(out.caption).toBe(LEAD_IN_CAPTION);
    expect(out.leadIn).toBe(3);
    vi.advanceTimersByTime(1001);
    expect(out.leadIn).toBe(2);
    vi.advanceTimersByTime(2000);
    expect(out.caption).toBe("Breathe in");
    expect(out.leadIn).toBe(0);
    restore();
    expect(out.kind).toBeNull();
    expect(out.caption).toBe("");
    stop();
  });
});

/** A stand-in for a circle's shared practice: box breathing from `startedAt` on the local clock. */
function createSharedSource() {
  const listeners = new Set<() => void>();
  let now: PracticeNow | null = null;
  let startedAt = 0;
  const box = EXERCISES.find((e) => e.id === "box")!;
  const source: PracticeSource = {
    current: () => now,
    elapsed: (at) => at - startedAt,
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    finished: () => undefined,
  };
  return {
    source,
    start(at: number) {
      startedAt = at;
      now = { key: at, exercise: box, plan: planSession(box, { kind: "cycles", cycles: 4 }), paused: false };
      listeners.forEach((l) => l());
    },
  };
}
