/**
 * Figure 4: how far apart two people's breathing pacers are — the difference between their
 * estimates of the server clock at the same instant — on loopback and with 200 ± 50 ms of delay
 * each way (a delay proxy on loopback). Breathing Room's clock (`time` + core/clock) beside
 * networked-aframe's (HTTP Date header). The naive Colyseus room has no shared clock.
 *
 *   npm run bench -- clockSkew
 */
import { join } from "node:path";
import type { ClockRound, ClockRoundResult } from "./bots/clockHost";
import { startDelayProxy } from "./lib/delayProxy";
import { rooms } from "./lib/measure";
import { BOT_CORE, startWorker } from "./lib/processes";
import { report, saveResult, sized } from "./lib/results";
import { fixed, percentiles, type Percentiles } from "./lib/stats";
import { startServer, systemsAvailable, SYSTEM_NAMES } from "./lib/systems";

const CLIENTS = sized({ full: 8, quick: 6, tiny: 2 });
const ROUNDS = sized({ full: 12, quick: 2, tiny: 1 });
const SPREAD_MS = sized({ full: 2000, quick: 2000, tiny: 200 });
const DELAY = { meanMs: 200, jitterMs: 50 };

export interface SkewRow {
  system: "ours" | "naf";
  path: "loopback" | "delayed";
  /** |difference| between two clients' server-time estimates, ms, over every pair in every round */
  skew: Percentiles;
  /** best round trip behind each estimate, ms (ours) */
  rtt: Percentiles;
  /** joins refused before one went through, with the server's reason */
  refusedJoins: string[];
}

export async function run(): Promise<SkewRow[]> {
  const { systems, missing } = systemsAvailable();
  const rows: SkewRow[] = [];
  for (const system of (["ours", "naf"] as const).filter((s) => systems.includes(s))) {
    const server = await startServer(system);
    const { worker: bots } = await startWorker({ script: join(import.meta.dirname, "bots", "clockHost.ts"), core: BOT_CORE });
    try {
      for (const path of ["loopback", "delayed"] as const) {
        const proxy = path === "delayed" ? await startDelayProxy(server.port, DELAY.meanMs, DELAY.jitterMs) : undefined;
        const pairs: number[] = [];
        const rtts: number[] = [];
        const refusedJoins: string[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const [code] = await rooms(server, 1);
          const r = await bots.request<ClockRoundResult>("round", { system, port: proxy?.port ?? server.port, code: code!, clients: CLIENTS, spreadMs: SPREAD_MS } satisfies ClockRound, 120_000);
          r.estimates.forEach((a, x) => r.estimates.slice(x + 1).forEach((b) => pairs.push(Math.abs(a - b))));
          rtts.push(...r.rtts.filter(Number.isFinite));
          refusedJoins.push(...r.refused);
        }
        await proxy?.close();
        rows.push({ system, path, skew: percentiles(pairs), rtt: percentiles(rtts), refusedJoins });
        console.log(line(rows.at(-1)!));
      }
    } finally {
      await bots.stop();
      await server.worker.stop();
    }
  }
  saveResult("clockSkew", { clients: CLIENTS, rounds: ROUNDS, delay: DELAY, rows, missing });
  report(
    "Group room",
    "Breath-clock skew between people",
    [
      `${CLIENTS} people per round join within 2 s of each other, each with its own local clock (off by up to ±2 s), and sync`,
      `to the server; then, at one instant, each says what server time it is. Skew is the difference between two people's answers`,
      `(every pair, ${ROUNDS} rounds): how far apart their breathing pacers are. "Delayed": every chunk in each direction held`,
      `${DELAY.meanMs} ± ${DELAY.jitterMs} ms (uniform) by a proxy on loopback, order kept. Breathing Room: six \`time\` requests ~50 ms apart,`,
      "core/clock's ServerClock (median offset of the three lowest-RTT samples). networked-aframe: its adapter's own",
      "`updateTimeOffset` (eleven HTTP HEAD requests, the `Date` header's whole seconds + 500 ms, averaged).",
      "",
      "| system | path | skew p50 / p95 / max (ms) | pairs | best RTT p50 (ms) |",
      "|---|---|---|---|---|",
      ...rows.map(line),
      "",
      "Targets: p95 ≤ 10 ms on loopback, ≤ 50 ms with the delay.",
      ...(rows.every((r) => r.refusedJoins.length === 0) ? ["Every join went through the first time, on both paths."] : []),
      ...rows.filter((r) => r.refusedJoins.length).map((r) =>
        `${SYSTEM_NAMES[r.system]}, ${r.path}: ${r.refusedJoins.length} join(s) refused and tried again (${[...new Set(r.refusedJoins)].join("; ")}).`),
      ...(missing.length ? ["", `Not measured in this run: ${missing.join("; ")}.`] : []),
    ].join("\n"),
    "clockSkew",
  );
  return rows;
}

function line(r: SkewRow): string {
  return `| ${SYSTEM_NAMES[r.system]} | ${r.path} | ${fixed(r.skew.p50, 2)} / ${fixed(r.skew.p95, 2)} / ${fixed(r.skew.max, 2)} | ${r.skew.n} | ${fixed(r.rtt.p50)} |`;
}
