/**
 * Figure 3: how many people, all moving, one server core holds in circles of 16. Circles are added
 * a few at a time; after each step the server's CPU, event-loop delay and patch time are measured.
 * The knee is the last step with patch time p99 < 10 ms and event-loop delay p99 < 20 ms (for
 * networked-aframe, which has no patches, the event-loop limit alone) while every client still gets
 * its poses at the rate they are sent.
 *
 *   npm run bench -- scale
 */
import type { BotWindow } from "./bots/botHost";
import { DISTURBED_PERCENT, measureCalm, rooms, sleep, SEND_HZ, type Measured, type System } from "./lib/measure";
import type { Worker } from "./lib/processes";
import { report, saveResult, sized, plotPath } from "./lib/results";
import { fixed } from "./lib/stats";
import { startBots, startServer, systemsAvailable, SYSTEM_NAMES } from "./lib/systems";
import { writeChart } from "./lib/svg";
import type { ServerWindow } from "./servers/probe";

const CIRCLE = 16;
export const LIMITS = { patchP99Ms: 10, loopP99Ms: 20 };

/**
 * Circles added per step and at most, by system. networked-aframe relays every update to everyone
 * else in the circle (15 × 15 messages a second per person at 16), so a circle of it costs its server
 * many times what one of ours does: it is added one circle at a time.
 */
const PLAN = sized({
  full: { systems: ["ours", "naive", "naf"] as System[], step: { ours: 8, naive: 8, naf: 1 }, maxCircles: { ours: 160, naive: 160, naf: 24 }, warmup: 3, seconds: 6, pastKnee: 1 },
  quick: { systems: ["ours"] as System[], step: { ours: 16, naive: 16, naf: 1 }, maxCircles: { ours: 96, naive: 96, naf: 4 }, warmup: 1, seconds: 2, pastKnee: 0 },
  tiny: { systems: ["ours"] as System[], step: { ours: 1, naive: 1, naf: 1 }, maxCircles: { ours: 1, naive: 1, naf: 1 }, warmup: 0.5, seconds: 1, pastKnee: 0 },
});

export interface ScaleStep extends Measured {
  clients: number;
  /** within the limits, and the clients still receive what they should */
  ok: boolean;
  /** others took more than DISTURBED_PERCENT of the server's core even in the calmest try: says nothing either way */
  disturbed: boolean;
}

export interface ScaleCurve {
  system: System;
  steps: ScaleStep[];
  /** most clients at an undisturbed step within the limits, below the first undisturbed step over them (0 if none) */
  knee: number;
}

/**
 * Messages each client should receive per second: every other person's update (NAF), patches (the
 * naive room), pose frames (ours: one for each round of sends, at most POSE_FRAME_HZ).
 */
function expectedMessages(system: System): number {
  if (system === "naf") return (CIRCLE - 1) * SEND_HZ;
  return system === "ours" ? SEND_HZ : 20;
}

function withinLimits(system: System, s: ServerWindow, b: BotWindow): boolean {
  const patchOk = system === "naf" || (s.patch?.p99 ?? Infinity) < LIMITS.patchP99Ms;
  const delivered = b.messagesPerSecond >= 0.9 * expectedMessages(system) && b.sendsPerSecond >= 0.9 * SEND_HZ;
  return patchOk && s.loopDelay.p99 < LIMITS.loopP99Ms && delivered;
}

/** How one curve is climbed: circles added per step, at most, from which step on it is measured, how long. */
export interface CurvePlan {
  step: number;
  maxCircles: number;
  /** steps below this many circles are joined but not measured @default 0 */
  measureFrom?: number;
  warmup: number;
  seconds: number;
  /** steps measured past the first one over the limits */
  pastKnee: number;
}

