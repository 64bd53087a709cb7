import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIceServers, parseJanus } from "../../server/config";
import { SfuServer } from "../../server/voice/SfuServer";
import { bootApp, circle, freePort, sendRaw, serverRoom, sleep, until, type Booted, type Joined } from "./harness";

/**
 * Voice signalling: descriptions and candidates go from one person to another only while the two
 * are linked (at least one may be heard: mic on, not muted, and in talking-piece mode the holder or
 * a facilitator); everyone else is refused and nothing reaches the other side.
 */
let b: Booted;
beforeAll(async () => { b = await bootApp({ voice: { iceServers: parseIceServers('[{"urls":"stun:127.0.0.1:3478"}]') } }); });
afterAll(async () => { await b.stop(); });

const OFFER = { type: "offer" as const, sdp: "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n" };
const CANDIDATE = { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 45626 typ host", sdpMid: "0", sdpMLineIndex: 0 };

/** Signals `room` receives, as they arrive. */
function inbox(room: Joined) {
  const got: unknown[] = [];
  room.onMessage("signal", (m) => got.push(m));
  return got;
}

/** Send a signal from `from` to `to`; resolve with the error code the sender got, or null if none came in 300 ms. */
async function trySignal(from: Joined, to: Joined, body: object = { description: OFFER }): Promise<string | null> {
  const error = from.waitForMessage("error", 300).then((e: { action: string; code: string }) => (e.action === "signal" ? e.code : `other:${e.action}`), () => null);
  sendRaw(from, "signal", { to: to.sessionId, ...body });
  return error;
}

async function micOn(...rooms: Joined[]) {
  for (const r of rooms) r.send("mic", { on: true });
  await until(() => rooms.every((r) => serverRoom(b, codeOf(r)).state.participants.get(r.sessionId)?.mic), 2000, "mic on");
}
const codes = new Map<Joined, string>();
const codeOf = (r: Joined) => codes.get(r)!;

async function seated(n: number) {
  const c = await circle(b, n);
  for (const r of [c.lead, ...c.people]) codes.set(r, c.s.code);
  return c;
}

describe("who may signal whom", () => {
  it("relays a description and a candidate exactly, with the sender's id, once one of the two may be heard", async () => {
    const { people: [a, c] } = await seated(2);
    const got = inbox(c!);
    expect(await trySignal(a!, c!)).toBe("invalid-state");
    expect(got).toEqual([]);
    await micOn(a!);
    expect(await trySignal(a!, c!)).toBeNull();
    expect(await trySignal(a!, c!, { candidate: CANDIDATE })).toBeNull();
    // the listener answers the speaker: linked both ways
    const back = inbox(a!);
    expect(await trySignal(c!, a!, { description: { type: "answer", sdp: OFFER.sdp } })).toBeNull();
    await until(() => got.length === 2 && back.length === 1, 2000, "relayed");
    expect(got).toEqual([{ from: a!.sessionId, description: OFFER }, { from: a!.sessionId, candidate: CANDIDATE }]);
    expect(back).toEqual([{ from: c!.sessionId, description: { type: "answer", sdp: OFFER.sdp } }]);
  });

  it("a mute by the facilitator unlinks a speaker from listeners; unmuting links them again", async () => {
    const { lead, people: [a, c] } = await seated(2);
    await micOn(a!);
    lead.send("mute", { target: a!.sessionId });
    await until(() => a!.state.participants.get(a!.sessionId)?.muted === true, 2000, "muted");
    const got = inbox(c!);
    expect(await trySignal(a!, c!)).toBe("invalid-state");
    expect(await trySignal(c!, a!)).toBe("invalid-state");
    lead.send("unmute", { target: a!.sessionId });
    await until(() => a!.state.participants.get(a!.sessionId)?.muted === false, 2000, "unmuted");
    expect(await trySignal(a!, c!)).toBeNull();
    await until(() => got.length === 1, 2000, "relayed after unmute");
  });

  it("in talking-piece mode only the holder and the facilitators are linked to listeners", async () => {
    const { lead, people: [a, c, d] } = await seated(3);
    await micOn(lead, a!, c!);
    const toA = inbox(a!), toC = inbox(c!), toD = inbox(d!);
    lead.send("setPieceMode", { on: true });
    await until(() => a!.state.pieceMode, 2000, "piece mode");
    expect(await trySignal(a!, d!)).toBe("invalid-state"); // a has no piece, d has no mic
    expect(await trySignal(a!, c!)).toBe("invalid-state"); // neither holds the piece
    expect(await trySignal(lead, d!)).toBeNull(); // the facilitator may always be heard
    lead.send("givePiece", { to: a!.sessionId });
    await until(() => a!.state.pieceHolder === a!.sessionId, 2000, "piece given");
    expect(await trySignal(a!, d!)).toBeNull();
    expect(await trySignal(c!, a!)).toBeNull(); // linked because a may be heard
    expect(await trySignal(c!, d!)).toBe("invalid-state");
    lead.send("setPieceMode", { on: false });
    await until(() => !a!.state.pieceMode, 2000, "free talk");
    expect(await trySignal(c!, d!)).toBeNull();
    await until(() => toD.length === 3 && toA.length === 1 && toC.length === 0, 2000, "exactly the linked signals arrived");
  });

  it("a person who dropped is not linked, and an unknown id is refused", async () => {
    const { people: [a, c] } = await seated(2);
    await micOn(a!);
    expect(await trySignal(a!, { sessionId: "nobodyHere" } as Joined)).toBe("no-such-participant");
    await c!.leave();
    await until(() => !a!.state.participants.has(c!.sessionId), 2000, "gone");
    expect(await trySignal(a!, c!)).toBe("no-such-participant");
  });

  it("a burst past the signal rate is refused as rate-limited without closing anyone", async () => {
    const { people: [a, c] } = await seated(2);
    await micOn(a!);
    const got = inbox(c!);
    const errors: string[] = [];
    a!.onMessage("error", (e) => errors.push(e.code));
    for (let i = 0; i < 30; i++) sendRaw(a!, "signal", { to: c!.sessionId, candidate: CANDIDATE });
    await until(() => got.length + errors.length === 30, 3000, "all answered");
    expect(got.length).toBeGreaterThanOrEqual(24);
    expect(got.length).toBeLessThan(30);
    expect(new Set(errors)).toEqual(new Set(["rate-limited"]));
    expect(a!.connection.isOpen).toBe(true);
  });

  it("in a mesh the SFU's signalling is refused", async () => {
    const { people: [a] } = await seated(1);
    await micOn(a!);
    const reply = a!.waitForMessage("error", 2000);
    a!.send("sfu", { pc: "publisher", description: OFFER });
    expect(await reply).toEqual({ action: "sfu", code: "invalid-state" });
  });
});

describe("speaking and the microphone", () => {
  it("shows speaking only while the person may be heard; a mute or mic off clears it", async () => {
    const { lead, people: [a, c] } = await seated(2);
    a!.send("speaking", { on: true });
    await sleep(150);
    expect(c!.state.participants.get(a!.sessionId)?.speaking).toBe(false); // mic off: not heard, not speaking
    await micOn(a!);
    a!.send("speaking", { on: true });
    await until(() => c!.state.participants.get(a!.sessionId)?.speaking === true, 2000, "speaking");
    lead.send("mute", { target: a!.sessionId });
    await until(() => c!.state.participants.get(a!.sessionId)?.speaking === false, 2000, "cleared by the mute");
    lead.send("unmute", { target: a!.sessionId });
    a!.send("speaking", { on: true });
    await until(() => c!.state.participants.get(a!.sessionId)?.speaking === true, 2000, "speaking again");
    a!.send("mic", { on: false });
    await until(() => c!.state.participants.get(a!.sessionId)?.speaking === false, 2000, "cleared by mic off");
  });

  it("talking-piece mode clears the speaking flag of everyone who may no longer be heard", async () => {
    const { lead, people: [a] } = await seated(1);
    await micOn(a!, lead);
    a!.send("speaking", { on: true });
    lead.send("speaking", { on: true });
    await until(() => a!.state.participants.get(a!.sessionId)?.speaking === true && a!.state.participants.get(lead.sessionId)?.speaking === true, 2000, "both speaking");
    lead.send("setPieceMode", { on: true });
    await until(() => a!.state.participants.get(a!.sessionId)?.speaking === false, 2000, "a silenced");
    expect(a!.state.participants.get(lead.sessionId)?.speaking).toBe(true);
  });

  it("a participant cannot switch talking-piece mode; a co-facilitator can", async () => {
    const { lead, people: [a, c] } = await seated(2);
    const reply = a!.waitForMessage("error", 2000);
    a!.send("setPieceMode", { on: true });
    expect(await reply).toEqual({ action: "setPieceMode", code: "forbidden" });
    expect(serverRoom(b, codeOf(a!)).state.pieceMode).toBe(false);
    lead.send("promote", { target: c!.sessionId });
    await until(() => a!.state.participants.get(c!.sessionId)?.role === "cofacilitator", 2000, "promoted");
    c!.send("setPieceMode", { on: true });
    await until(() => a!.state.pieceMode, 2000, "piece mode by the co-facilitator");
  });
});

describe("voice settings", () => {
  it("a member learns the mode and the configured ICE servers", async () => {
    const { people: [a] } = await seated(1);
    expect(await a!.request("voice")).toEqual({ mode: "mesh", iceServers: [{ urls: "stun:127.0.0.1:3478" }] });
  });

  it("asked 20 times at once: 10 answered (burst), the rest rejected rate-limited; the asker stays connected", async () => {
    // With the SFU each answered ask makes Janus work (a subscription is reconciled), so it is
    // limited like every other action: 5 a second, burst 10.
    const { people: [a] } = await seated(1);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => a!.request("voice").then(() => "answered", (e: { reason?: unknown }) => String(e.reason))),
    );
    expect(outcomes.filter((o) => o === "answered")).toHaveLength(10);
    expect(new Set(outcomes.filter((o) => o !== "answered"))).toEqual(new Set(["rate-limited"]));
    expect(a!.connection.isOpen).toBe(true);
  });

  it("with JANUS_URL set but Janus out of reach, a circle keeps peer-to-peer voice", async () => {
    const port = await freePort();
    const sfu = new SfuServer({ url: `ws://127.0.0.1:${port}`, adminKey: "k" });
    const other = await bootApp({ voice: { iceServers: [], sfu } });
    try {
      const c = await circle(other, 1);
      expect(await c.people[0]!.request("voice")).toEqual({ mode: "mesh", iceServers: [] });
    } finally {
      await other.stop();
      sfu.close();
    }
  });

  it("JANUS_URL is a ws:// or wss:// address; JANUS_ADMIN_KEY goes with it", () => {
    expect(parseJanus({})).toBeUndefined();
    expect(parseJanus({ JANUS_URL: "ws://127.0.0.1:8188", JANUS_ADMIN_KEY: "secret" })).toEqual({ url: "ws://127.0.0.1:8188", adminKey: "secret" });
    expect(parseJanus({ JANUS_URL: "wss://janus.example.org/ws" })).toEqual({ url: "wss://janus.example.org/ws", adminKey: "" });
    expect(() => parseJanus({ JANUS_URL: "http://127.0.0.1:8088/janus" })).toThrow(/JANUS_URL/);
    expect(() => parseJanus({ JANUS_ADMIN_KEY: "secret" })).toThrow(/JANUS_URL/);
  });

  it("ICE_SERVERS must be a JSON array of ICE servers", () => {
    expect(parseIceServers(undefined)).toEqual([]);
    expect(parseIceServers(" ")).toEqual([]);
    expect(parseIceServers('[{"urls":["turn:10.0.0.2:3478"],"username":"u","credential":"c"}]')).toEqual([{ urls: ["turn:10.0.0.2:3478"], username: "u", credential: "c" }]);
    expect(() => parseIceServers("stun:x")).toThrow(/ICE_SERVERS/);
    expect(() => parseIceServers('[{"urls":"http://x"}]')).toThrow(/ICE_SERVERS/);
    expect(() => parseIceServers('{"urls":"stun:x"}')).toThrow(/ICE_SERVERS/);
  });
});
