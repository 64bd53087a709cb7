import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ROOM_NAME, payloads, type ClientMessage } from "../../core/protocol";
import { bootApp, circle, joinOptions, posesSeenBy, sdk, serverRoom, until, type Booted, type Joined } from "./harness";

/**
 * Malformed payloads for every message type: the sender is closed with 4002 (no reconnection
 * window), the room state is exactly as before, and the others keep receiving patches.
 */
const HUGE = "x".repeat(3000); // under the 4 KB frame limit, so it reaches validation
const AUDIO_SDP = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n";
const VIDEO_SDP = AUDIO_SDP + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n";
const DATA_SDP = AUDIO_SDP + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";
const CANDIDATE = { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 45626 typ host", sdpMid: "0", sdpMLineIndex: 0 };

const bad: Record<ClientMessage, unknown[]> = {
  pose: ["pose", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, Number.NaN], [1, 2, 3, 4, 5, Infinity], [1, 2, 3, 4, 5, -1], [1, 2, 3, 4, 5, 2 ** 32], [0, 0, 0, 0, 0, 0, 0], [HUGE, 0, 0, 0, 0, 0]],
  raiseHand: [{ extra: 1 }, 42, HUGE],
  lowerHand: [{ extra: 1 }, [1]],
  react: [{}, { kind: "boo" }, { kind: 1 }, { kind: "heart", extra: 1 }, { kind: HUGE }],
  stepAway: [{ extra: true }, "away"],
  stepBack: [{ extra: true }, 0],
  needMoment: [{ text: "help" }, HUGE],
  report: [
    {}, { target: "abc", reason: "rude", events: [] }, { target: "abc", reason: "unkind" }, { target: "abc", reason: "unkind", events: [], note: "x" },
    { target: "abc", reason: "unkind", events: [{ ago: 1, kind: "said", who: "abc" }] },
    { target: "abc", reason: "unkind", events: [{ ago: 1, kind: "joined", who: "abc", text: "hello" }] },
    { target: "abc", reason: "unkind", events: [{ ago: -1, kind: "joined", who: "abc" }] },
    { target: "abc", reason: "unkind", events: [{ ago: 60_001, kind: "joined", who: "abc" }] },
    { target: "abc", reason: "unkind", events: [{ ago: 1, kind: "reaction", who: "abc" }] },
    { target: "abc", reason: "unkind", events: [{ ago: 1, kind: "joined", who: "abc", reaction: "clap" }] },
    { target: "abc", reason: "unkind", events: Array.from({ length: 41 }, () => ({ ago: 1, kind: "joined", who: "a" })) },
  ],
  passPiece: [{}, { to: 5 }, { to: HUGE }, { to: "a b" }, { to: "abc", extra: 1 }],
  checkIn: [{ phase: "before" }, { phase: "before", value: 11 }, { phase: "before", value: -1 }, { phase: "before", value: Number.NaN }, { phase: "before", value: 5.5 }, { phase: "during", value: 5 }, { phase: "before", value: 5, note: "sad" }],
  time: [{}, { t0: Number.NaN }, { t0: Infinity }, { t0: "now" }, { t0: 1, extra: 1 }],
  openCircle: [{ extra: 1 }],
  startPractice: [{}, { patternId: "box" }, { patternId: "custom", cycles: 3 }, { patternId: "box", cycles: 0 }, { patternId: "box", cycles: 1e9 }, { patternId: "box", cycles: Number.NaN }, { patternId: HUGE, cycles: 3 }, { patternId: "box", cycles: 3, extra: 1 }],
  stopPractice: [{ now: true }],
  setEnvironment: [{}, { environment: 3 }, { environment: HUGE }, { environment: "../../etc" }, { environment: "desert" }, { environment: "forest", extra: 1 }],
  mute: [{}, { target: 1 }, { target: HUGE }, { target: "x", extra: 1 }],
  unmute: [{ target: null }],
  muteAll: [{ all: true }],
  remove: [{ target: [] }, { target: "" }],
  lock: [{ locked: true }],
  unlock: [7],
  givePiece: [{ to: Infinity }, {}],
  takePiece: [{ from: "x" }],
  callNext: [{ n: 1 }],
  promote: [{ target: { id: "x" } }],
  demote: [{ target: true }],
  endSession: [{ now: true }, "end"],
  markSeen: [{}, { id: "" }, { id: HUGE }, { id: "a b" }, { id: "abc", extra: 1 }],
  signal: [
    {}, { to: "abc" }, { to: "abc", description: { type: "offer", sdp: VIDEO_SDP } }, { to: "abc", description: { type: "offer", sdp: DATA_SDP } },
    { to: "abc", description: { type: "pranswer", sdp: AUDIO_SDP } }, { to: "abc", description: { type: "offer", sdp: "x".repeat(3601) } },
    { to: "abc", description: { type: "offer", sdp: AUDIO_SDP }, candidate: CANDIDATE }, { to: "abc", candidate: { ...CANDIDATE, extra: 1 } },
    { to: "abc", candidate: { ...CANDIDATE, candidate: "" } }, { to: "a b", candidate: CANDIDATE }, { to: "abc", description: { type: "offer", sdp: AUDIO_SDP, extra: 1 } },
  ],
  mic: [{}, { on: "yes" }, { on: true, extra: 1 }],
  speaking: [{ on: 1 }, true],
  voice: [{ mode: "sfu" }],
  sfu: [
    {}, { pc: "publisher", description: { type: "answer", sdp: AUDIO_SDP } }, { pc: "subscriber", description: { type: "offer", sdp: AUDIO_SDP } },
    { pc: "other", candidate: CANDIDATE }, { pc: "publisher", description: { type: "offer", sdp: VIDEO_SDP } },
  ],
  setPieceMode: [{}, { on: null }],
  chat: [{}, { text: "" }, { text: "   " }, { text: "\u202e\u200b" }, { text: "x".repeat(301) }, { text: HUGE }, { text: 5 }, { text: "hi", html: "<b>hi</b>" }, "hi"],
  reportChat: [{}, { id: "abc" }, { id: "abc", reason: "rude" }, { id: HUGE, reason: "unkind" }, { id: "abc", reason: "unkind", text: "quote" }],
  deleteChat: [{}, { id: "" }, { id: "a b" }, { id: 7 }],
  muteChat: [{}, { target: HUGE }],
  unmuteChat: [{ target: 1 }],
  setChat: [{}, { on: "yes" }, { slowSeconds: 7 }, { slowSeconds: -5 }, { filter: "strict" }, { on: true, extra: 1 }],
  shareCard: [{}, { id: "not-a-card" }, { id: HUGE }, { id: "grounding", extra: 1 }],
  closeCard: [{ id: "grounding" }],
  admit: [{}, { target: HUGE }, { target: "a b" }, { target: "abc", extra: 1 }],
  decline: [{}, { target: 7 }, "abc"],
  setAdmission: [{}, { on: "off" }, { on: true, extra: 1 }],
};