export async function curve(system: System, plan: CurvePlan = { ...PLAN, step: PLAN.step[system], maxCircles: PLAN.maxCircles[system] }): Promise<ScaleCurve> {
  const server = await startServer(system);
  const steps: ScaleStep[] = [];
  let bots: Worker | undefined;
  try {
    bots = await startBots();
    let circles = 0;
    let past = 0;
    const perStep = plan.step;
    while (circles < plan.maxCircles) {
      const codes = await rooms(server, perStep);
      await bots.request("join", { system, port: server.port, circles: codes.map((code) => ({ code, size: CIRCLE, observe: false })), motion: "restless" }, 300_000);
      circles += perStep;
      await bots.request("move", { hz: SEND_HZ });
      if (circles < (plan.measureFrom ?? 0)) continue;
      await sleep(plan.warmup * 1000);
      const m = await measureCalm(server, bots, plan.seconds);
      const step: ScaleStep = { clients: circles * CIRCLE, ...m, ok: withinLimits(system, m.server, m.bots), disturbed: m.serverCoreOthersPercent > DISTURBED_PERCENT };
      steps.push(step);
      console.log(
        `${SYSTEM_NAMES[system]}: ${step.clients} clients — server CPU ${fixed(m.server.cpuPercent, 0)}%, loop p99 ${fixed(m.server.loopDelay.p99)} ms, ` +
          `patch p99 ${fixed(m.server.patch?.p99 ?? NaN, 2)} ms, received ${fixed(m.bots.messagesPerSecond)}/s, sent ${fixed(m.bots.sendsPerSecond)}/s, bots CPU ${fixed(m.bots.cpuPercent, 0)}%, others on the server core ${fixed(m.serverCoreOthersPercent, 0)}%${step.disturbed ? "  (disturbed)" : step.ok ? "" : "  ← over"}`,
      );
      if (!step.ok && !step.disturbed && ++past > plan.pastKnee) break;
    }
  } finally {
    await bots?.request("leave").catch(() => {});
    await bots?.stop();
    await server.worker.stop();
  }
  const calm = steps.filter((s) => !s.disturbed);
  const firstOver = calm.findIndex((s) => !s.ok);
  const held = firstOver === -1 ? calm : calm.slice(0, firstOver);
  return { system, steps, knee: held.at(-1)?.clients ?? 0 };
}

export async function run(): Promise<ScaleCurve[]> {
  const { systems } = systemsAvailable();
  const curves: ScaleCurve[] = [];
  for (const system of PLAN.systems.filter((s) => systems.includes(s))) curves.push(await curve(system));
  saveResult("scale", { circle: CIRCLE, sendHz: SEND_HZ, limits: LIMITS, plan: PLAN, curves });
  writeReport(curves);
  return curves;
}

const calmSteps = (c: ScaleCurve) => c.steps.filter((s) => !s.disturbed);

function writeReport(curves: ScaleCurve[]): void {
  if (curves.length) {
    writeChart(plotPath("scale-curve.svg"), {
      title: "One server core, circles of 16 all moving: server CPU as people are added",
      x: { label: "clients" },
      y: { label: "server CPU, % of one core", min: 0 },
      series: curves.map((c) => ({ name: SYSTEM_NAMES[c.system], points: calmSteps(c).map((s) => [s.clients, s.server.cpuPercent] as [number, number]) })),
      markers: curves.filter((c) => c.knee).map((c) => ({ x: c.knee, label: `${SYSTEM_NAMES[c.system]} knee: ${c.knee}` })),
    });
  }
  const table = (c: ScaleCurve) => [
    `**${SYSTEM_NAMES[c.system]}: ${c.knee} clients** within the limits.`,
    "",
    "| clients | server CPU | others on its core | loop delay p99 (ms) | patch p99 (ms) | received / sent per client per s | bots' CPU | within |",
    "|---|---|---|---|---|---|---|---|",
    ...c.steps.map((s) =>
      `| ${s.clients} | ${fixed(s.server.cpuPercent, 0)}% | ${fixed(s.serverCoreOthersPercent, 0)}% | ${fixed(s.server.loopDelay.p99)} | ${s.server.patch ? fixed(s.server.patch.p99, 2) : "—"} | ` +
      `${fixed(s.bots.messagesPerSecond)} / ${fixed(s.bots.sendsPerSecond)} | ${fixed(s.bots.cpuPercent, 0)}% | ${s.disturbed ? "(disturbed)" : s.ok ? "yes" : "no"} |`),
    "",
  ];
  report(
    "Group room",
    "People per server core",
    [
      `Circles of ${CIRCLE}, everyone moving and sending ${SEND_HZ} poses a second, added ${PLAN.step.ours} circles at a time (networked-aframe: ${PLAN.step.naf};`,
      `it relays every update to everyone else, so each of its circles costs its server many times what one of ours does); after ${PLAN.warmup} s,`,
      `${PLAN.seconds} s measured. The server runs alone on one core (taskset), the bots on the other. Limits: patch time p99 < ${LIMITS.patchP99Ms} ms`,
      `(one room's \`broadcastPatch\` — encoding the patch and handing each client its frame — and, for Breathing Room, one pose frame,`,
      `\`PoseRelay.flush\`), event-loop delay p99 < ${LIMITS.loopP99Ms} ms, and every client still receives what it should (≥ 90% of ${SEND_HZ}`,
      "pose frames a second for Breathing Room, of the patch rate for the naive room, of the relayed updates for networked-aframe).",
      `This machine is shared: a window in which other programs took more than ${DISTURBED_PERCENT}% of the server's core is measured again`,
      "(up to three times; the calmest is kept) — \"others on its core\" says how calm it was; a step still disturbed after that",
      "counts neither way.",
      "",
      ...curves.flatMap(table),
      curves.length ? "![Scale curve: server CPU against clients for each system, with the knees](docs/bench/scale-curve.svg)" : "",
    ].join("\n"),
    "scale",
  );
}
