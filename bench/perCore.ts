/**
 * Figure 3 for Breathing Room alone, several times over: how many active pose clients one server core
 * holds, and how much that moves from one run to the next on this shared machine. Each run is the
 * scale curve of bench/scale.ts (circles of 16, everyone moving, the same limits), climbed 8 circles
 * at a time but measured only from 640 clients on; between runs everything is
 * stopped and started again. The load average is noted beside each run.
 *
 *   npm run bench -- perCore            (BENCH_RUNS=<n> for another number of runs)
 */
import { loadavg } from "node:os";
import { coreSpeedMs } from "./lib/coreSpeed";
import { SERVER_CORE } from "./lib/processes";
import { report, saveResult, sized } from "./lib/results";
import { fixed, percentiles } from "./lib/stats";
import { curve, LIMITS, type CurvePlan, type ScaleCurve } from "./scale";

const CIRCLE = 16;
const RUNS = Number(process.env.BENCH_RUNS) || sized({ full: 3, quick: 1, tiny: 1 });
const PLAN: CurvePlan = sized({
  full: { step: 8, measureFrom: 40, maxCircles: 160, warmup: 3, seconds: 6, pastKnee: 1 },
  quick: { step: 16, measureFrom: 48, maxCircles: 96, warmup: 1, seconds: 2, pastKnee: 0 },
  tiny: { step: 1, measureFrom: 1, maxCircles: 1, warmup: 0.5, seconds: 1, pastKnee: 0 },
});

export interface PerCoreRun extends ScaleCurve {
  /** load average (1, 5, 15 min) before and after the run */
  load: { start: number[]; end: number[] };
  /** the server core's speed before and after the run: ms for a fixed piece of work (lib/coreSpeed) */
  coreMs: { start: number; end: number };
}

/** A run's knee in words: at least the top of the plan, the clients held, or below the first calm step over the limits. */
function kneeText(r: ScaleCurve): string {
  if (r.knee === PLAN.maxCircles * CIRCLE) return `≥ ${r.knee}`;
  if (r.knee > 0) return String(r.knee);
  const over = r.steps.find((s) => !s.disturbed && !s.ok);
  return over ? `< ${over.clients}` : "—";
}

export async function run(): Promise<PerCoreRun[]> {
  const runs: PerCoreRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = loadavg();
    const speed = coreSpeedMs(SERVER_CORE);
    const c = await curve("ours", PLAN);
    const r: PerCoreRun = { ...c, load: { start, end: loadavg() }, coreMs: { start: speed, end: coreSpeedMs(SERVER_CORE) } };
    runs.push(r);
    console.log(`run ${i + 1}: knee ${c.knee} clients (load ${fixed(start[0]!)} → ${fixed(r.load.end[0]!)}, core ${fixed(r.coreMs.start, 0)} → ${fixed(r.coreMs.end, 0)} ms)`);
  }
  saveResult("perCore", { circle: CIRCLE, limits: LIMITS, plan: PLAN, runs });
  const knees = percentiles(runs.map((r) => r.knee));
  const row = (r: PerCoreRun, i: number) => {
    const at = r.steps.find((s) => s.clients === r.knee);
    const over = r.steps.find((s) => s.clients > r.knee && !s.disturbed && !s.ok);
    const others = r.steps.map((s) => s.serverCoreOthersPercent);
    const step = (s: typeof at) =>
      s ? `${fixed(s.server.cpuPercent, 0)}% / ${fixed(s.server.loopDelay.p99)} / ${fixed(s.server.patch?.p99 ?? NaN, 2)} / ${fixed(s.bots.messagesPerSecond)} / ${fixed(s.bots.cpuPercent, 0)}%` : "—";
    const top = r.knee === PLAN.maxCircles * CIRCLE;
    return `| ${i + 1} | **${kneeText(r)}**${top ? " (the run's top)" : ""} | ${step(at)} | ${over ? `${over.clients}: ${step(over)}` : "—"} | ${fixed(Math.min(...others), 0)}–${fixed(Math.max(...others), 0)}% | ${fixed(r.load.start[0]!)} → ${fixed(r.load.end[0]!)} | ${fixed(r.coreMs.start, 0)} → ${fixed(r.coreMs.end, 0)} |`;
  };
  report(
    "Group room",
    "People per server core: Breathing Room alone, run after run",
    [
      `The curve of "People per server core" for Breathing Room alone, ${RUNS} times, everything started afresh for each run: circles of ${CIRCLE}`,
      `added ${PLAN.step} at a time, measured from ${PLAN.measureFrom! * CIRCLE} clients on (${PLAN.warmup} s, then ${PLAN.seconds} s; a window in which others took more`,
      `than 15% of the server's core measured again), the same limits (patch or pose-frame p99 < ${LIMITS.patchP99Ms} ms, event-loop delay p99 < ${LIMITS.loopP99Ms} ms,`,
      "≥ 90% of the pose frames received). Each cell: server CPU / loop delay p99 ms / patch p99 ms / frames received per client per s / bots' CPU (their own core).",
      "\"Core speed\": the time a fixed piece of JavaScript took on the server's core just before and after the run (bench/lib/coreSpeed.ts,",
      "median of five): this virtual machine's cores are shared with others, and the same work can take twice as long from one hour to the next.",
      "",
      `**Knee, run by run: ${runs.map(kneeText).join(", ")} clients${knees.n > 1 ? ` (median ${fixed(knees.p50, 0)})` : ""}.**` +
        (knees.max === PLAN.maxCircles * CIRCLE ? ` ${PLAN.maxCircles * CIRCLE} is the most a run adds (its bots' core is nearly full by then): a run that reached it held at least that.` : ""),
      "",
      "| run | knee (clients) | at the knee | first step over | others on its core | load average (1 min) | core speed (ms) |",
      "|---|---|---|---|---|---|---|",
      ...runs.map(row),
    ].join("\n"),
    "perCore",
  );
  return runs;
}
