/**
 * A bot process for the breath-clock benchmark. Each round, `clients` people join at random moments
 * within two seconds, each with its own local clock (off by up to ±2 s from the real one, LOCAL_CLOCK_ERROR_MS), and
 * sync to the server's clock the way their client does:
 *
 * - Breathing Room: as docs/PROTOCOL.md says, six `time` requests ~50 ms apart into core/clock's
 *   ServerClock (the lowest-RTT samples);
 * - networked-aframe: its socketio adapter's `updateTimeOffset`, eleven chained HTTP HEAD requests
 *   reading the `Date` header (1 s resolution), averaged — transcribed from the adapter.
 *
 * Then, at one instant, every client says what server time it is; the orchestrator compares them.
 */
import { Agent, request } from "node:http";
import { Client } from "@colyseus/sdk";
import { AGREEMENT_VERSION } from "../../core/care";
import { ServerClock } from "../../core/clock";
import { ROOM_NAME } from "../../core/protocol";
import { serveRequests } from "../lib/processes";

export interface ClockRound {
  system: "ours" | "naf";
  port: number;
  /** join code (ours) */
  code: string;
  clients: number;
  /** people join within this long of each other, ms */
  spreadMs: number;
}

export interface ClockRoundResult {
  /** each client's server time at the same real instant, ms */
  estimates: number[];
  /** round trip of the sample each client's estimate rests on, ms (ours) */
  rtts: number[];
  /** joins the server refused before one went through: "code message" */
  refused: string[];
}

const refused: string[] = [];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const realNow = () => performance.timeOrigin + performance.now();
const SYNC_SAMPLES = 6;
/** How far each person's device clock is from the real time, at most, ms (NTP-synced devices are within ~1 s; some are not). */
export const LOCAL_CLOCK_ERROR_MS = 2000;

async function oursClient(round: ClockRound, k: number, localOffset: number) {
  const local = () => realNow() + localOffset;
  const client = new Client(`ws://127.0.0.1:${round.port}`);
  const socketTrouble = watchSocket(client);
  const options = { code: round.code, pseudonym: `Clock ${k}`, look: "sky", agreementVersion: AGREEMENT_VERSION };
  // A refused join is tried again (as a person would) and reported with the reason.
  let room;
  for (let attempt = 1; !room; attempt++) {
    try {
      socketTrouble.length = 0;
      room = await client.joinOrCreate(ROOM_NAME, options);
    } catch (e) {
      refused.push(refusal(e, socketTrouble));
      if (attempt === 3) throw e;
      await sleep(300);
    }
  }
  const clock = new ServerClock();
  let replies = 0;
  room.onMessage("time", (m: { t0: number; t1: number }) => {
    clock.add({ t0: m.t0, t1: m.t1, t2: local() });
    replies++;
  });
  for (let i = 0; i < SYNC_SAMPLES; i++) {
    room.send("time", { t0: local() });
    await sleep(50);
  }
  const deadline = performance.now() + 5000;
  while (replies < SYNC_SAMPLES && performance.now() < deadline) await sleep(10);
  return { serverNowAt: (real: number, _date: number) => clock.serverNow(real + localOffset), rtt: clock.rtt, close: () => room.leave().catch(() => {}) };
}

/**
 * Why a join failed, in words. The matchmaking request's refusals carry the server's code and
 * message; a failure of the room's WebSocket reaches the SDK's join promise with neither (its error
 * event has no code or reason), so the socket's own events are recorded on the side (see watchSocket).
 */
function refusal(e: unknown, socket: string[]): string {
  const { code, message } = e as { code?: number; message?: string };
  if (code !== undefined || message) return `matchmaking: ${code ?? "no code"} ${message ?? ""}`.trim();
  return socket.length ? `room socket: ${socket.join(", ")}` : `unknown: ${String(e)}`;
}

/** What the room's WebSocket reports (error message, close code and reason) while joining; the list is this client's. */
function watchSocket(client: Client): string[] {
  const seen: string[] = [];
  type Events = { onerror?: (e: { message?: string; error?: { code?: string } }) => void; onclose?: (e: { code?: number; reason?: string }) => void };
  type WithConnect = { connect(...args: unknown[]): void; connection: { events: Events } };
  const c = client as unknown as { createRoom(name: string, schema?: unknown): WithConnect };
  const create = c.createRoom.bind(client);
  c.createRoom = (name, schema) => {
    const room = create(name, schema);
    const connect = room.connect.bind(room);
    room.connect = (...args) => {
      connect(...args);
      const events = room.connection.events;
      const onerror = events.onerror;
      const onclose = events.onclose;
      events.onerror = (e) => {
        seen.push(`error ${e.error?.code ?? ""} ${e.message ?? ""}`.replace(/\s+/g, " ").trim());
        onerror?.(e);
      };
      events.onclose = (e) => {
        seen.push(`closed ${e.code ?? "?"}${e.reason ? ` ${e.reason}` : ""}`);
        onclose?.(e);
      };
    };
    return room;
  };
  return seen;
}

/** networked-aframe's SocketioAdapter.updateTimeOffset, with this client's local Date.now(). */
async function nafClient(round: ClockRound, localOffset: number) {
  const dateNow = () => Date.now() + localOffset;
  const href = `http://127.0.0.1:${round.port}/`;
  // Each person is their own browser: their own keep-alive connection, not one shared pool.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let serverTimeRequests = 0;
  const timeOffsets: number[] = [];
  let avgTimeOffset = 0;
  // Its first call runs, then it calls itself until 10 requests have been made (then every 5 min).
  while (serverTimeRequests <= 10) {
    const clientSentTime = dateNow() + avgTimeOffset;
    // fetch(document.location.href, { method: "HEAD", cache: "no-cache" })
    const date = await headDate(href, agent);
    const precision = 1000;
    const serverReceivedTime = new Date(date).getTime() + precision / 2;
    const clientReceivedTime = dateNow();
    const serverTime = serverReceivedTime + (clientReceivedTime - clientSentTime) / 2;
    const timeOffset = serverTime - clientReceivedTime;
    serverTimeRequests++;
    if (serverTimeRequests <= 10) timeOffsets.push(timeOffset);
    else timeOffsets[serverTimeRequests % 10] = timeOffset;
    avgTimeOffset = timeOffsets.reduce((acc, offset) => acc + offset, 0) / timeOffsets.length;
  }
  agent.destroy();
  // getServerTime(): Date.now() + avgTimeOffset
  return { serverNowAt: (_real: number, date: number) => date + localOffset + avgTimeOffset, rtt: Number.NaN, close: async () => {} };
}

function headDate(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "HEAD", agent, headers: { "Cache-Control": "no-cache" } }, (res) => {
      res.resume();
      resolve(res.headers.date ?? "");
    });
    req.once("error", reject);
    req.end();
  });
}

async function round(r: ClockRound): Promise<ClockRoundResult> {
  const people = await Promise.all(
    Array.from({ length: r.clients }, async (_, k) => {
      await sleep(Math.random() * r.spreadMs);
      const offset = (Math.random() * 2 - 1) * LOCAL_CLOCK_ERROR_MS;
      return r.system === "ours" ? oursClient(r, k, offset) : nafClient(r, offset);
    }),
  );
  const at = realNow();
  const date = Date.now();
  const result = { estimates: people.map((p) => p.serverNowAt(at, date)), rtts: people.map((p) => p.rtt), refused: refused.splice(0) };
  await Promise.all(people.map((p) => p.close()));
  return result;
}

process.on("SIGTERM", () => process.exit(0));
serveRequests({ round }, { pid: process.pid });
