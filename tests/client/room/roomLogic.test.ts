import { describe, expect, it } from "vitest";
import { followPracticeEnd, markCheckInCounted } from "../../../client/room/checkIns";
import { fetchJoinPreview } from "../../../client/room/joinPreview";
import { fetchRoomToken } from "../../../client/room/roomToken";
import { createRoomStore } from "../../../client/room/roomStore";
import { ServerClock } from "../../../core/clock";
import { fakeLink } from "./helpers";

const answer = (status: number, body: unknown = {}) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe("fetchRoomToken", () => {
  it("trades the sign-in for a room token at this origin's /api/auth/room-token", async () => {
    let asked: [string, RequestInit | undefined] = ["", undefined];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      asked = [url, init];
      return new Response(JSON.stringify({ token: "room.jwt", expiresAt: 5 }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await fetchRoomToken("api.jwt", fetchFn)).toEqual({ token: "room.jwt" });
    expect(asked[0]).toBe("/api/auth/room-token");
    expect(asked[1]).toMatchObject({ method: "POST", headers: { authorization: "Bearer api.jwt" } });
  });

  it.each([
    [401, "not-signed-in"],
    [500, "unreachable"],
  ] as const)("answers %s as %s", async (status, refused) => {
    expect(await fetchRoomToken("api.jwt", answer(status))).toEqual({ refused });
  });

  it("an unreadable answer or no network is unreachable", async () => {
    expect(await fetchRoomToken("api.jwt", answer(200, { token: 3 }))).toEqual({ refused: "unreachable" });
    const offline = (async () => { throw new TypeError("offline"); }) as unknown as typeof fetch;
    expect(await fetchRoomToken("api.jwt", offline)).toEqual({ refused: "unreachable" });
  });
});

describe("fetchJoinPreview", () => {
  it("reads the title and place from this origin's /api/join", async () => {
    let asked = "";
    const fetchFn = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify({ code: "K7P-M2Q-XW9", title: "Evening", environment: "night", scheduledAt: 5 }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await fetchJoinPreview("K7P-M2Q-XW9", fetchFn)).toEqual({ preview: { title: "Evening", environment: "night", scheduledAt: 5 } });
    expect(asked).toBe("/api/join/K7P-M2Q-XW9");
  });

  it.each([
    [404, "unknown-code"],
    [410, "ended"],
    [429, "too-many-tries"],
    [500, "unreachable"],
  ] as const)("answers %s as %s", async (status, refused) => {
    expect(await fetchJoinPreview("K7P-M2Q-XW9", answer(status))).toEqual({ refused });
  });

  it("treats an unreadable answer or no network as unreachable", async () => {
    expect(await fetchJoinPreview("K7P-M2Q-XW9", answer(200, { title: 3 }))).toEqual({ refused: "unreachable" });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await fetchJoinPreview("K7P-M2Q-XW9", offline)).toEqual({ refused: "unreachable" });
  });
});

describe("check-ins around the circle's exercise", () => {
  it("sends an answer once, keeps a skip on the device, and marks the answer counted", () => {
    const store = createRoomStore();
    const link = fakeLink();
    store.setState({ link });
    store.getState().checkIn("before", 4);
    store.getState().checkIn("before", 6);
    expect(link.sent).toEqual([{ type: "checkIn", payload: { phase: "before", value: 4 } }]);
    markCheckInCounted(store, "before");
    expect(store.getState().checkIns.before).toEqual({ state: "counted", value: 4 });
    store.getState().checkIn("after", null);
    expect(store.getState().checkIns.after).toEqual({ state: "skipped", value: null });
    expect(link.sent).toHaveLength(1);
  });

  it("remembers an exercise that ended after its first breath, not one stopped in the lead-in", () => {
    const store = createRoomStore();
    const clock = new ServerClock();
    clock.add({ t0: 0, t1: 0, t2: 0 });
    let now = 0;
    const stop = followPracticeEnd(store, clock, () => now);
    store.setState({ practice: { patternId: "box", cycles: 2, startedAt: 3000, running: true } });
    now = 2000;
    store.setState({ practice: { patternId: "box", cycles: 2, startedAt: 3000, running: false } });
    expect(store.getState().finished).toBeNull();
    store.setState({ practice: { patternId: "box", cycles: 2, startedAt: 10_000, running: true } });
    now = 10_000 + 20_000;
    store.setState({ practice: { patternId: "box", cycles: 2, startedAt: 10_000, running: false } });
    expect(store.getState().finished).toMatchObject({ patternId: "box", practisedMs: 20_000 });
    // Ran out by itself: practised time is the plan's length, not when the patch arrived.
    store.setState({ practice: { patternId: "box", cycles: 1, startedAt: 40_000, running: true } });
    now = 40_000 + 16_500;
    store.setState({ practice: { patternId: "box", cycles: 1, startedAt: 40_000, running: false } });
    expect(store.getState().finished).toMatchObject({ practisedMs: 16_000 });
    stop();
  });
});
