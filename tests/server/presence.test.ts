import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSE_FLOATS, packPose, unpackPose } from "../../core/pose";
import { CloseCode, JoinError } from "../../core/protocol";
import { bootApp, circle, dropConnection, posesSeenBy, sendRaw, join, sdk, serverRoom, until, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

describe("pose", () => {
  it("two participants see each other's pose, within the codec's bounds", async () => {
    const { people: [a, c] } = await circle(b, 2);
    const pose = [0.1, 1.3, -0.2, 0, 0.3826834, 0, 0.9238795, -0.2, 1.0, 0.1, 0, 0, 0, 1, 0.25, 1.1, 0.2, 0.7071068, 0, 0, 0.7071068];
    const words: number[] = [];
    packPose(pose, true, true, words);
    a!.send("pose", words);
    c!.send("pose", [...words].reverse());
    await until(() => posesSeenBy(c!).poseOf(a!.sessionId)?.[0] === words[0] && posesSeenBy(a!).poseOf(c!.sessionId)?.[5] === words[0], 3000, "poses");
    expect(posesSeenBy(c!).poseOf(a!.sessionId)).toEqual(words);
    const out = new Float32Array(POSE_FLOATS);
    unpackPose(posesSeenBy(c!).poseOf(a!.sessionId)!, out);
    for (const i of [0, 1, 2, 7, 8, 9, 14, 15, 16]) expect(Math.abs(out[i]! - pose[i]!)).toBeLessThanOrEqual(0.002);
  });
});

describe("reconnection", () => {
  it("a dropped participant keeps seat, role and pseudonym when they come back", async () => {
    const { lead, people: [p], s } = await circle(b, 2);
    lead.send("promote", { target: p!.sessionId });
    await until(() => p!.state.participants.get(p!.sessionId)?.role === "cofacilitator", 2000, "promoted");
    const before = serverRoom(b, s.code).state.participants.get(p!.sessionId)!.toJSON();
    p!.reconnection.enabled = false;
    const token = p!.reconnectionToken;
    dropConnection(b, s.code, p!.sessionId);
    await until(() => lead.state.participants.get(p!.sessionId)?.connected === false, 3000, "seen as disconnected");
    const back = await sdk(b).reconnect(token);
    expect(back.sessionId).toBe(p!.sessionId);
    await until(() => lead.state.participants.get(p!.sessionId)?.connected === true, 3000, "seen as back");
    const after = serverRoom(b, s.code).state.participants.get(p!.sessionId)!.toJSON();
    expect(after).toEqual({ ...before, connected: true });
    expect(after.role).toBe("cofacilitator");
  });

  it("promoted while their connection is down, back they get a seat token with the new role", async () => {
    const { lead, people: [p], s } = await circle(b, 1);
    const roleIn = (token: string) => (JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString("utf8")) as { r: string }).r;
    p!.reconnection.enabled = false;
    const token = p!.reconnectionToken;
    dropConnection(b, s.code, p!.sessionId);
    await until(() => lead.state.participants.get(p!.sessionId)?.connected === false, 3000, "seen as disconnected");
    lead.send("promote", { target: p!.sessionId });
    await until(() => lead.state.participants.get(p!.sessionId)?.role === "cofacilitator", 2000, "promoted");
    const back = await sdk(b).reconnect(token);
    const seat = await back.waitForMessage("seat", 2000) as { token: string };
    expect(roleIn(seat.token)).toBe("cofacilitator");
  });

  it("a removed participant cannot come back with their old token, even if removed while away", async () => {
    const { lead, people: [p, q], s } = await circle(b, 2);
    // removed while connected
    const token = p!.reconnectionToken;
    p!.reconnection.enabled = false;
    const closed = new Promise<number>((r) => p!.onLeave((c: number) => r(c)));
    lead.send("remove", { target: p!.sessionId });
    expect(await closed).toBe(CloseCode.REMOVED);
    await expect(sdk(b).reconnect(token)).rejects.toBeTruthy();
    // removed while in the reconnection window
    q!.reconnection.enabled = false;
    const tokenQ = q!.reconnectionToken;
    dropConnection(b, s.code, q!.sessionId);
    await until(() => lead.state.participants.get(q!.sessionId)?.connected === false, 3000, "q away");
    lead.send("remove", { target: q!.sessionId });
    await until(() => !lead.state.participants.has(q!.sessionId), 3000, "q removed");
    await expect(sdk(b).reconnect(tokenQ)).rejects.toBeTruthy();
    expect(lead.state.participants.size).toBe(1);
  });

  it("a client closed for bad input gets no reconnection window", async () => {
    const { lead, people: [p], s } = await circle(b, 1);
    p!.reconnection.enabled = false;
    const token = p!.reconnectionToken;
    sendRaw(p!, "pose", "not a pose");
    await until(() => !lead.state.participants.has(p!.sessionId), 3000, "gone at once");
    await expect(sdk(b).reconnect(token)).rejects.toBeTruthy();
    expect(serverRoom(b, s.code).state.participants.size).toBe(1);
  });
});

describe("talking piece and hands", () => {
  it("raised hands queue in order; call next hands the piece to the first; the holder can pass it", async () => {
    const { lead, people: [a, c] } = await circle(b, 2);
    c!.send("raiseHand");
    await until(() => lead.state.handQueue.length === 1, 2000, "first hand");
    a!.send("raiseHand");
    await until(() => lead.state.handQueue.length === 2, 2000, "second hand");
    lead.send("callNext");
    await until(() => lead.state.pieceHolder === c!.sessionId, 2000, "piece to c");
    expect([...lead.state.handQueue]).toEqual([a!.sessionId]);
    c!.send("passPiece", { to: a!.sessionId });
    await until(() => lead.state.pieceHolder === a!.sessionId, 2000, "passed");
    const refusal = c!.waitForMessage("error", 2000);
    c!.send("passPiece", { to: c!.sessionId });
    expect(await refusal).toEqual({ action: "passPiece", code: "invalid-state" });
  });
});

describe("editing", () => {
  it("an edit over HTTP shows in the live circle, and a lower capacity applies to the next join", async () => {
    const { f, people: [p], s } = await circle(b, 2);
    const res = await fetch(`${b.url}/api/sessions/${s.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${f.apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "Renamed", environment: "night", capacity: 2 }),
    });
    expect(res.status).toBe(200);
    await until(() => p!.state.session.title === "Renamed" && p!.state.session.environment === "night", 2000, "refreshed");
    await expect(join(b, s.code, "Third")).rejects.toMatchObject({ code: JoinError.FULL });
  });
});

describe("ending", () => {
  it("ending closes everyone with 4101 and nobody can join again", async () => {
    const { lead, people: [p], s } = await circle(b, 1);
    const closed = new Promise<number>((r) => p!.onLeave((c: number) => r(c)));
    lead.send("endSession");
    expect(await closed).toBe(CloseCode.SESSION_ENDED);
    expect(b.app.store.sessions.byId(s.id)?.status).toBe("ended");
    await expect(join(b, s.code, "Late")).rejects.toMatchObject({ code: JoinError.SESSION_ENDED });
  });

  it("ending the session over HTTP ends the live circle too", async () => {
    const { f, people: [p], s } = await circle(b, 1);
    const closed = new Promise<number>((r) => p!.onLeave((c: number) => r(c)));
    const res = await fetch(`${b.url}/api/sessions/${s.id}/end`, { method: "POST", headers: { authorization: `Bearer ${f.apiToken}` } });
    expect(res.status).toBe(200);
    expect(await closed).toBe(CloseCode.SESSION_ENDED);
  });
});
