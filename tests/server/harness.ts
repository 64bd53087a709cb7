import "../../server/polyfills";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { callApi } from "../../scripts/api";
import { freePort } from "../../scripts/freePort";
import { randomUUID } from "node:crypto";
import { ColyseusTestServer } from "@colyseus/testing";
import { Client, type Room as ClientRoom } from "@colyseus/sdk";
import { AGREEMENT_VERSION } from "../../core/care";
import { POSE_FRAME_TYPE, POSE_WORDS, PoseFrameReader } from "../../core/pose";
import { ROOM_NAME, type JoinOptions } from "../../core/protocol";
import type { WebSocket } from "ws";
import { createApp, type App } from "../../server/app";
import type { CircleRoom } from "../../server/rooms/CircleRoom";
import { hashInvite } from "../../server/http/authRoutes";
import { newJoinCode } from "../../server/http/joinCodes";
import type { SessionRow } from "../../server/store/types";
import type { VoiceDeps } from "../../server/voice/voiceDeps";

export { AGREEMENT_VERSION, freePort };


export interface Booted {
  app: App;
  colyseus: ColyseusTestServer;
  dataDir: string;
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Boot the whole app on a random loopback port with a throwaway data directory. */
export async function bootApp(opts: { clientDir?: string; voice?: VoiceDeps; trustProxy?: string[] } = {}): Promise<Booted> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-test-"));
  const app = createApp({ dataDir, jwtSecret: "test-secret-" + randomUUID(), clientDir: opts.clientDir, voice: opts.voice, trustProxy: opts.trustProxy });
  const port = await freePort();
  await app.server.listen(port, "127.0.0.1");
  const colyseus = new ColyseusTestServer(app.server);
  return {
    app,
    colyseus,
    dataDir,
    port,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await colyseus.cleanup().catch(() => {});
      await app.server.gracefullyShutdown(false).catch(() => {});
      app.store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An API call to the booted app (`token` a facilitator's API token): its status and JSON body. */
export function apiCall(b: Booted) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests check response bodies field by field
  return async (method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> =>
    callApi(b.url, method, url, { token, body });
}

/**
 * A facilitator row, straight through the store (HTTP has its own tests), with a room token for
 * joining circles (`token`, as the SDK's auth token) and an API token (`apiToken`, for /api).
 */
export async function facilitator(b: Booted, email = `f-${randomUUID()}@example.org`) {
  const id = randomUUID();
  b.app.store.facilitators.create({ id, email, passwordHash: "x", isAdmin: false, createdAt: Date.now() });
  const token = await b.app.tokens.issueRoom({ sub: id, admin: false });
  const apiToken = await b.app.tokens.issue({ sub: id, admin: false });
  return { id, email, token, apiToken };
}

/**
 * A stored session. Admission is off unless `overrides.admission` is true, so tests about other
 * things seat people at once (tests/server/admission.test.ts covers the waiting area; real
 * sessions start with it on).
 */
export function session(b: Booted, facilitatorId: string, overrides: Partial<SessionRow> = {}): SessionRow {
  const row: SessionRow = {
    id: randomUUID(),
    facilitatorId,
    code: newJoinCode(),
    title: "Evening circle",
    environment: "shore",
    capacity: 12,
    scheduledAt: null,
    status: "scheduled",
    createdAt: Date.now(),
    endedAt: null,
    ...overrides,
    admission: overrides.admission === true,
  };
  b.app.store.sessions.create(row);
  return row;
}

export const invite = hashInvite;

/** A fresh SDK client (its own auth token, if given). */
export function sdk(b: Booted, token?: string): Client {
  const c = new Client(`ws://127.0.0.1:${b.port}`);
  if (token) c.auth.token = token;
  return c;
}

/** A joined circle, typed from the server's room class (as the real client does). */
export type Joined = ClientRoom<CircleRoom>;

/** Send any payload, bypassing the typed API (to test what the server does with it). */
export function sendRaw(room: Joined, type: string, payload?: unknown): void {
  (room.send as (t: string, m?: unknown) => void).call(room, type, payload);
}

/** Cut a client's socket from the server side, as a network drop would (no close handshake). */
export function dropConnection(b: Booted, code: string, sessionId: string): void {
  const client = serverRoom(b, code).clients.getById(sessionId);
  (client?.ref as unknown as WebSocket | undefined)?.terminate();
}

export function joinOptions(code: string, pseudonym: string, extra: Partial<JoinOptions> = {}): JoinOptions {
  return { code, pseudonym, look: "sage", agreementVersion: AGREEMENT_VERSION, ...extra };
}

/** Join a circle and wait for the first full state. Its pose frames are followed from the start (see `posesSeenBy`). */
export async function join(b: Booted, code: string, pseudonym: string, opts: { token?: string; extra?: Partial<JoinOptions> } = {}): Promise<Joined> {
  const room = await sdk(b, opts.token).joinOrCreate<CircleRoom>(ROOM_NAME, joinOptions(code, pseudonym, opts.extra));
  followed.set(room, followPoses(room));
  await room.waitForInitialState();
  return room;
}

const followed = new WeakMap<Joined, ReturnType<typeof followPoses>>();

/** The pose frames a client joined with `join` has read. */
export function posesSeenBy(room: Joined): ReturnType<typeof followPoses> {
  const poses = followed.get(room);
  if (!poses) throw new Error("not joined with join(): follow its poses with followPoses() right after joining");
  return poses;
}

/** Resolve when `predicate` holds, checking every 10 ms, or reject after `ms`. */
export async function until(predicate: () => boolean, ms = 3000, what = "condition"): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Join error code of a rejected join. */
export async function joinError(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    const room = (await promise) as Joined;
    await room.leave().catch(() => {});
    return undefined;
  } catch (e) {
    return (e as { code?: number }).code;
  }
}

/**
 * Give one person full rate buckets again, so a test that tries many actions in a row checks
 * each action's rule rather than the rate (tests/server/rates.test.ts checks the rate itself).
 */
export function freshRates(b: Booted, code: string, sessionId: string): void {
  (serverRoom(b, code) as unknown as { rates: { forget(id: string): void } }).rates.forget(sessionId);
}

/** The server-side room of a code. */
export function serverRoom(b: Booted, code: string) {
  const room = b.app.live.get(code);
  if (!room) throw new Error(`no live room for ${code}`);
  return room;
}

/**
 * Pose frames as a client reads them (core/pose PoseFrameReader): `poseOf(sessionId)` is the last
 * six words seen of that person (found by their seat), undefined before any.
 */
export function followPoses(room: Joined) {
  const reader = new PoseFrameReader();
  const seen = { frames: 0 };
  (room.onMessage as (type: number, cb: (bytes: Uint8Array) => void) => void).call(room, POSE_FRAME_TYPE, (bytes) => {
    seen.frames++;
    reader.read(bytes, { pose: () => undefined });
  });
  return {
    get frames() {
      return seen.frames;
    },
    poseOf(sessionId: string): number[] | undefined {
      const seat = room.state.participants?.get(sessionId)?.seat;
      if (seat === undefined || !reader.has(seat)) return undefined;
      return Array.from(reader.words.subarray(seat * POSE_WORDS, (seat + 1) * POSE_WORDS));
    },
  };
}

/** A person's pose words as the server holds them (undefined if not seated). */
export function serverPose(b: Booted, code: string, sessionId: string): number[] | undefined {
  return serverRoom(b, code).poses.wordsOf(sessionId);
}

/** A facilitator, their session, the facilitator joined (circle opened) and `n` participants. */
export async function circle(b: Booted, n: number, opts: { open?: boolean } = {}) {
  const f = await facilitator(b);
  const s = session(b, f.id);
  const lead = await join(b, s.code, "Facilitator", { token: f.token });
  if (opts.open !== false) {
    lead.send("openCircle");
    await until(() => lead.state.session.status === "open", 3000, "circle open");
  }
  const people: Joined[] = [];
  for (let i = 0; i < n; i++) people.push(await join(b, s.code, `Person ${i + 1}`));
  await until(() => people.every((p) => p.state.participants.size === n + 1), 3000, "everyone seated");
  return { f, s, lead, people };
}
