import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_NAME } from "../../core/protocol";
import {
  bootApp,
  dropConnection,
  facilitator,
  followPoses,
  join,
  joinOptions,
  sdk,
  sendRaw,
  serverPose,
  serverRoom,
  session,
  sleep,
  until,
  type Booted,
  type Joined,
} from "./harness";

/**
 * Admission: newcomers wait in the waiting area until a facilitator or co-facilitator lets them
 * in. The waiting area sees nobody and gets nothing of the circle; what an admitted person then
 * receives is checked on their own client (Colyseus StateView, granted mid-session).
 */
let b: Booted;
afterAll(async () => { await b.stop(); });
beforeAll(async () => { b = await bootApp(); });

interface Knocking {
  room: Joined;
  statuses: string[];
  errors: { action: string; code: string }[];
  heard: string[];
}

/** Join while admission is on: the person waits; every message they get is recorded. */
async function knock(code: string, pseudonym: string): Promise<Knocking> {
  const room = await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(code, pseudonym));
  room.reconnection.enabled = false;
  const k: Knocking = { room, statuses: [], errors: [], heard: [] };
  room.onMessage("admission", (m: { status: string }) => k.statuses.push(m.status));
  room.onMessage("error", (m: { action: string; code: string }) => k.errors.push(m));
  room.onMessage("*", (type: string | number) => k.heard.push(String(type)));
  await room.waitForInitialState();
  return k;
}

/** A circle with admission on: the facilitator, one participant admitted, the circle open. */
async function admittingCircle() {
  const f = await facilitator(b);
  const s = session(b, f.id, { admission: true });
  const lead = await join(b, s.code, "Facilitator", { token: f.token });
  lead.send("openCircle");
  const first = await knock(s.code, "Early Bird");
  await until(() => lead.state.knocking?.has(first.room.sessionId) === true, 2000, "facilitator sees the knock");
  lead.send("admit", { target: first.room.sessionId });
  await until(() => first.room.state.participants?.has(first.room.sessionId) === true, 2000, "first admitted");
  return { f, s, lead, member: first.room, code: s.code };
}

const server = (code: string) => serverRoom(b, code).state;
const snapshot = (code: string) => JSON.stringify(server(code).toJSON());

