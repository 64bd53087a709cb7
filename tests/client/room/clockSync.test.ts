import { afterEach, describe, expect, it, vi } from "vitest";
import { ServerClock } from "../../../core/clock";
import { SYNC_BURST, SYNC_EVERY_MS, SYNC_POOR_EVERY_MS, SYNC_UNSURE_EVERY_MS, startClockSync, type TimeChannel } from "../../../client/room/clockSync";

/** A room whose server clock is `offset` ms ahead and answers after `upMs` / `downMs`. */
function fakeRoom(offset: number, delays: () => [upMs: number, downMs: number]) {
  let reply: ((r: { t0: number; t1: number }) => void) | null = null;
  const sent: number[] = [];
  const room: TimeChannel = {
    send: (_type, { t0 }) => {
      sent.push(t0);
      const [up, down] = delays();
      setTimeout(() => {
        const t1 = performance.now() + offset;
        setTimeout(() => reply?.({ t0, t1 }), down);
      }, up);
    },
    onMessage: (_type, callback) => {
      reply = callback;
      return () => (reply = null);
    },
  };
  return { room, sent };
}

describe("clock sync", () => {
  afterEach(() => void vi.useRealTimers());

  it("asks every half second while every reply so far was slow, and narrows to within 25 ms as soon as quick ones come", () => {
    vi.useFakeTimers();
    let slow = true;
    const { room, sent } = fakeRoom(-3_000, () => (slow ? [200, 200] : [10, 10]));
    const clock = new ServerClock();
    const stop = startClockSync(room, clock);
    vi.advanceTimersByTime(5_000);
    expect(clock.bound).toBeGreaterThan(25);
    expect(sent.length).toBeGreaterThanOrEqual(SYNC_BURST + Math.floor((5_000 - 1_000) / SYNC_POOR_EVERY_MS) - 1);
    slow = false;
    vi.advanceTimersByTime(3 * SYNC_POOR_EVERY_MS);
    expect(clock.bound).toBeLessThanOrEqual(25);
    expect(Math.abs(clock.offset + 3_000)).toBeLessThanOrEqual(clock.bound);
    stop();
  });

  it("keeps asking every 2 s while slow replies leave it unsure, and every 30 s once it is within 10 ms", () => {
    vi.useFakeTimers();
    let slow = true;
    // Replies 30 ms each way: not good enough (10 ms), not poor (25 ms).
    const { room, sent } = fakeRoom(5_000, () => (slow ? [15, 15] : [2, 2]));
    const clock = new ServerClock();
    const stop = startClockSync(room, clock);
    vi.advanceTimersByTime(10_000);
    expect(clock.bound).toBeGreaterThan(10);
    const unsure = sent.length;
    expect(unsure).toBeGreaterThanOrEqual(SYNC_BURST + Math.floor((10_000 - 1_000) / SYNC_UNSURE_EVERY_MS));
    slow = false;
    vi.advanceTimersByTime(2 * SYNC_UNSURE_EVERY_MS);
    expect(clock.bound).toBeLessThanOrEqual(10);
    expect(Math.abs(clock.offset - 5_000)).toBeLessThanOrEqual(clock.bound);
    const settled = sent.length;
    vi.advanceTimersByTime(SYNC_EVERY_MS - 1);
    expect(sent.length - settled).toBeLessThanOrEqual(1);
    stop();
    vi.advanceTimersByTime(5 * SYNC_EVERY_MS);
    expect(sent.length - settled).toBeLessThanOrEqual(1);
  });
});
