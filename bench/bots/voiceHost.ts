/**
 * A process of the voice bench's people (bench/voice.ts): holds a share of a circle's speakers as
 * VoiceBots, with its own talking microphones, and answers the bench over IPC (bench/lib/processes.ts)
 * with their links, their wire bytes and this process's CPU. A circle's people are spread over several
 * of these so that no one event loop (nor one libwebrtc network and worker thread) carries a whole
 * mesh: a mesh of 16 is 240 connections, and in one process its room connections dropped while
 * people were still arriving. Exits when the bench goes away.
 */
import "../../server/polyfills";
import { serveRequests } from "../lib/processes";
import { installNodeWebRtc, TalkingMics } from "./nodeWebRtc";
import { VoiceBot, type Wire } from "./VoiceBot";

installNodeWebRtc();

const bots: VoiceBot[] = [];
let mics: TalkingMics | null = null;

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

/** What `stats` answers: this process's CPU so far, then each of its people's wire, in joining order. */
export interface HostStats {
  cpu: number;
  wires: Wire[];
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
      return { cpu, wires: await Promise.all(bots.map((bot) => bot.wire())) };
    },
    cpu: (): number => cpuSeconds(),
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
