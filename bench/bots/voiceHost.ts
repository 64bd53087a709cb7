/**
 * A process of the voice bench's people (bench/voice.ts): holds a share of a circle's speakers as
 * VoiceBots, with its own talking microphones, and answers the bench over IPC (bench/lib/processes.ts)
 * with their links, their wire bytes and this process's CPU. A circle's people are spread over several
 * of these so that no one event loop (nor one libwebrtc network and worker thread) carries a whole
 * mesh: a mesh of 16 is 240 connections, and in one process its room connections dropped while
 * people were still arriving. Exits when the bench goes away.
 */
import "../../server/polyfills";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { serveRequests } from "../lib/processes";
import { installNodeWebRtc, TalkingMics } from "./nodeWebRtc";
import { VoiceBot, type Wire } from "./VoiceBot";

installNodeWebRtc();

const bots: VoiceBot[] = [];
let mics: TalkingMics | null = null;
/** How late this process's event loop runs (a starved loop misses the room's pings and drops its sockets). */
const lag = monitorEventLoopDelay({ resolution: 20 });
lag.enable();

/** CPU seconds this process (every thread: libwebrtc's as well as JavaScript's) has used so far. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export interface JoinRequest {
  baseURL: string;
  code: string;
  name: string;
  hz: number;
}

/**
 * What `stats` answers: this process's CPU so far, each of its people's wire in joining order, and
 * when (ms on the wall clock, halfway through gathering them: a busy process takes a while).
 */
export interface HostStats {
  cpu: number;
  wires: Wire[];
  at: number;
  /** how long gathering them took, ms */
  took: number;
}

/** How late the event loop ran since the last ask, ms. */
export interface LoopDelay {
  p99: number;
  max: number;
}

serveRequests(
  {
    /** One more person joins (the bench seats a circle one after another, as people arrive). */
    async join(r: JoinRequest): Promise<{ sessionId: string }> {
      mics ??= new TalkingMics();
      const bot = await VoiceBot.join(r.baseURL, r.code, r.name, mics, r.hz);
      bots.push(bot);
      return { sessionId: bot.room.sessionId };
    },
    /** Voices and connections up, without statistics (polled while a circle links). */
    links: (): Wire[] => bots.map((bot) => bot.links()),
    async stats(): Promise<HostStats> {
      const cpu = cpuSeconds();
      const t0 = Date.now();
      const wires = await Promise.all(bots.map((bot) => bot.wire()));
      const t1 = Date.now();
      return { cpu, wires, at: (t0 + t1) / 2, took: t1 - t0 };
    },
    cpu: (): number => cpuSeconds(),
    lag: (): LoopDelay => {
      // The histogram's samples include the timer's own 20 ms.
      const out = { p99: Math.max(0, lag.percentile(99) / 1e6 - 20), max: Math.max(0, lag.max / 1e6 - 20) };
      lag.reset();
      return out;
    },
    /** Errors the room answered, "action code" → how many, over all of this process's people. */
    errors: (): [string, number][] => {
      const all = new Map<string, number>();
      for (const bot of bots) for (const [key, count] of bot.errors) all.set(key, (all.get(key) ?? 0) + count);
      return [...all];
    },
    async leave(): Promise<number> {
      const left = bots.splice(0);
      await Promise.all(left.map((bot) => Promise.race([bot.leave(), new Promise((r) => setTimeout(r, 5000))])));
      mics?.close();
      mics = null;
      return left.length;
    },
  },
  { pid: process.pid },
);