describe("a newcomer while admission is on", () => {
  it("waits, is told so, and sees nobody: no people, no raised hands, no talking piece", async () => {
    const { lead, member, code } = await admittingCircle();
    lead.send("takePiece");
    member.send("raiseHand");
    await until(() => server(code).handQueue.length === 1 && server(code).pieceHolder !== "", 2000, "hand and piece");

    const k = await knock(code, "Quiet Fox");
    await until(() => k.statuses.length > 0, 2000, "admission status");
    expect(k.statuses).toEqual(["knocking"]);
    await sleep(150);
    expect(k.room.state.participants?.size ?? 0).toBe(0);
    expect(k.room.state.handQueue?.length ?? 0).toBe(0);
    expect(k.room.state.pieceHolder ?? "").toBe("");
    expect(k.room.state.knocking?.size ?? 0).toBe(0);
    // What the waiting area may see: the session itself.
    expect(k.room.state.session.title).toBe("Evening circle");
    expect(server(code).participants.has(k.room.sessionId)).toBe(false);
    // The facilitator sees the pseudonym knocking; a participant does not.
    await until(() => lead.state.knocking?.get(k.room.sessionId)?.pseudonym === "Quiet Fox", 2000, "knock shown");
    expect(member.state.knocking?.size ?? 0).toBe(0);
  });

  it("gets no poses, chat, reactions or voice while others talk and move", async () => {
    const { lead, member, code } = await admittingCircle();
    const k = await knock(code, "Still Pond");
    member.send("pose", [11, 12, 13, 14, 15, 16]);
    member.send("chat", { text: "hello circle" });
    member.send("react", { kind: "wave" });
    lead.send("chat", { text: "welcome" });
    await until(() => serverPose(b, code, member.sessionId)?.[5] === 16, 2000, "pose on the server");
    // Frames go out 25 times a second: give several the chance to reach the waiting area.
    // A participant cannot signal to someone waiting: they are not in the circle.
    const refused = member.waitForMessage("error", 2000);
    member.send("signal", { to: k.room.sessionId, candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 9 typ host", sdpMid: "0", sdpMLineIndex: 0 } });
    expect(await refused).toEqual({ action: "signal", code: "no-such-participant" });
    await sleep(300);
    expect(k.heard.filter((t) => t !== "admission")).toEqual([]);
    expect(k.room.state.participants?.size ?? 0).toBe(0);
    // The voice settings are refused too.
    await expect(k.room.request("voice")).rejects.toBeTruthy();
  });

  it("is refused every circle action with not-admitted, and nothing changes", async () => {
    const { code } = await admittingCircle();
    const k = await knock(code, "Soft Rain");
    await until(() => server(code).knocking.has(k.room.sessionId), 2000, "knocking");
    const before = snapshot(code);
    const tries: [string, unknown][] = [
      ["pose", [1, 2, 3, 4, 5, 6]],
      ["chat", { text: "let me in" }],
      ["react", { kind: "heart" }],
      ["checkIn", { phase: "before", value: 3 }],
      ["raiseHand", undefined],
      ["needMoment", undefined],
      ["mic", { on: true }],
      ["admit", { target: k.room.sessionId }],
      ["setAdmission", { on: false }],
    ];
    for (const [type, payload] of tries) sendRaw(k.room, type, payload);
    await until(() => k.errors.length === tries.length, 2000, "every refusal");
    expect(k.errors).toEqual(tries.map(([action]) => ({ action, code: "not-admitted" })));
    expect(snapshot(code)).toBe(before);
    // The clock is open to the waiting area (it tells nothing of the circle).
    const time = k.room.waitForMessage("time", 2000);
    k.room.send("time", { t0: 5 });
    expect(await time).toMatchObject({ t0: 5 });
  });
});

describe("admitting", () => {
  it("the admitted person receives everyone as they are now: pseudonyms, poses, raised hands, the piece", async () => {
    const { lead, member, code } = await admittingCircle();
    // Set before the newcomer arrives and never changed afterwards: a field granted mid-session
    // must still arrive in full (colyseus/schema #232).
    member.send("pose", [21, 22, 23, 24, 25, 26]);
    member.send("raiseHand");
    lead.send("givePiece", { to: member.sessionId });
    await until(() => serverPose(b, code, member.sessionId)?.[5] === 26 && server(code).pieceHolder === member.sessionId && server(code).handQueue.length === 1, 2000, "set");

    const k = await knock(code, "Late Heron");
    const poses = followPoses(k.room);
    await until(() => lead.state.knocking?.has(k.room.sessionId) === true, 2000, "knock shown");
    lead.send("admit", { target: k.room.sessionId });
    await until(() => k.statuses.includes("admitted"), 2000, "admitted status");
    await until(() => k.room.state.participants?.size === 3, 2000, "everyone visible");
    const seen = k.room.state.participants.get(member.sessionId)!;
    // Poses come in pose frames: first a catch-up with everyone's pose as it is.
    await until(() => poses.poseOf(member.sessionId) !== undefined, 2000, "catch-up pose frame");
    expect(poses.poseOf(member.sessionId)).toEqual([21, 22, 23, 24, 25, 26]);
    expect(seen.pseudonym).toBe("Early Bird");
    expect(seen.handRaised).toBe(true);
    expect(k.room.state.participants.get(lead.sessionId)?.role).toBe("facilitator");
    expect(k.room.state.participants.get(k.room.sessionId)?.pseudonym).toBe("Late Heron");
    expect(k.room.state.pieceHolder).toBe(member.sessionId);
    expect(k.room.state.handQueue.toArray()).toEqual([member.sessionId]);
    // … and keeps receiving what changes afterwards, but not who knocks.
    member.send("pose", [31, 32, 33, 34, 35, 36]);
    await until(() => poses.poseOf(member.sessionId)?.[5] === 36, 2000, "later pose");
    expect(poses.poseOf(member.sessionId)).toEqual([31, 32, 33, 34, 35, 36]);
    expect(lead.state.knocking.has(k.room.sessionId)).toBe(false);
    const other = await knock(code, "Next One");
    await until(() => lead.state.knocking.has(other.room.sessionId), 2000, "next knock");
    expect(k.room.state.knocking?.size ?? 0).toBe(0);
    // Now in the circle, they may act.
    const ack = k.room.waitForMessage("checkedIn", 2000);
    k.room.send("checkIn", { phase: "before", value: 4 });
    expect(await ack).toEqual({ phase: "before" });
  });

  it("a co-facilitator admits and declines; promoted they see the knocks, demoted they stop", async () => {
    const { lead, member, code } = await admittingCircle();
    lead.send("promote", { target: member.sessionId });
    const k1 = await knock(code, "First Knock");
    await until(() => member.state.knocking?.get(k1.room.sessionId)?.pseudonym === "First Knock", 2000, "co-facilitator sees it");
    member.send("admit", { target: k1.room.sessionId });
    await until(() => server(code).participants.has(k1.room.sessionId), 2000, "admitted by the co-facilitator");

    lead.send("demote", { target: member.sessionId });
    await until(() => server(code).participants.get(member.sessionId)?.role === "participant", 2000, "demoted");
    const k2 = await knock(code, "Second Knock");
    await until(() => lead.state.knocking.has(k2.room.sessionId), 2000, "lead sees the second");
    await sleep(150);
    expect(member.state.knocking?.has(k2.room.sessionId) ?? false).toBe(false);
    const refused = member.waitForMessage("error", 2000);
    member.send("admit", { target: k2.room.sessionId });
    expect(await refused).toEqual({ action: "admit", code: "forbidden" });
    expect(server(code).knocking.has(k2.room.sessionId)).toBe(true);
  });

  it("a role changed while the person's connection is down holds when they are back: demoted, no knocks; promoted, the knocks", async () => {
    const { lead, member, code } = await admittingCircle();
    const away = async (room: Joined, role: "promote" | "demote") => {
      const token = room.reconnectionToken;
      room.reconnection.enabled = false;
      dropConnection(b, code, room.sessionId);
      await until(() => server(code).participants.get(room.sessionId)?.connected === false, 3000, "in the reconnection window");
      lead.send(role, { target: room.sessionId });
      const want = role === "promote" ? "cofacilitator" : "participant";
      await until(() => server(code).participants.get(room.sessionId)?.role === want, 2000, role);
      const back = (await sdk(b).reconnect(token)) as Joined;
      await until(() => server(code).participants.get(back.sessionId)?.connected === true, 3000, "back");
      return back;
    };
    // Promoted while away: back, they see who knocks.
    const cofac = await away(member, "promote");
    const k1 = await knock(code, "Seen Knock");
    await until(() => cofac.state.knocking?.get(k1.room.sessionId)?.pseudonym === "Seen Knock", 2000, "the promoted co-facilitator sees the knock");
    // Demoted while away: back, they see nobody waiting — not the one already there, not a new one.
    const demoted = await away(cofac, "demote");
    const k2 = await knock(code, "Hidden Knock");
    await until(() => lead.state.knocking.has(k2.room.sessionId), 2000, "lead sees the knock");
    await sleep(200);
    expect(demoted.state.knocking?.size ?? 0).toBe(0);
  });

  it("a participant may not admit, decline or turn admission off, and nothing changes", async () => {
    const { member, code } = await admittingCircle();
    const k = await knock(code, "Waiting Wren");
    await until(() => server(code).knocking.has(k.room.sessionId), 2000, "knocking");
    const before = snapshot(code);
    for (const [action, payload] of [["admit", { target: k.room.sessionId }], ["decline", { target: k.room.sessionId }], ["setAdmission", { on: false }]] as const) {
      const reply = member.waitForMessage("error", 2000);
      sendRaw(member, action, payload);
      expect(await reply).toEqual({ action, code: "forbidden" });
    }
    expect(snapshot(code)).toBe(before);
    expect(k.room.connection.isOpen).toBe(true);
  });

  it("admitting someone not waiting is no-such-participant", async () => {
    const { lead } = await admittingCircle();
    const reply = lead.waitForMessage("error", 2000);
    lead.send("admit", { target: "nobodyHere" });
    expect(await reply).toEqual({ action: "admit", code: "no-such-participant" });
  });

  it("declining closes the newcomer with 4102, and they never saw the circle", async () => {
    const { lead, code } = await admittingCircle();
    const k = await knock(code, "Turned Away");
    const closed = new Promise<number>((resolve) => k.room.onLeave((c: number) => resolve(c)));
    await until(() => lead.state.knocking?.has(k.room.sessionId) === true, 2000, "knock shown");
    lead.send("decline", { target: k.room.sessionId });
    expect(await closed).toBe(4102);
    await until(() => !lead.state.knocking.has(k.room.sessionId), 2000, "gone from the list");
    expect(k.room.state.participants?.size ?? 0).toBe(0);
  });

  it("someone who stops waiting (closes the page) leaves the list", async () => {
    const { lead, code } = await admittingCircle();
    const k = await knock(code, "Gone Soon");
    await until(() => lead.state.knocking?.has(k.room.sessionId) === true, 2000, "knock shown");
    await k.room.leave();
    await until(() => !lead.state.knocking.has(k.room.sessionId), 2000, "gone from the list");
  });
});

describe("admission on and off", () => {
  it("is on for a new session, and a facilitator is never held", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id, { admission: true });
    const row = b.app.store.sessions.byId(s.id)!;
    expect(row.admission).toBe(true);
    const lead = await join(b, s.code, "Facilitator", { token: f.token });
    expect(lead.state.participants.get(lead.sessionId)?.role).toBe("facilitator");
    expect(lead.state.session.admission).toBe(true);
  });

  it("turned off by the facilitator: stored, whoever waits is let in, newcomers are seated at once", async () => {
    const { s, lead, code } = await admittingCircle();
    const k = await knock(code, "Was Waiting");
    await until(() => lead.state.knocking?.has(k.room.sessionId) === true, 2000, "knock shown");
    lead.send("setAdmission", { on: false });
    await until(() => k.statuses.includes("admitted"), 2000, "let in");
    expect(b.app.store.sessions.byId(s.id)?.admission).toBe(false);
    const direct = await join(b, code, "Walks In");
    expect(direct.state.participants.has(direct.sessionId)).toBe(true);
    expect(direct.state.participants.size).toBe(4);
  });

  it("a co-facilitator may not turn it off (forbidden)", async () => {
    const { lead, member, code } = await admittingCircle();
    lead.send("promote", { target: member.sessionId });
    await until(() => server(code).participants.get(member.sessionId)?.role === "cofacilitator", 2000, "promoted");
    const reply = member.waitForMessage("error", 2000);
    member.send("setAdmission", { on: false });
    expect(await reply).toEqual({ action: "setAdmission", code: "forbidden" });
    expect(server(code).session.admission).toBe(true);
  });

  it("removing someone turns it back on for the rest of the session: they cannot walk straight back in", async () => {
    const { s, lead, member, code } = await admittingCircle();
    lead.send("setAdmission", { on: false });
    await until(() => server(code).session.admission === false, 2000, "off");
    lead.send("remove", { target: member.sessionId });
    await until(() => server(code).session.admission === true, 2000, "back on");
    expect(b.app.store.sessions.byId(s.id)?.admission).toBe(true);
    const again = await knock(code, "New Name");
    await until(() => again.statuses.includes("knocking"), 2000, "waits again");
    expect(server(code).participants.has(again.room.sessionId)).toBe(false);
  });
});
