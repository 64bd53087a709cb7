import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { CloseCode, MAX_FRAME_BYTES, MAX_MESSAGES_PER_SECOND } from "../../core/protocol";
import { bootApp, circle, posesSeenBy, sendRaw, serverPose, serverRoom, until, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

it("a client past its message rate is cut off (4002); the others keep receiving patches", async () => {
  const { lead, people: [flooder, mover, watcher] } = await circle(b, 3);
  flooder!.reconnection.enabled = false;
  const closed = new Promise<number>((r) => flooder!.onLeave((c: number) => r(c)));
  for (let i = 0; i < MAX_MESSAGES_PER_SECOND * 3; i++) flooder!.send("react", { kind: "clap" });
  expect(await closed).toBe(4002);
  await until(() => !lead.state.participants.has(flooder!.sessionId), 2000, "flooder gone");

  // Pose frames keep flowing to everyone else: a stream of pose changes arrives in order.
  const seen = posesSeenBy(watcher!);
  const before = seen.frames;
  for (let i = 1; i <= 10; i++) {
    mover!.send("pose", [i, i, i, i, i, i]);
    await until(() => seen.poseOf(mover!.sessionId)?.[0] === i, 2000, `pose ${i}`);
  }
  expect(seen.frames - before).toBeGreaterThanOrEqual(5);
});

it("pose beyond 20 Hz is dropped quietly, not applied, and does not cut the sender off", async () => {
  const { s, lead, people: [p] } = await circle(b, 1);
  for (let i = 1; i <= 30; i++) p!.send("pose", [i, 0, 0, 0, 0, 0]);
  await new Promise((r) => setTimeout(r, 300));
  const hp = serverPose(b, s.code, p!.sessionId)?.[0];
  // Four fit in the burst; the rest of this same instant are dropped.
  expect(hp).toBeGreaterThanOrEqual(4);
  expect(hp).toBeLessThan(30);
  expect(lead.state.participants.get(p!.sessionId)?.connected).toBe(true);
});

it("a frame over 4 KB closes the sender with 1009 and frees the seat at once (no reconnection window)", async () => {
  const { s, lead, people: [big, other] } = await circle(b, 2);
  big!.reconnection.enabled = false;
  const closed = new Promise<number>((r) => big!.onLeave((c: number) => r(c)));
  const printed = vi.spyOn(console, "error");
  sendRaw(big!, "chat", { text: "x".repeat(MAX_FRAME_BYTES + 100) });
  expect(await closed).toBe(CloseCode.TOO_LARGE);
  // Nothing of it is printed (a stack trace per oversized frame would let anyone flood the log).
  expect(printed.mock.calls.flat().join(" ")).not.toMatch(/payload/i);
  printed.mockRestore();
  // Gone within a patch or two, not held as connected=false for 30 s.
  await until(() => !serverRoom(b, s.code).state.participants.has(big!.sessionId), 1000, "seat freed");
  await until(() => !lead.state.participants.has(big!.sessionId), 1000, "gone for the others");
  expect(other!.connection.isOpen).toBe(true);
});
