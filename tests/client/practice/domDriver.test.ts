import { afterEach, describe, expect, it, vi } from "vitest";
import { startDomDriver } from "../../../client/practice/domDriver";
import { createPracticeTicker } from "../../../client/practice/ticker";
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
    const ticker = createPracticeTicker(store, out);
    const stop = startDomDriver(store, ticker);
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
});
