import { MatchMakeError } from "@colyseus/sdk";
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CloseCode, JoinError } from "../../../core/protocol";
import type { CircleClient } from "../../../client/room/connection";
import { enterCircle } from "../../../client/room/enterCircle";
import { closedMessage } from "../../../client/room/messages";
import RoomPage from "../../../client/room/RoomPage";
import { createRoomStore, type ClosedReason } from "../../../client/room/roomStore";
import { CODE, fakeServices } from "./helpers";

/** The page at its last joining step, entering through the real join path with an SDK client that is refused `error`. */
function refusedWith(error: unknown) {
  const store = createRoomStore();
  const client = { joinOrCreate: vi.fn(() => Promise.reject(error)), auth: {} } as unknown as CircleClient;
  store.setState({ code: CODE, phase: "identity", preview: { title: "Thursday evening circle", environment: "shore", scheduledAt: null }, pseudonym: "Quiet Heron", look: "plum" });
  render(<RoomPage code={CODE} services={fakeServices(store, { enter: () => enterCircle(store, { client }) })} />);
  fireEvent.click(screen.getByRole("button", { name: "Enter the circle" }));
  return store;
}

describe("each refusal from the server, in kind words", () => {
  // Every code the server refuses a join with (docs/PROTOCOL.md, "Joining"), as the SDK reports it.
  const REFUSALS: [keyof typeof JoinError, ClosedReason][] = [
    ["UNKNOWN_CODE", "unknown-code"],
    ["SESSION_ENDED", "ended"],
    ["LOCKED", "locked"],
    ["FULL", "full"],
    ["AGREEMENT_REQUIRED", "agreement-outdated"],
    ["INVALID_OPTIONS", "invalid"],
    ["BAD_TOKEN", "not-signed-in"],
    ["NOT_YOUR_SESSION", "not-your-session"],
    ["TOO_MANY_ATTEMPTS", "too-many-tries"],
  ];

  it("covers every join error the protocol has", () => {
    expect(REFUSALS.map(([name]) => name).sort()).toEqual(Object.keys(JoinError).sort());
  });

  it.each(REFUSALS)("%s → %s", async (name, reason) => {
    const store = refusedWith(new MatchMakeError("refused", JoinError[name]));
    const { title, body } = closedMessage(reason);
    expect(await screen.findByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByText(body)).toBeTruthy();
    expect(store.getState().closedReason).toBe(reason);
  });

  it("a server that cannot be reached says so, with Try again", async () => {
    refusedWith(new TypeError("Failed to fetch"));
    expect(await screen.findByRole("heading", { name: closedMessage("unreachable").title })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

describe("put out of the circle by the server, in kind words", () => {
  it.each([
    [CloseCode.REMOVED, "removed"],
    [CloseCode.DECLINED, "declined"],
    [CloseCode.SESSION_ENDED, "ended"],
  ] as const)("close %i → %s", async (code, reason) => {
    const store = createRoomStore();
    store.setState({ code: CODE, phase: "in", me: "me", preview: { title: "Thursday evening circle", environment: "shore", scheduledAt: null } });
    render(<RoomPage code={CODE} services={fakeServices(store)} />);
    const { leaveReason } = await import("../../../client/room/connection");
    store.getState().close(leaveReason(code));
    expect(await screen.findByRole("heading", { name: closedMessage(reason).title })).toBeTruthy();
    expect(screen.getByText(closedMessage(reason).body)).toBeTruthy();
  });
});