let b: Booted;
let lead: Joined, observer: Joined;
let code: string;
const snapshot = () => JSON.stringify(serverRoom(b, code).state.toJSON());

beforeAll(async () => {
  b = await bootApp();
  const c = await circle(b, 1);
  lead = c.lead;
  observer = c.people[0]!;
  code = c.s.code;
});
afterAll(async () => { await b.stop(); });

it("covers every message type", () => {
  expect(Object.keys(bad).sort()).toEqual(Object.keys(payloads).sort());
});

describe.each(Object.entries(bad))("%s", (message, cases) => {
  it.each(cases.map((c) => [JSON.stringify(c)?.slice(0, 60) ?? String(c), c]))("rejects %s", async (_label, payload) => {
    const before = snapshot();
    // The facilitator sends too: facilitator actions must be rejected by validation, not by role.
    const sender = await sdk(b, undefined).joinOrCreate(ROOM_NAME, joinOptions(code, "Sender"));
    sender.reconnection.enabled = false;
    await until(() => serverRoom(b, code).state.participants.has(sender.sessionId), 2000, "sender seated");
    const closed = new Promise<number>((resolve) => sender.onLeave((c: number) => resolve(c)));
    sender.send(message, payload);
    expect(await closed).toBe(4002);
    await until(() => !serverRoom(b, code).state.participants.has(sender.sessionId), 2000, "sender gone");
    expect(snapshot()).toBe(before);
  });
});

describe("sent as a request (room.request)", () => {
  it.each([
    ["voice", { mode: "sfu" }],
    ["chat", { text: 5 }],
    ["pose", [1, 2, 3]],
    ["admit", { target: "a b" }],
  ])("%s with a bad payload closes the sender with 4002, changes nothing and prints no stack trace", async (message, payload) => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = snapshot();
      const sender = await sdk(b, undefined).joinOrCreate(ROOM_NAME, joinOptions(code, "Asker"));
      sender.reconnection.enabled = false;
      await until(() => serverRoom(b, code).state.participants.has(sender.sessionId), 2000, "asker seated");
      const closed = new Promise<number>((resolve) => sender.onLeave((c: number) => resolve(c)));
      void (sender.request as (t: string, m: unknown) => Promise<unknown>).call(sender, message, payload).catch(() => {});
      expect(await closed).toBe(4002);
      await until(() => !serverRoom(b, code).state.participants.has(sender.sessionId), 2000, "asker gone (no reconnection window)");
      expect(snapshot()).toBe(before);
      expect(printed.mock.calls.flat().join(" ")).not.toMatch(/\n\s+at /);
    } finally {
      printed.mockRestore();
    }
  });
});

it("a malformed send prints no stack trace either", async () => {
  const printed = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const sender = await sdk(b, undefined).joinOrCreate(ROOM_NAME, joinOptions(code, "Quiet Sender"));
    sender.reconnection.enabled = false;
    const closed = new Promise<number>((resolve) => sender.onLeave((c: number) => resolve(c)));
    sender.send("react", { kind: "boo" });
    expect(await closed).toBe(4002);
    expect(printed.mock.calls.flat().join(" ")).not.toMatch(/\n\s+at /);
  } finally {
    printed.mockRestore();
  }
});

it("a facilitator's malformed action is rejected the same way", async () => {
  const before = snapshot();
  const closed = new Promise<number>((resolve) => lead.onLeave((c: number) => resolve(c)));
  lead.reconnection.enabled = false;
  lead.send("startPractice", { patternId: "box", cycles: Number.POSITIVE_INFINITY });
  expect(await closed).toBe(4002);
  await until(() => !serverRoom(b, code).state.participants.has(lead.sessionId), 2000, "facilitator gone (no reconnection window)");
  expect(JSON.parse(snapshot()).practice).toEqual(JSON.parse(before).practice);
});

it("the others keep being served: a pose still reaches the observer", async () => {
  const other = await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(code, "Other"));
  other.send("pose", [1, 2, 3, 4, 5, 6]);
  await until(() => posesSeenBy(observer).poseOf(other.sessionId)?.[5] === 6, 3000, "pose frame");
});
