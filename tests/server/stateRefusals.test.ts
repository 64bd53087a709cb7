import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JoinError, ROOM_NAME } from "../../core/protocol";
import { MAX_KNOCKING } from "../../server/rooms/Admission";
import {
  bootApp,
  circle,
  facilitator,
  freshRates,
  joinError,
  joinOptions,
  sdk,
  sendRaw,
  serverRoom,
  session,
  until,
  type Booted,
  type Joined,
} from "./harness";

/**
 * Actions taken by someone allowed to take them, at a moment they do not apply (docs/PROTOCOL.md,
 * the message tables): each answered with its documented error, the room's state exactly as before.
 * The wrong person is authorization.test.ts; this is the right person at the wrong time.
 */
let b: Booted;
let lead: Joined, cofac: Joined, p1: Joined, p2: Joined;
let code = "";
const state = () => serverRoom(b, code).state;
const snapshot = () => JSON.stringify(state().toJSON());

beforeAll(async () => {
  b = await bootApp();
  const c = await circle(b, 3);
  [lead, cofac, p1, p2] = [c.lead, ...c.people] as [Joined, Joined, Joined, Joined];
  code = c.s.code;
  lead.send("promote", { target: cofac.sessionId });
  await until(() => state().participants.get(cofac.sessionId)?.role === "cofacilitator", 2000, "promoted");
});
afterAll(async () => { await b.stop(); });

/** `sender` sends `action`: answered `{ action, code }`, and nothing in the state changes. */
async function refused(sender: Joined, action: string, payload: unknown, errorCode: string): Promise<void> {
  const before = snapshot();
  freshRates(b, code, sender.sessionId);
  const reply = sender.waitForMessage("error", 2000);
  sendRaw(sender, action, payload);
  expect(await reply).toEqual({ action, code: errorCode });
  expect(snapshot()).toBe(before);
}

describe("the right person at the wrong moment", () => {
  it("openCircle on a circle already open is invalid-state", async () => {
    expect(state().session.status).toBe("open");
    await refused(lead, "openCircle", undefined, "invalid-state");
  });

  it("stopPractice with no practice running is invalid-state", async () => {
    expect(state().practice.running).toBe(false);
    await refused(cofac, "stopPractice", undefined, "invalid-state");
  });

  it("callNext with no hand raised is invalid-state", async () => {
    expect(state().handQueue.length).toBe(0);
    await refused(lead, "callNext", undefined, "invalid-state");
  });

  it("promote is for participants only, demote for co-facilitators only: invalid-state otherwise", async () => {
    await refused(lead, "promote", { target: cofac.sessionId }, "invalid-state");
    await refused(lead, "promote", { target: lead.sessionId }, "invalid-state");
    await refused(lead, "demote", { target: p1.sessionId }, "invalid-state");
    await refused(lead, "demote", { target: lead.sessionId }, "invalid-state");
  });

  it("the piece's holder passing it to someone not in the circle is no-such-participant; to someone seated it moves", async () => {
    lead.send("givePiece", { to: p1.sessionId });
    await until(() => state().pieceHolder === p1.sessionId, 2000, "p1 holds the piece");
    await refused(p1, "passPiece", { to: "nobodyHere" }, "no-such-participant");
    p1.send("passPiece", { to: p2.sessionId });
    await until(() => state().pieceHolder === p2.sessionId, 2000, "passed on");
  });
});

describe("what a few plain actions do", () => {
  it("muteAll mutes the participants, never the facilitator or a co-facilitator", async () => {
    freshRates(b, code, lead.sessionId);
    lead.send("muteAll");
    await until(() => state().participants.get(p1.sessionId)?.muted === true && state().participants.get(p2.sessionId)?.muted === true, 2000, "participants muted");
    expect(state().participants.get(lead.sessionId)?.muted).toBe(false);
    expect(state().participants.get(cofac.sessionId)?.muted).toBe(false);
  });

  it("stepAway and stepBack set away; lowerHand takes the hand out of the queue, keeping the others' order", async () => {
    p1.send("stepAway");
    await until(() => state().participants.get(p1.sessionId)?.away === true, 2000, "away");
    p1.send("stepBack");
    await until(() => state().participants.get(p1.sessionId)?.away === false, 2000, "back");
    p1.send("raiseHand");
    p2.send("raiseHand");
    cofac.send("raiseHand");
    await until(() => state().handQueue.length === 3, 2000, "three hands");
    p2.send("lowerHand");
    await until(() => state().handQueue.length === 2, 2000, "one lowered");
    expect([...state().handQueue]).toEqual([p1.sessionId, cofac.sessionId]);
    expect(state().participants.get(p2.sessionId)?.handRaised).toBe(false);
  });
});

describe("the door with admission on", () => {
  it(`at most ${MAX_KNOCKING} wait at once: the next is FULL, and there is room again when one goes`, async () => {
    const f = await facilitator(b);
    const s = session(b, f.id, { admission: true, capacity: 32 });
    const waiting: Joined[] = [];
    for (let i = 0; i < MAX_KNOCKING; i++) waiting.push(await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, `Knock ${i}`)));
    await until(() => serverRoom(b, s.code).state.knocking.size === MAX_KNOCKING, 3000, "all waiting");
    expect(await joinError(sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, "One Too Many")))).toBe(JoinError.FULL);
    expect(serverRoom(b, s.code).state.knocking.size).toBe(MAX_KNOCKING);
    await waiting[0]!.leave();
    await until(() => serverRoom(b, s.code).state.knocking.size === MAX_KNOCKING - 1, 3000, "one gone");
    expect(await joinError(sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, "Now There Is Room")))).toBeUndefined();
    await Promise.all(waiting.slice(1).map((w) => w.leave()));
  });

  it("capacity and the lock apply when someone knocks; admitting into a circle filled meanwhile is invalid-state", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id, { admission: true, capacity: 1 });
    const lead2 = (await sdk(b, f.token).joinOrCreate(ROOM_NAME, joinOptions(s.code, "Lead"))) as Joined;
    const first = await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, "First"));
    const second = await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, "Second"));
    const room = () => serverRoom(b, s.code).state;
    await until(() => room().knocking.size === 2, 2000, "two waiting");
    lead2.send("admit", { target: first.sessionId });
    await until(() => room().participants.has(first.sessionId), 2000, "first admitted");
    // Full now: the one still waiting cannot be let in, and nobody new may knock.
    const before = JSON.stringify(room().toJSON());
    const reply = lead2.waitForMessage("error", 2000);
    lead2.send("admit", { target: second.sessionId });
    expect(await reply).toEqual({ action: "admit", code: "invalid-state" });
    expect(JSON.stringify(room().toJSON())).toBe(before);
    expect(await joinError(sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, "Late")))).toBe(JoinError.FULL);
    // Room again, but locked: a newcomer may not even knock.
    lead2.send("remove", { target: first.sessionId });
    lead2.send("lock");
    await until(() => !room().participants.has(first.sessionId) && room().session.locked, 2000, "removed and locked");
    expect(await joinError(sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, "Locked Out")))).toBe(JoinError.LOCKED);
    expect(room().knocking.size).toBe(1);
  });
});
