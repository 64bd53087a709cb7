import "../server/polyfills";
import { randomUUID } from "node:crypto";
import { Client, type Room as ClientRoom } from "@colyseus/sdk";
import { AGREEMENT_VERSION } from "../core/care";
import { ROOM_NAME, type JoinOptions } from "../core/protocol";
import { freePort } from "./freePort";
import { missing, startPostgres, startRedis, type Service } from "./services";
import { startServerProcess, type ServerProcess } from "./serverProcess";
import { TokenService } from "../server/auth/tokens";
import { newJoinCode } from "../server/http/joinCodes";
import type { CircleRoom } from "../server/rooms/CircleRoom";
import { openPgStore } from "../server/store/PgStore";
import type { SessionRow, Store } from "../server/store/types";

/**
 * Real processes (`npm start`) on one Redis and one Postgres, all on loopback, for the scale-out
 * tests and benchmarks. Everything started here is stopped by its PID in `stop()`.
 */
export type Joined = ClientRoom<CircleRoom>;

/** Why these tests cannot run here (a binary is missing); CI installs both, so there it fails instead. */
export const servicesMissing = process.env.CI ? undefined : (missing("redis") ?? missing("postgres"));

export interface Cluster {
  redis: Service;
  pg: Service;
  store: Store;
  secret: string;
  tokens: TokenService;
  procs: ServerProcess[];
  /** start one more process on the shared Redis and Postgres (same port again for a restart) */
  start(opts?: { port?: number; env?: Record<string, string> }): Promise<ServerProcess>;
  stop(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
  const store = openPgStore(pg.url);
  const secret = "test-secret-" + randomUUID();
  const procs: ServerProcess[] = [];
  return {
    redis, pg, store, secret, tokens: new TokenService(secret), procs,
    async start(opts = {}) {
      const port = opts.port ?? (await freePort());
      const p = await startServerProcess({
        port,
        env: { REDIS_URL: redis.url, DATABASE_URL: pg.url, PUBLIC_ADDRESS: `127.0.0.1:${port}`, JWT_SECRET: secret, ...opts.env },
      });
      procs.push(p);
      return p;
    },
    async stop() {
      await Promise.all(procs.map((p) => p.stop()));
      store.close();
      await Promise.all([redis.stop(), pg.stop()]);
    },
  };
}

/** A facilitator (a room token `token` and an API token `apiToken`) and a scheduled session, straight into the shared database. */
export async function facilitatorSession(c: Cluster, over: Partial<SessionRow> = {}) {
  const id = randomUUID();
  c.store.facilitators.create({ id, email: `${id}@example.org`, passwordHash: "x", isAdmin: false, createdAt: Date.now() });
  const token = await c.tokens.issueRoom({ sub: id, admin: false });
  const apiToken = await c.tokens.issue({ sub: id, admin: false });
  const s: SessionRow = {
    id: randomUUID(), facilitatorId: id, code: newJoinCode(), title: "Evening circle", environment: "shore", capacity: 12,
    scheduledAt: null, status: "scheduled", createdAt: Date.now(), endedAt: null, ...over,
  };
  c.store.sessions.create(s);
  return { id, token, apiToken, s };
}

export function joinOptions(code: string, pseudonym: string, extra: Partial<JoinOptions> = {}): JoinOptions {
  return { code, pseudonym, look: "sage", agreementVersion: AGREEMENT_VERSION, ...extra };
}

/**
 * How long setup steps (a join, its first state, a patch) may take on a loaded machine, ms. Not a
 * promise to anyone: CI runs every test project at once on 2 cores. What a person would notice
 * (back within 10 s after a kill) is asserted on its own.
 */
export const SETUP_MS = 20_000;

/**
 * Join a circle through the process at `p` (it may live on another) and wait for its first state.
 * The facilitator (or anyone while admission is off) is seated in it; with admission on, a
 * newcomer waits at the door until a facilitator admits them (see `admit`).
 */
export async function joinThrough(p: ServerProcess, code: string, pseudonym: string, token?: string, extra: Partial<JoinOptions> = {}): Promise<Joined> {
  const client = new Client<never>(p.ws);
  if (token) client.auth.token = token;
  const room = await client.joinOrCreate<CircleRoom>(ROOM_NAME, joinOptions(code, pseudonym, extra));
  room.onMessage("*", () => {});
  // The first full state arrives just after the join (the session is in it, seated or not).
  await until(() => Boolean(room.state?.session?.status), SETUP_MS, `${pseudonym}'s first state`);
  return room;
}

/** A facilitator lets a newcomer in from the waiting area; resolves once the newcomer sees their own seat. */
export async function admit(lead: Joined, newcomer: Joined): Promise<void> {
  await until(() => Boolean(lead.state.knocking?.get(newcomer.sessionId)), SETUP_MS, "the newcomer knocking");
  lead.send("admit", { target: newcomer.sessionId });
  await until(() => Boolean(newcomer.state?.participants?.get(newcomer.sessionId)), SETUP_MS, "the newcomer seated");
}

export async function until(predicate: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The close code a room's connection ends with. */
export function closeCode(room: Joined): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

/**
 * A person in a circle kept there by the client's own stayInCircle: when their circle moves they
 * rejoin with their seat token through `via()` (a live process, as a reverse proxy would pick).
 */
export interface Member {
  name: string;
  room: Joined;
  /** Date.now() when they were last back in after a move (0 = never moved) */
  backAt: number;
  moves: number;
  /** times the client showed "moving you to another room…" */
  movingShown: number;
  closed: number | null;
  /** messages of `type` received since joining (any room) */
  got: Record<string, unknown[]>;
}

export async function member(
  first: ServerProcess,
  via: () => ServerProcess,
  code: string,
  name: string,
  token?: string,
  extra: Partial<JoinOptions> = {},
): Promise<Member> {
  const { stayInCircle } = await import("../client/room/stayInCircle");
  const client = new Client<never>(first.ws);
  if (token) client.auth.token = token;
  const room = await client.joinOrCreate<CircleRoom>(ROOM_NAME, joinOptions(code, name, extra));
  const m: Member = { name, room, backAt: 0, moves: 0, movingShown: 0, closed: null, got: {} };
  const listen = (r: Joined) => {
    for (const type of ["error", "checkedIn", "seat"] as const) {
      r.onMessage(type, (payload: unknown) => void (m.got[type] ??= []).push(payload));
    }
  };
  listen(room);
  stayInCircle(room, {
    rejoin: async (seatToken) => {
      const client = new Client<never>(via().ws);
      if (token) client.auth.token = token;
      return client.joinOrCreate<CircleRoom>(ROOM_NAME, joinOptions(code, name, { ...extra, seatToken })).catch((e: unknown) => {
        (m.got.rejoinErrors ??= []).push(`${(e as { code?: number }).code} ${(e as Error).message}`);
        throw e;
      });
    },
    onRoom: (r) => {
      m.room = r;
      m.moves++;
      listen(r);
    },
    onMoving: () => void m.movingShown++,
    onDrop: () => {},
    onBack: () => {
      if (m.moves > 0) m.backAt = Date.now();
    },
    onClosed: (code) => void (m.closed = code),
  });
  await until(() => Boolean(room.state?.participants?.get(room.sessionId)), SETUP_MS, `${name}'s first state`);
  // The seat token comes right after the join.
  await until(() => (m.got.seat?.length ?? 0) > 0, SETUP_MS, `${name}'s seat token`);
  return m;
}

/** What a person sees of their circle, by pseudonym (sessionIds change when a circle moves). */
export function seen(room: Joined) {
  const s = room.state;
  const name = (sid: string) => s.participants.get(sid)?.pseudonym ?? "?";
  const people: Record<string, { seat: number; role: string; muted: boolean }> = {};
  s.participants.forEach((p) => void (people[p.pseudonym] = { seat: p.seat, role: p.role, muted: p.muted }));
  return {
    people,
    status: s.session.status,
    locked: s.session.locked,
    piece: s.pieceHolder ? name(s.pieceHolder) : "",
    hands: [...s.handQueue].map(name),
    practice: { patternId: s.practice.patternId, cycles: s.practice.cycles, startedAt: s.practice.startedAt, running: s.practice.running },
  };
}

/** The process whose address the circle's listing in Redis names (where Colyseus put the circle). */
export async function homeProcess(c: Cluster, code: string, procs: ServerProcess[]): Promise<ServerProcess> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(c.redis.url);
  try {
    const listings = Object.values(await redis.hgetall("roomcaches")).map((v) => JSON.parse(v) as { publicAddress?: string; metadata?: { code?: string } });
    const addr = listings.find((l) => l.metadata?.code === code)?.publicAddress;
    const home = procs.find((p) => `127.0.0.1:${p.port}` === addr);
    if (!home) throw new Error(`no listing for ${code}`);
    return home;
  } finally {
    redis.disconnect();
  }
}

/**
 * A session whose circle Colyseus placed on one of `procs` (its facilitator in it as a `member`, the
 * circle open, admission off). `other` is the process it is not on, through which everyone else comes
 * in and comes back after a move (`via`), as a reverse proxy sends people to a live process.
 */
export async function placeCircle(c: Cluster, [a, b]: [ServerProcess, ServerProcess]) {
  const { token, apiToken, s } = await facilitatorSession(c, { admission: false });
  let other = b;
  const via = () => other;
  const lead = await member(a, via, s.code, "Facilitator", token);
  // Colyseus put the circle on one of the two; the people come in through the other.
  const home = await homeProcess(c, s.code, [a, b]);
  other = home === a ? b : a;
  lead.room.send("openCircle");
  await until(() => lead.room.state.session.status === "open", SETUP_MS, "circle open");
  return { token, apiToken, s, lead, home, other, via };
}

/** End a session over HTTP through `p` (the HTTP call reaches its circle on any process); the answer's status. */
export async function endSession(p: ServerProcess, sessionId: string, apiToken: string): Promise<number> {
  const res = await fetch(`${p.url}/api/sessions/${sessionId}/end`, { method: "POST", headers: { authorization: `Bearer ${apiToken}` } });
  await res.body?.cancel();
  return res.status;
}

/** Whether a started process is still running. */
export function isRunning(p: ServerProcess): boolean {
  try {
    process.kill(p.pid, 0);
    return true;
  } catch {
    return false;
  }
}
