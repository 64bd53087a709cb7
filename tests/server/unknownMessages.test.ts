import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ActionError, CloseCode, UNKNOWN_ACTION } from "../../core/protocol";
import { bootApp, circle, freshRates, join, sendRaw, serverRoom, sleep, until, type Booted, type Joined } from "./harness";

/**
 * A message of a type the room does not have — by `send`, `sendBytes` or `request`, named by a
 * string or a number — is answered `error { action: "unknown", code: "unknown-message" }` (a request
 * is rejected with that code), changes nothing anyone sees, and keeps the sender connected; repeats
 * are limited like everything else, and a request whose payload is not even MessagePack closes its
 * sender (4002) like a bad payload sent by `send`, with nothing printed.
 */
let b: Booted;
let code = "";
let lead: Joined, sender: Joined, other: Joined;
const errors: unknown[] = [];
const othersHeard: unknown[] = [];
let closed: number | undefined;
const serverState = () => JSON.stringify(serverRoom(b, code).state.toJSON());

beforeAll(async () => {
  b = await bootApp();
  const c = await circle(b, 2);
  ({ lead } = c);
  [sender, other] = c.people as [Joined, Joined];
  code = c.s.code;
  sender.onMessage("error", (m) => void errors.push(m));
  sender.onLeave((c: number) => void (closed = c));
  other.onMessage("*", (type, m) => void othersHeard.push([type, m]));
});
afterAll(async () => {
  await b.stop();
});
beforeEach(async () => {
  // A quiet second between tests: the 40 messages/s count starts afresh, and every rate is full.
  await sleep(1100);
  freshRates(b, code, sender.sessionId);
  errors.length = 0;
  othersHeard.length = 0;
});

/** The rejection of a request: its reason, or "resolved" if it was not rejected. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => "resolved",
    (e: { name?: string; reason?: unknown }) => (e.name === "rejected" ? e.reason : `${e.name}: ${String(e)}`),
  );
}
const request = (room: Joined, type: string | number, payload?: unknown) =>
  (room.request as (t: string | number, m?: unknown) => Promise<unknown>).call(room, type, payload);

const UNKNOWN = { action: UNKNOWN_ACTION, code: ActionError.UNKNOWN_MESSAGE };

describe("a message of an unknown type", () => {
  it("by send (a string or a number as its type) or sendBytes: answered unknown-message, nothing changes, the sender stays", async () => {
    const before = serverState();
    sendRaw(sender, "becomeFacilitator", { role: "facilitator" });
    (sender.send as (t: number, m?: unknown) => void).call(sender, 77, [1, 2, 3]);
    sender.sendBytes("pose", new Uint8Array([1, 2, 3]));
    await until(() => errors.length === 3, 3000, "three answers");
    expect(errors).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
    await sleep(200);
    expect(serverState()).toBe(before);
    expect(othersHeard).toEqual([]);
    expect(closed).toBeUndefined();
    expect(serverRoom(b, code).state.participants.get(sender.sessionId)?.connected).toBe(true);
  });

  it("by request: rejected with unknown-message (not Colyseus' own no_handler), the sender stays", async () => {
    const before = serverState();
    expect(await rejection(request(sender, "endSessionForEveryone"))).toBe(ActionError.UNKNOWN_MESSAGE);
    expect(await rejection(request(sender, 12345, { x: 1 }))).toBe(ActionError.UNKNOWN_MESSAGE);
    // The reserved name the server answers unknown requests under is no way in either.
    expect(await rejection(request(sender, "?"))).toBe(ActionError.UNKNOWN_MESSAGE);
    expect(serverState()).toBe(before);
    expect(closed).toBeUndefined();
    // Known requests are unaffected.
    expect(await rejection(request(sender, "voice"))).toBe("resolved");
  });

  it("repeated: 10 answered (burst), the rest dropped for a send and rejected rate-limited for a request; still connected under 40 a second", async () => {
    for (let i = 0; i < 20; i++) sendRaw(sender, `junk${i}`, i);
    expect(await rejection(request(sender, "junk"))).toBe(ActionError.RATE_LIMITED);
    await sleep(300);
    expect(errors).toHaveLength(10);
    expect(errors.every((e) => JSON.stringify(e) === JSON.stringify(UNKNOWN))).toBe(true);
    expect(closed).toBeUndefined();
    // The rate refills at 5 a second.
    await sleep(1100);
    expect(await rejection(request(sender, "junk"))).toBe(ActionError.UNKNOWN_MESSAGE);
  });

  it("someone waiting to be admitted gets the same answer and nothing of the circle", async () => {
    const room = serverRoom(b, code);
    room.state.session.admission = true;
    const waiting = await join(b, code, "Knocking");
    const got: [unknown, unknown][] = [];
    waiting.onMessage("*", (type, m) => void got.push([type, m]));
    waiting.onMessage("error", (m) => void got.push(["error", m]));
    sendRaw(waiting, "listParticipants");
    expect(await rejection(request(waiting, "listParticipants"))).toBe(ActionError.UNKNOWN_MESSAGE);
    await until(() => got.some(([t]) => t === "error"), 3000, "answer");
    expect(got.filter(([t]) => t !== "admission" && t !== "seat")).toEqual([["error", UNKNOWN], ["error", UNKNOWN]]);
    expect(waiting.state.participants?.size ?? 0).toBe(0);
    await waiting.leave();
    room.state.session.admission = false;
  });
});

describe("a request whose payload is not MessagePack", () => {
  it("closes its sender with 4002 (no reconnection window), is rejected invalid-payload, and prints nothing", async () => {
    const printed: string[] = [];
    const spies = (["log", "error", "warn", "info", "debug"] as const).map((k) =>
      vi.spyOn(console, k).mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(" "))),
    );
    const before = serverState();
    // ROOM_REQUEST (21), request id 1, type "pose", then 0xc1 (never valid MessagePack).
    const frame = new Uint8Array([21, 1, 0xa4, 0x70, 0x6f, 0x73, 0x65, 0xc1, 0xc1]);
    (sender.connection as unknown as { send(d: Uint8Array): void }).send(frame);
    await until(() => closed !== undefined, 3000, "sender closed");
    spies.forEach((s) => s.mockRestore());
    expect(closed).toBe(CloseCode.WITH_ERROR);
    await until(() => !serverRoom(b, code).state.participants.has(sender.sessionId), 2000, "seat freed at once");
    expect(printed.filter((l) => !l.includes("onMessage() not registered"))).toEqual([]);
    const after = JSON.parse(serverState()) as { participants: Record<string, unknown> };
    const was = JSON.parse(before) as { participants: Record<string, unknown> };
    delete was.participants[sender.sessionId];
    expect(after).toEqual(was);
    expect(other.connection.isOpen).toBe(true);
    expect(lead.connection.isOpen).toBe(true);
  });
});
