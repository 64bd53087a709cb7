/**
 * A bot process: holds many bench clients of one system, moves them at a pose rate, counts what
 * they send and receive, and collects latency from its observers. Driven by the orchestrator over
 * IPC (see bench/lib/processes.ts), pinned to the bots' core.
 */
import { AGREEMENT_VERSION } from "../../core/care";
import { LOOKS, ROOM_NAME } from "../../core/protocol";
import { seatedPose, type Motion } from "../helpers/poseRig";
import { serveRequests } from "../lib/processes";
import { mean, percentiles, type Percentiles } from "../lib/stats";
import type { BenchClient } from "./BenchClient";
import { ColyseusBot } from "./ColyseusBot";
import { latencySamples } from "./latency";
import { NafBot } from "./NafBot";
import { SdkObserver } from "./SdkObserver";

/** The systems under test: ours, the naive Colyseus baseline, networked-aframe. */
export type System = "ours" | "naive" | "naf";

export interface JoinPlan {
  system: System;
  port: number;
  /** room to join for each circle: join code (ours), any name (naive, naf) */
  circles: Array<{ code: string; size: number; observe: boolean }>;
  motion: Motion;
  /** joins in flight at once @default 8 */
  concurrency?: number;
}

export interface BotWindow {
  seconds: number;
  clients: number;
  /** per counted client (observers excluded), bytes/s */
  down: { mean: number; min: number; max: number };
  up: { mean: number; min: number; max: number };
  /** per client per second */
  sendsPerSecond: number;
  messagesPerSecond: number;
  /** all observed circles together */
  latency: Percentiles;
  /** by circle, in the order of the join plans (observed circles only) */
  latencyByCircle: Record<number, Percentiles>;
  /** clients the server closed during the window, by close code */
  closed: Record<string, number>;
  /** CPU of this bot process over the window, % of one core */
  cpuPercent: number;
}

interface Seat {
  client: BenchClient;
  /** which circle (counting every join plan's circles in order) */
  circle: number;
  /** motion phase: index of this person in the whole run */
  index: number;
  observer: boolean;
  /** next pose send, performance.now() ms */
  due: number;
  /** the patch the current `due` was timed from (aligned sending) */
  alignedTo: number;
}

const seats: Seat[] = [];
/** join plan of each circle so far, to join it again (the flood's attacker comes back) */
const circlesJoined: Array<{ plan: JoinPlan; code: string }> = [];
let motion: Motion = "restless";
let timer: NodeJS.Timeout | undefined;
let windowStart = performance.now();
let cpuStart = process.cpuUsage();
const pose = new Float64Array(21);
const start = performance.now();

async function joinOne(plan: JoinPlan, code: string, k: number, observer: number): Promise<BenchClient> {
  const options = plan.system === "ours"
    ? { code, pseudonym: `Bot ${k}`, look: LOOKS[k % LOOKS.length], agreementVersion: AGREEMENT_VERSION }
    : { code };
  const room = plan.system === "ours" ? ROOM_NAME : "naive";
  const encoding = plan.system === "ours" ? "packed" : "float32";
  if (plan.system === "naf") return NafBot.join(plan.port, code, observer);
  return observer >= 0 ? SdkObserver.join(plan.port, room, options, encoding, observer) : ColyseusBot.join(plan.port, room, options, encoding);
}

async function join(plan: JoinPlan): Promise<{ joined: number }> {
  motion = plan.motion;
  const jobs: Array<() => Promise<void>> = [];
  for (const circle of plan.circles) {
    const c = circlesJoined.push({ plan, code: circle.code }) - 1;
    for (let k = 0; k < circle.size; k++) {
      const observer = circle.observe && k === 0;
      const index = seats.length + jobs.length;
      jobs.push(async () => {
        const client = await joinOne(plan, circle.code, index, observer ? c : -1);
        seats.push({ client, circle: c, index, observer, due: 0, alignedTo: 0 });
      });
    }
  }
  // networked-aframe's server stalls for seconds under bursts of simultaneous socket.io handshakes
  // on this machine; its people arrive one at a time.
  const concurrency = plan.system === "naf" ? 1 : (plan.concurrency ?? 8);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  return { joined: seats.length };
}

/**
 * Move everyone at `hz`, each on its own phase (people do not sample in step). With `leadMs`, raw
 * Colyseus bots instead time each send `leadMs` before the next patch is due (from when the last
 * one arrived): what a client could do to have its pose patched within a few ms.
 */
