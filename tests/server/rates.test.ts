import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { bootApp, circle, serverRoom, sleep, until, type Booted, type Joined } from "./harness";

/**
 * Facilitator actions and passPiece are held to "everything else 5/s" (burst 10): past it they are
 * refused with `error { code: "rate-limited" }` and change nothing — so 35 setEnvironment in under a
 * second no longer write the database 35 times.
 */
let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

function errorsOf(room: Joined) {
  const seen: { action: string; code: string }[] = [];
  room.onMessage("error", (m: { action: string; code: string }) => seen.push(m));
  return seen;
}

it("35 setEnvironment at once: about ten applied and stored, the rest refused rate-limited, the facilitator stays", async () => {
  const { s, lead } = await circle(b, 0);
  const writes = vi.spyOn(b.app.store.sessions, "update");
  const errors = errorsOf(lead);
  const places = ["forest", "night", "shore"] as const;
  for (let i = 0; i < 35; i++) lead.send("setEnvironment", { environment: places[i % 3]! });
  await until(() => errors.length >= 20, 2000, "refusals");
  await sleep(100);
  expect(writes.mock.calls.length).toBeLessThanOrEqual(11);
  expect(errors.length + writes.mock.calls.length).toBe(35);
  expect(errors.every((e) => e.action === "setEnvironment" && e.code === "rate-limited")).toBe(true);
  expect(lead.connection.isOpen).toBe(true);
  expect(serverRoom(b, s.code).state.participants.get(lead.sessionId)?.connected).toBe(true);
  writes.mockRestore();
  // A second later the bucket has refilled: the facilitator can act again.
  await sleep(1000);
  const before = errors.length;
  lead.send("lock");
  await until(() => serverRoom(b, s.code).state.session.locked, 2000, "lock after the pause");
  expect(errors.length).toBe(before);
});

it("passPiece past the rate is refused rate-limited", async () => {
  const { s, lead, people: [holder] } = await circle(b, 1);
  lead.send("givePiece", { to: holder!.sessionId });
  await until(() => serverRoom(b, s.code).state.pieceHolder === holder!.sessionId, 2000, "holder");
  const errors = errorsOf(holder!);
  for (let i = 0; i < 25; i++) holder!.send("passPiece", { to: holder!.sessionId });
  // 25 at once: ten fit in the burst (a few more refill while they arrive); the rest are refused.
  await until(() => errors.length >= 13, 2000, "refusals");
  expect(errors.every((e) => e.action === "passPiece" && e.code === "rate-limited")).toBe(true);
});

it("a participant's forbidden facilitator actions are rate-limited too (no flood of answers)", async () => {
  const { people: [p] } = await circle(b, 1);
  const errors = errorsOf(p!);
  for (let i = 0; i < 30; i++) p!.send("muteAll");
  await until(() => errors.length >= 30, 2000, "answers");
  expect(errors.filter((e) => e.code === "forbidden").length).toBeLessThanOrEqual(11);
  expect(errors.filter((e) => e.code === "rate-limited").length).toBeGreaterThanOrEqual(19);
});

it("past their rates, reactions (2/s, burst 4) and clock asks (4/s, burst 10) are dropped quietly: no error, nobody closed", async () => {
  const { people: [sender, other] } = await circle(b, 2);
  const errors = errorsOf(sender!);
  const reactions: unknown[] = [];
  other!.onMessage("reaction", (m) => void reactions.push(m));
  const answers: unknown[] = [];
  sender!.onMessage("time", (m) => void answers.push(m));
  for (let i = 0; i < 15; i++) sender!.send("react", { kind: "clap" });
  for (let i = 0; i < 20; i++) sender!.send("time", { t0: i });
  await until(() => reactions.length >= 4 && answers.length >= 10, 2000, "the bursts");
  await sleep(300);
  // A few may refill while they arrive, never the whole flood.
  expect(reactions.length).toBeLessThanOrEqual(5);
  expect(answers.length).toBeLessThanOrEqual(11);
  expect(errors).toEqual([]);
  expect(sender!.connection.isOpen).toBe(true);
});
