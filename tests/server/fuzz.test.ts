import fc from "fast-check";
import { pack } from "msgpackr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGREEMENT_VERSION } from "../../core/care";
import { CloseCode, JoinError, MAX_FRAME_BYTES, ROOM_NAME, joinOptionsSchema, payloads, type ClientMessage } from "../../core/protocol";
import { bootApp, circle, joinOptions, posesSeenBy, sdk, serverRoom, until, type Booted, type Joined } from "./harness";

/**
 * Generated inputs, not hand-picked ones (fast-check). For every client message type, payloads
 * built from a valid example — fields dropped, added or swapped for wrong types, huge and negative
 * numbers, NaN/Infinity, long strings, wrong array lengths, binary, deep nesting — and wholly
 * arbitrary values, sent by `send` and by `request`: each invalid one closes its sender with 4002
 * (no reconnection window), changes nothing in the state the others see, and the server keeps
 * serving. Also generated join options. Fixed seed (FUZZ_SEED) so CI runs the same cases;
 * FUZZ_RUNS raises the number of cases per message type for a longer run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

const AUDIO_SDP = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n";
const CANDIDATE = { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 45626 typ host", sdpMid: "0", sdpMLineIndex: 0 };

/** One valid payload per message type, the seed of the near-valid mutations. */
const VALID: Record<ClientMessage, unknown> = {
  pose: [1, 2, 3, 4, 5, 6],
  raiseHand: {},
  lowerHand: {},
  react: { kind: "heart" },
  stepAway: {},
  stepBack: {},
  needMoment: {},
  report: { target: "abc", reason: "unkind", events: [{ ago: 1, kind: "joined", who: "abc" }] },
  passPiece: { to: "abc" },
  checkIn: { phase: "before", value: 3 },
  time: { t0: 1 },
  openCircle: {},
  startPractice: { patternId: "box", cycles: 2 },
  stopPractice: {},
  setEnvironment: { environment: "forest" },
  mute: { target: "abc" },
  unmute: { target: "abc" },
  muteAll: {},
  remove: { target: "abc" },
  lock: {},
  unlock: {},
  givePiece: { to: "abc" },
  takePiece: {},
  callNext: {},
  promote: { target: "abc" },
  demote: { target: "abc" },
  endSession: {},
  markSeen: { id: "abc" },
  signal: { to: "abc", candidate: CANDIDATE },
  mic: { on: true },
  speaking: { on: true },
  voice: {},
  sfu: { pc: "publisher", description: { type: "offer", sdp: AUDIO_SDP } },
  setPieceMode: { on: true },
  chat: { text: "hello" },
  reportChat: { id: "abc", reason: "spam" },
  deleteChat: { id: "abc" },
  muteChat: { target: "abc" },
  unmuteChat: { target: "abc" },
  setChat: { on: true },
  shareCard: { id: "grounding" },
  closeCard: {},
  admit: { target: "abc" },
  decline: { target: "abc" },
  setAdmission: { on: false },
};

/** Values of every awkward kind. */
const leaf = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, -0, 2 ** 32, 2 ** 53, Number.MAX_VALUE, 0.5),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 1200 }),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 64 }),
);
const anyValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("node"), { maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 10 }), tie("node"), { maxKeys: 5 })),
})).node;

/** Nest a value `depth` arrays deep. */
const nest = (v: unknown, depth: number): unknown => (depth === 0 ? v : [nest(v, depth - 1)]);

/** A payload near a valid one: a field dropped, added or given a wrong value; wrapped; nested; or anything. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const isObject = valid !== null && typeof valid === "object" && !Array.isArray(valid);
  const keys = isObject ? Object.keys(valid as object) : [];
  const options: fc.Arbitrary<unknown>[] = [
    anyValue,
    fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), leaf).map(([k, v]) => (isObject ? { ...(valid as object), [`x${k}`]: v } : [valid, v])),
    fc.integer({ min: 2, max: 60 }).map((d) => nest(valid, d)),
    fc.constant([valid]),
  ];
  if (keys.length > 0) {
    options.push(
      fc.constantFrom(...keys).map((k) => {
        const copy = { ...(valid as Record<string, unknown>) };
        delete copy[k];
        return copy;
      }),
      fc.tuple(fc.constantFrom(...keys), anyValue).map(([k, v]) => ({ ...(valid as object), [k]: v })),
    );
  }
  if (Array.isArray(valid)) {
    options.push(
      fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 12 }),
      fc.tuple(fc.nat(valid.length - 1), leaf).map(([i, v]) => valid.map((w, j) => (i === j ? v : w))),
    );
  }
  return fc.oneof(...options);
}

let b: Booted;
let code = "";
let lead: Joined, observer: Joined;
const serverState = () => JSON.stringify(serverRoom(b, code).state.toJSON());

beforeAll(async () => {
  b = await bootApp();
  const c = await circle(b, 1);
  ({ lead } = c);
  observer = c.people[0]!;
  code = c.s.code;
});
afterAll(async () => { await b.stop(); });

/** Join, send `payload` the chosen way, and resolve with the close code. */
async function tryPayload(type: string, payload: unknown, by: "send" | "request"): Promise<number> {
  const sender = await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(code, "Fuzz"));
  sender.reconnection.enabled = false;
  const closed = new Promise<number>((resolve) => sender.onLeave((c: number) => resolve(c)));
  if (by === "send") (sender.send as (t: string, m?: unknown) => void).call(sender, type, payload);
  else void (sender.request as (t: string, m?: unknown) => Promise<unknown>).call(sender, type, payload).catch(() => {});
  const closeCode = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 2000))]);
  await until(() => !serverRoom(b, code).state.participants.has(sender.sessionId), 2000, "sender gone (no reconnection window)");
  return closeCode;
}

