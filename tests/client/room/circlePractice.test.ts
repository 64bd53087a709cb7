import { describe, expect, it } from "vitest";
import { circlePractice } from "../../../client/room/circlePractice";
import { createRoomStore } from "../../../client/room/roomStore";
import { ServerClock } from "../../../core/clock";

describe("the circle's pacer before the clock is synced", () => {
  it("holds the lead-in instead of counting from a meaningless server time, then follows the clock", () => {
    const store = createRoomStore();
    const clock = new ServerClock();
    const source = circlePractice(store, clock);
    // Server time reads like epoch ms; this page's clock like performance.now().
    store.setState({ practice: { patternId: "box", cycles: 2, startedAt: 1.7e12, running: true } });
    expect(source.current()).not.toBeNull();
    expect(source.elapsed(1000)).toBe(-3000);
    clock.add({ t0: 1000, t1: 1.7e12 + 500, t2: 1000 });
    expect(source.elapsed(1000)).toBe(500);
  });
});
