import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JoinedCircle } from "../../../client/room/connection";
import { stayInCircle, type StayHandlers } from "../../../client/room/stayInCircle";
import { CloseCode, JoinError } from "../../../core/protocol";
import { person, renderInCircle } from "./helpers";

/** Just what stayInCircle uses of an SDK room, with the server's side of it in our hands. */
function fakeRoom() {
  const on: { seat?: (m: { token: string }) => void; drop?: () => void; back?: () => void; leave?: (code: number, reason?: string) => void } = {};
  const room = {
    reconnection: { enabled: true, maxRetries: 8 },
    onMessage: (type: string, cb: (m: { token: string }) => void) => void (type === "seat" && (on.seat = cb)),
    onDrop: (cb: () => void) => void (on.drop = cb),
    onReconnect: (cb: () => void) => void (on.back = cb),
    onLeave: (cb: (code: number, reason?: string) => void) => void (on.leave = cb),
    removeAllListeners: vi.fn(),
    leave: vi.fn(),
  };
  return { room: room as unknown as JoinedCircle, raw: room, on };
}

function handlers(rejoin: StayHandlers["rejoin"]) {
  const events: string[] = [];
  const h: StayHandlers = {
    rejoin: vi.fn(rejoin),
    onRoom: () => void events.push("room"),
    onMoving: () => void events.push("moving"),
    onDrop: () => void events.push("drop"),
    onBack: () => void events.push("back"),
    onClosed: (code) => void events.push(`closed ${code}`),
  };
  return { h, events };
}

const OPTS = { rescueAfterMs: 1500, giveUpAfterMs: 60_000 };

describe("staying in the circle when the server under it goes away", () => {
  afterEach(() => vi.useRealTimers());

  it("told the circle is moving, it rejoins at once with the seat token and is back in the new room", async () => {
    const first = fakeRoom();
    const next = fakeRoom();
    const { h, events } = handlers(async () => next.room);
    stayInCircle(first.room, h, OPTS);
    first.on.seat?.({ token: "seat-token-1" });
    first.on.leave?.(CloseCode.MOVING);
    await vi.waitFor(() => expect(events).toEqual(["moving", "room", "back"]));
    expect(h.rejoin).toHaveBeenCalledWith("seat-token-1");
    // The old connection is given up: it may not resume behind the new one's back.
    expect(first.raw.reconnection.enabled).toBe(false);
    expect(first.raw.removeAllListeners).toHaveBeenCalled();
    // The new room is followed in turn: its own seat token is used for the next move.
    next.on.seat?.({ token: "seat-token-2" });
    next.on.leave?.(CloseCode.MOVING);
    await vi.waitFor(() => expect(h.rejoin).toHaveBeenLastCalledWith("seat-token-2"));
  });

  it("a drop that resumes in time is only a drop; one that does not (a killed process) becomes a move", async () => {
    vi.useFakeTimers();
    const first = fakeRoom();
    const next = fakeRoom();
    const { h, events } = handlers(async () => next.room);
    stayInCircle(first.room, h, OPTS);
    first.on.seat?.({ token: "t" });
    first.on.drop?.();
    await vi.advanceTimersByTimeAsync(1000);
    first.on.back?.();
    await vi.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(["drop", "back"]);
    expect(h.rejoin).not.toHaveBeenCalled();

    first.on.drop?.();
    await vi.advanceTimersByTimeAsync(1499);
    expect(h.rejoin).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.rejoin).toHaveBeenCalledWith("t");
    expect(events).toEqual(["drop", "back", "drop", "moving", "room", "back"]);
  });

  it("keeps trying while the circle comes back, and stops at a refusal that will not change", async () => {
    vi.useFakeTimers();
    const first = fakeRoom();
    let tries = 0;
    const { h, events } = handlers(async () => {
      tries++;
      if (tries < 3) throw Object.assign(new Error("no process has it yet"), { code: 1006 });
      throw Object.assign(new Error("the session has ended"), { code: JoinError.SESSION_ENDED });
    });
    stayInCircle(first.room, h, OPTS);
    first.on.seat?.({ token: "t" });
    first.on.leave?.(CloseCode.MOVING);
    await vi.advanceTimersByTimeAsync(5000);
    expect(tries).toBe(3);
    expect(events).toEqual(["moving", `closed ${JoinError.SESSION_ENDED}`]);
  });

  it("without a seat token (never seated), a lost connection is the end, not a move", () => {
    const first = fakeRoom();
    const { h, events } = handlers(async () => fakeRoom().room);
    stayInCircle(first.room, h, OPTS);
    first.on.leave?.(1006);
    expect(events).toEqual(["closed 1006"]);
    expect(h.rejoin).not.toHaveBeenCalled();
  });
});

describe("what the person sees meanwhile", () => {
  it("'Moving you to another room…' while the circle moves, 'Reconnecting…' on a drop, nothing once back", () => {
    const { store } = renderInCircle([person("me", 0, "Calm Heron"), person("b", 1, "Still Pine")]);
    act(() => store.setState({ phase: "reconnecting", moving: true }));
    expect(screen.getByText("Moving you to another room…")).toBeTruthy();
    expect(screen.queryByText("Reconnecting…")).toBeNull();
    act(() => store.setState({ phase: "reconnecting", moving: false }));
    expect(screen.getByText("Reconnecting…")).toBeTruthy();
    expect(screen.queryByText("Moving you to another room…")).toBeNull();
    act(() => store.setState({ phase: "in", moving: false }));
    expect(screen.queryByText("Reconnecting…")).toBeNull();
    expect(screen.queryByText("Moving you to another room…")).toBeNull();
  });
});