describe.each(Object.keys(payloads) as ClientMessage[])("%s with generated payloads", (type) => {
  it(`closes the sender with 4002 and changes nothing (${RUNS} cases, seed ${SEED})`, async () => {
    const schema = payloads[type];
    const before = serverState();
    await fc.assert(
      fc.asyncProperty(mutated(VALID[type]), async (payload) => {
        fc.pre(!schema.safeParse(payload).success);
        // Frames over the limit are closed by the transport with 1009 (tests/server/flood.test.ts).
        fc.pre(pack(payload).length < MAX_FRAME_BYTES - 200);
        // The same payload by send and by request, from two people at once.
        expect(await Promise.all([tryPayload(type, payload, "send"), tryPayload(type, payload, "request")])).toEqual([CloseCode.WITH_ERROR, CloseCode.WITH_ERROR]);
        expect(serverState()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

it("the others are still served, and see only the people who were there before", async () => {
  lead.send("pose", [7, 7, 7, 7, 7, 7]);
  await until(() => posesSeenBy(observer).poseOf(lead.sessionId)?.[0] === 7, 3000, "pose frame");
  // Pose frames go out at once; the last fuzz sender's leaving reaches the observer with the next state patch.
  const people = () => [...observer.state.participants.keys()].sort().join();
  const before = [lead.sessionId, observer.sessionId].sort().join();
  await until(() => people() === before, 3000, "only the people who were there before");
  expect(people()).toBe(before);
  expect(observer.connection.isOpen).toBe(true);
});

describe("generated join options", () => {
  const JOIN_CODES = new Set<number>(Object.values(JoinError));
  const optionValue = fc.oneof(leaf, anyValue);
  const options = fc.oneof(
    anyValue,
    fc.record(
      {
        // The real code, or shapes that are refused before any look-up (unknown canonical codes
        // would count against the per-address guess limit, which has its own tests).
        code: fc.oneof(fc.constant("REAL"), fc.constant("real-lower"), fc.string({ maxLength: 40 }), optionValue),
        pseudonym: fc.oneof(fc.constant("Calm Otter"), fc.string({ maxLength: 30 }), fc.string({ minLength: 25, maxLength: 300 }), optionValue),
        look: fc.oneof(fc.constant("sage"), fc.string({ maxLength: 8 }), optionValue),
        agreementVersion: fc.oneof(fc.constant(AGREEMENT_VERSION), fc.integer(), optionValue),
        extra: optionValue,
      },
      { requiredKeys: [] },
    ),
  );
  const real = (o: unknown) => {
    if (o === null || typeof o !== "object" || Array.isArray(o)) return o;
    const copy = { ...(o as Record<string, unknown>) };
    if (copy.code === "REAL") copy.code = code;
    if (copy.code === "real-lower") copy.code = code.toLowerCase();
    return copy;
  };

  it(`are refused with a documented join error unless valid (${RUNS * 10} cases, seed ${SEED})`, async () => {
    const before = serverState();
    await fc.assert(
      fc.asyncProperty(options.map(real), async (opts) => {
        fc.pre(opts === undefined || pack(opts).length < 3500);
        const valid = joinOptionsSchema.safeParse(opts).success && (opts as { code: string }).code === code;
        let refused: number | undefined;
        try {
          const room = await sdk(b).joinOrCreate(ROOM_NAME, opts as never);
          await room.leave();
        } catch (e) {
          refused = (e as { code?: number }).code;
          // The SDK itself could not send these options (e.g. null): nothing reached the server.
          fc.pre(typeof refused === "number");
        }
        if (!valid) {
          expect(refused).toBe(JoinError.INVALID_OPTIONS);
        } else if ((opts as { agreementVersion?: number }).agreementVersion !== AGREEMENT_VERSION) {
          expect(refused).toBe(JoinError.AGREEMENT_REQUIRED);
        } else {
          expect(refused === undefined || JOIN_CODES.has(refused)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS * 10, endOnFailure: true },
    );
    await until(() => serverState() === before, 2000, "everyone who joined has left");
    expect(observer.connection.isOpen).toBe(true);
  });
});
