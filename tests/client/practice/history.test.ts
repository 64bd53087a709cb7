import { afterEach, describe, expect, it } from "vitest";
import { clearHistory, listSessions, saveSession } from "../../../client/practice/history";
import { recordHistory } from "../../../client/practice/historyRecorder";
import { createAppStore } from "../../../client/state/store";

afterEach(() => clearHistory());

const session = (date: number, before: number | null, after: number | null) => ({
  date,
  exerciseId: "box",
  exerciseName: "Box breathing",
  minutes: 3,
  before,
  after,
});

describe("history on the device", () => {
  it("lists saved sessions newest first", async () => {
    await saveSession(session(1000, 3, 6));
    await saveSession(session(3000, 5, 5));
    await saveSession(session(2000, null, 7));
    const list = await listSessions();
    expect(list.map((s) => s.date)).toEqual([3000, 2000, 1000]);
    expect(list[2]).toMatchObject({ exerciseName: "Box breathing", before: 3, after: 6, minutes: 3 });
  });

  it("deletes everything", async () => {
    await saveSession(session(1000, 3, 6));
    await clearHistory();
    expect(await listSessions()).toEqual([]);
  });

  it("records a session when the check-out is answered", async () => {
    const store = createAppStore();
    const stop = recordHistory(store);
    store.getState().chooseExercise("478");
    store.getState().checkIn(4, 0);
    store.getState().stop(90_000);
    store.getState().checkOut(7);
    stop();
    await expect.poll(async () => (await listSessions()).length).toBe(1);
    const [saved] = await listSessions();
    expect(saved).toMatchObject({ exerciseId: "478", exerciseName: "4-7-8 breathing", minutes: 1.5, before: 4, after: 7 });
  });

  it("records a session when the check-out is skipped too", async () => {
    const store = createAppStore();
    const stop = recordHistory(store);
    store.getState().chooseExercise("pmr");
    store.getState().checkIn(null, 0);
    store.getState().stop(60_000);
    store.getState().checkOut(null);
    stop();
    await expect.poll(async () => (await listSessions())[0]?.after).toBeNull();
    expect((await listSessions())[0]?.exerciseName).toBe("Progressive muscle relaxation");
  });
});
