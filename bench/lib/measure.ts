import { readFileSync } from "node:fs";
import type { BotWindow, JoinPlan, System } from "../bots/botHost";
import type { ServerWindow } from "../servers/probe";
import { SERVER_CORE, type Worker } from "./processes";
import { sized } from "./results";
import { startBots, type RunningServer } from "./systems";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pose rate every system is driven at: ours POSE_HZ, networked-aframe's default updateRate, the same for the naive room. */
export const SEND_HZ = 15;

/** Ask the server for `count` rooms to join (join codes for ours). */
export function rooms(server: RunningServer, count: number): Promise<string[]> {
  return server.worker.request<string[]>("sessions", { count });
}

/** A bot process with everyone joined and moving. */
export async function joinAndMove(server: RunningServer, circles: JoinPlan["circles"], motion: JoinPlan["motion"] = "restless", leadMs?: number): Promise<Worker> {
  const bots = await startBots();
  await bots.request("join", { system: server.system, port: server.port, circles, motion } satisfies JoinPlan, 300_000);
  await bots.request("move", { hz: SEND_HZ, leadMs });
  return bots;
}

/** Busy and total jiffies of each core, from /proc/stat. */
function coreTimes(): Array<{ busy: number; total: number }> {
  return readFileSync("/proc/stat", "utf8")
    .split("\n")
    .filter((l) => /^cpu\d+ /.test(l))
    .map((l) => {
      const v = l.trim().split(/\s+/).slice(1).map(Number);
      const total = v.reduce((a, b) => a + b, 0);
      return { busy: total - v[3]! - v[4]!, total };
    });
}

export interface Measured {
  server: ServerWindow;
  bots: BotWindow;
  /**
   * Busy % of the server's core that was not the server (other programs on this shared machine,
   * and the kernel's loopback work). Above ~15 % a figure is disturbed; benches measure again.
   */
  serverCoreOthersPercent: number;
}

/** One measuring window on the server and the bots at once. */
export async function measure(server: RunningServer, bots: Worker, seconds: number): Promise<Measured> {
  await Promise.all([server.worker.request("window.start"), bots.request("window.start")]);
  const before = coreTimes();
  await sleep(seconds * 1000);
  const after = coreTimes();
  const [s, b] = await Promise.all([server.worker.request<ServerWindow>("window.read"), bots.request<BotWindow>("window.read")]);
  const core = SERVER_CORE;
  const busy = (100 * (after[core]!.busy - before[core]!.busy)) / Math.max(1, after[core]!.total - before[core]!.total);
  return { server: s, bots: b, serverCoreOthersPercent: Math.max(0, busy - s.cpuPercent) };
}

/** Measure up to `tries` times while the server's core is disturbed by others; keep the calmest window. */
export async function measureCalm(server: RunningServer, bots: Worker, seconds: number, tries = sized({ full: 3, quick: 1, tiny: 1 })): Promise<Measured> {
  let best: Measured | undefined;
  for (let i = 0; i < tries; i++) {
    const m = await measure(server, bots, seconds);
    if (!best || m.serverCoreOthersPercent < best.serverCoreOthersPercent) best = m;
    if (m.serverCoreOthersPercent < DISTURBED_PERCENT) break;
  }
  return best!;
}

/** Others' share of the server core above which a window counts as disturbed. */
export const DISTURBED_PERCENT = 15;

export type { System };
