import { describe, expect, it } from "vitest";
import { createAppStore, practiceElapsed } from "../../../client/state/store";

function practising(now = 1000) {
  const store = createAppStore();
  store.getState().chooseExercise("box");
  store.getState().checkIn(4, now);
  return store;
}

describe("app store", () => {
  it("starts practising after a check-in and remembers the answer", () => {
    const store = practising();
    expect(store.getState().screen).toBe("practice");
    expect(store.getState().draft.before).toBe(4);
    expect(store.getState().practice.status).toBe("running");
  });

  it("starts practising without an answer when the check-in is skipped", () => {
    const store = createAppStore();
    store.getState().checkIn(null, 0);
    expect(store.getState().screen).toBe("practice");
    expect(store.getState().draft.before).toBeNull();
  });

  it("does not count paused time as practised", () => {
    const store = practising(1000);
    store.getState().pause(3000);
    expect(practiceElapsed(store.getState().practice, 9000)).toBe(2000);
    store.getState().resume(8000);
    expect(practiceElapsed(store.getState().practice, 10_000)).toBe(4000);
  });

  it("records practised time on stop and moves to the check-out", () => {
    const store = practising(1000);
    store.getState().togglePause(2000);
    store.getState().togglePause(5000);
    store.getState().stop(11_000);
    expect(store.getState().draft.practisedMs).toBe(7000);
    expect(store.getState().screen).toBe("check-out");
    expect(store.getState().practice.status).toBe("finished");
  });

  it("pauses a running practice when crisis help opens", () => {
    const store = practising(0);
    store.getState().openCrisis(5000);
    expect(store.getState().crisisOpen).toBe(true);
    expect(store.getState().practice.status).toBe("paused");
    expect(practiceElapsed(store.getState().practice, 60_000)).toBe(5000);
  });

  it("keeps the practice paused while crisis help is open, and after it closes until the person resumes", () => {
    const store = practising(0);
    store.getState().openCrisis(5000);
    store.getState().togglePause(6000);
    store.getState().resume(7000);
    expect(store.getState().practice.status).toBe("paused");
    expect(practiceElapsed(store.getState().practice, 60_000)).toBe(5000);
    store.getState().closeCrisis();
    expect(store.getState().practice.status).toBe("paused");
    store.getState().togglePause(9000);
    expect(store.getState().practice.status).toBe("running");
    expect(practiceElapsed(store.getState().practice, 10_000)).toBe(6000);
  });

  it("goes back from history to the screen it was opened from", () => {
    const store = createAppStore();
    store.getState().go("summary");
    store.getState().openHistory();
    expect(store.getState().screen).toBe("history");
    expect(store.getState().historyFrom).toBe("summary");
  });

  it("treats an inline XR session as no immersive session", () => {
    const store = createAppStore();
    store.getState().setXrMode("immersive-vr");
    expect(store.getState().xrMode).toBe("immersive-vr");
    store.getState().setXrMode("inline");
    expect(store.getState().xrMode).toBeNull();
  });
});
