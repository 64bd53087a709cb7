import { describe, expect, it } from "vitest";
import { REPORT_MAX_EVENTS, REPORT_WINDOW_MS, reportPayload } from "../../../core/protocol";
import { useChatStore } from "../../../client/room/chat/chatStore";
import { createEventLog, eventLogFor } from "../../../client/room/eventLog";
import { createRoomStore } from "../../../client/room/roomStore";
import { report } from "../../../client/room/ui/roomActions";
import { fakeLink, person } from "./helpers";

/** A seated circle (me, Fern, Oak) and a clock the test moves. */
function circle() {
  const store = createRoomStore();
  const link = fakeLink();
  store.setState({ phase: "in", me: "me", link, people: { me: person("me", 0, "Still Water"), fern: person("fern", 1, "Gentle Fern"), oak: person("oak", 2, "Quiet Oak") } });
  let t = 0;
  const clock = { at: (ms: number) => void (t = ms) };
  const log = createEventLog(store, () => t);
  const hand = (id: string, up: boolean) => store.setState((s) => ({ people: { ...s.people, [id]: { ...s.people[id]!, handRaised: up } } }));
  return { store, link, log, clock, hand };
}

describe("what a report carries: the last minute of room events", () => {
  it("keeps what happened in the last 60 s, oldest first, each with how long ago", () => {
    const { store, log, clock, hand } = circle();
    hand("fern", true);
    clock.at(30_000);
    store.setState({ reactions: [{ key: 1, from: "oak", kind: "wave", at: 30_000 }] });
    clock.at(50_000);
    expect(log.recent()).toEqual([
      { kind: "handRaised", who: "fern", ago: 50_000 },
      { kind: "reaction", who: "oak", reaction: "wave", ago: 20_000 },
    ]);
    // A minute and a bit after the hand went up, only the wave is left.
    clock.at(REPORT_WINDOW_MS + 1);
    expect(log.recent()).toEqual([{ kind: "reaction", who: "oak", reaction: "wave", ago: REPORT_WINDOW_MS + 1 - 30_000 }]);
    log.stop();
  });

  it("keeps at most the 40 newest", () => {
    const { log, clock, hand } = circle();
    for (let i = 0; i < 50; i++) {
      clock.at(i * 100);
      hand("fern", i % 2 === 0);
    }
    const recent = log.recent();
    expect(recent).toHaveLength(REPORT_MAX_EVENTS);
    // The oldest ten are gone: the first kept is the eleventh change (the hand raised again, 3.9 s before the last).
    expect(recent[0]).toEqual({ kind: "handRaised", who: "fern", ago: 3_900 });
    expect(recent.at(-1)).toEqual({ kind: "handLowered", who: "fern", ago: 0 });
    log.stop();
  });

  it("never carries chat: a report sent after chat holds only who did what, and passes the server's strict check", () => {
    const { store, link, hand } = circle();
    // The page starts its own log when the room opens (RoomPage); so does this test.
    eventLogFor(store);
    hand("oak", true);
    useChatStore.setState({ lines: [{ id: "m1", from: "oak", pseudonym: "Quiet Oak", text: "something private I said", at: Date.now() }] });
    report(store, "oak", "unsafe");
    const sent = link.sent.at(-1)!;
    expect(sent.type).toBe("report");
    expect(JSON.stringify(sent.payload)).not.toContain("something private");
    expect(() => reportPayload.parse(sent.payload)).not.toThrow();
    expect((sent.payload as { events: unknown[] }).events).toEqual([{ kind: "handRaised", who: "oak", ago: expect.any(Number) }]);
    useChatStore.getState().reset();
  });
});