function move({ hz, leadMs }: { hz: number; leadMs?: number }): boolean {
  const period = 1000 / hz;
  const now = performance.now();
  seats.forEach((s, i) => (s.due = now + ((i * 0.618034) % 1) * period));
  clearInterval(timer);
  timer = setInterval(() => {
    const t = performance.now();
    const tSec = (t - start) / 1000;
    for (const s of seats) {
      if (leadMs !== undefined && s.client instanceof ColyseusBot && s.client.lastPatchAt > s.alignedTo) {
        s.alignedTo = s.client.lastPatchAt;
        s.due = s.alignedTo + period - leadMs;
      }
      if (t < s.due) continue;
      s.due += period;
      if (s.due < t) s.due = t + period; // fell behind: skip, do not burst
      seatedPose(s.index, tSec, motion, pose);
      s.client.sendPose(pose, performance.now());
    }
  }, 4);
  return true;
}

function windowStartNow(): boolean {
  for (const s of seats) s.client.bytesDown = s.client.bytesUp = s.client.msgsDown = s.client.sends = 0;
  latencySamples.clear();
  windowStart = performance.now();
  cpuStart = process.cpuUsage();
  return true;
}

function windowRead(): BotWindow {
  const seconds = (performance.now() - windowStart) / 1000;
  const counted = seats.filter((s) => !s.observer).map((s) => s.client);
  const down = counted.map((c) => c.bytesDown / seconds);
  const up = counted.map((c) => c.bytesUp / seconds);
  const closed: Record<string, number> = {};
  for (const s of seats) if (s.client.closeCode !== undefined) closed[s.client.closeCode] = (closed[s.client.closeCode] ?? 0) + 1;
  const cpu = process.cpuUsage(cpuStart);
  return {
    seconds,
    clients: seats.length,
    down: { mean: mean(down), min: Math.min(...down), max: Math.max(...down) },
    up: { mean: mean(up), min: Math.min(...up), max: Math.max(...up) },
    sendsPerSecond: mean(counted.map((c) => c.sends)) / seconds,
    messagesPerSecond: mean(counted.map((c) => c.msgsDown)) / seconds,
    latency: percentiles([...latencySamples.values()].flat()),
    latencyByCircle: Object.fromEntries([...latencySamples].map(([c, v]) => [c, percentiles(v)])),
    closed,
    cpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
  };
}

/**
 * One person in `circle` floods `pose` messages at `rate` a second; when the server cuts them off,
 * they join again and go on, for `seconds` in all. Answers each burst: messages sent, close code,
 * and how long the server took to cut it off.
 */
async function flood({ circle, rate, seconds }: { circle: number; rate: number; seconds: number }) {
  const at = seats.findIndex((s) => s.circle === circle && !s.observer);
  const first = seats[at];
  if (!first || !(first.client instanceof ColyseusBot)) throw new Error("flood needs a raw Colyseus bot");
  seats.splice(at, 1); // the attacker no longer moves like a person
  const { plan, code } = circlesJoined[circle]!;
  const words = [1, 2, 3, 4, 5, 6];
  const end = performance.now() + seconds * 1000;
  const bursts: Array<{ sent: number; closeCode: number | undefined; cutOffAfterMs: number | null }> = [];
  let bot: ColyseusBot | undefined = first.client;
  while (bot && performance.now() < end) {
    const b: ColyseusBot = bot;
    const t0 = performance.now();
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        if (b.closeCode !== undefined || now > end) {
          clearInterval(tick);
          return resolve();
        }
        const due = Math.floor(((now - t0) / 1000) * rate);
        for (; sent < due; sent++) b.sendMessage(words);
      }, 1);
    });
    bursts.push({ sent, closeCode: b.closeCode, cutOffAfterMs: b.closeCode === undefined ? null : performance.now() - t0 });
    b.close();
    bot = performance.now() < end ? ((await joinOne(plan, code, 100_000 + bursts.length, -1).catch(() => undefined)) as ColyseusBot | undefined) : undefined;
  }
  return { bursts, rejoinRefused: bot === undefined && performance.now() < end };
}

function leave(): number {
  clearInterval(timer);
  const n = seats.length;
  for (const s of seats) s.client.close();
  seats.length = 0;
  return n;
}

process.on("SIGTERM", () => {
  leave();
  process.exit(0);
});

serveRequests(
  {
    join,
    move,
    "window.start": windowStartNow,
    "window.read": windowRead,
    flood,
    leave,
  },
  { pid: process.pid },
);
