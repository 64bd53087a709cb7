/**
 * Abuse, side by side: two circles of 16 moving people on one server, in one run. First a window
 * with nobody flooding; then one in which a person in the second circle floods `pose` at 1,000
 * messages a second (each time the server cuts them off they join again and go on). The other 15
 * people's pose latency p95 must stay within 20% of the unflooded window's, and of the calm circle's.
 *
 *   npm run bench -- flood
 */
import type { Percentiles } from "./lib/stats";
import { joinAndMove, measure, rooms, sleep, type Measured } from "./lib/measure";
import { report, saveResult, sized } from "./lib/results";
import { fixed, quantile } from "./lib/stats";
import { startServer } from "./lib/systems";

const RATE = 1000;
const CIRCLE = sized({ full: 16, quick: 16, tiny: 4 });
const WARMUP_S = sized({ full: 3, quick: 2, tiny: 0.5 });
const MEASURE_S = sized({ full: 20, quick: 6, tiny: 1.5 });
/** Most the flooded circle's p95 may exceed the calm one's. */
const ALLOWED = 1.2;

interface Burst {
  sent: number;
  closeCode: number | undefined;
  cutOffAfterMs: number | null;
}

export interface FloodResult {
  /** nobody flooding: the calm circle, and the circle that will be flooded */
  before: { calm: Percentiles; flooded: Percentiles };
  /** during the flood */
  during: { calm: Percentiles; flooded: Percentiles };
  /** flooded circle's p95 during / before the flood */
  ratio: number;
  /** flooded / calm circle's p95 during the flood */
  sideBySide: number;
  bursts: Burst[];
  rejoinRefused: boolean;
  window: Measured;
}

export async function run(): Promise<FloodResult> {
  const server = await startServer("ours");
  try {
    const [calm, flooded] = await rooms(server, 2);
    const bots = await joinAndMove(server, [
      { code: calm!, size: CIRCLE, observe: true },
      { code: flooded!, size: CIRCLE, observe: true },
    ]);
    await sleep(WARMUP_S * 1000);
    const unflooded = await measure(server, bots, MEASURE_S);
    const attack = bots.request<{ bursts: Burst[]; rejoinRefused: boolean }>("flood", { circle: 1, rate: RATE, seconds: MEASURE_S + 1 }, (MEASURE_S + 30) * 1000);
    await sleep(200);
    const window = await measure(server, bots, MEASURE_S);
    const { bursts, rejoinRefused } = await attack;
    await bots.request("leave");
    await bots.stop();
    const before = { calm: unflooded.bots.latencyByCircle[0]!, flooded: unflooded.bots.latencyByCircle[1]! };
    const during = { calm: window.bots.latencyByCircle[0]!, flooded: window.bots.latencyByCircle[1]! };
    const result: FloodResult = {
      before,
      during,
      ratio: during.flooded.p95 / before.flooded.p95,
      sideBySide: during.flooded.p95 / during.calm.p95,
      bursts,
      rejoinRefused,
      window,
    };
    saveResult("flood", { rate: RATE, circle: CIRCLE, seconds: MEASURE_S, allowed: ALLOWED, ...result });
    writeReport(result);
    return result;
  } finally {
    await server.worker.stop();
  }
}

function writeReport(r: FloodResult): void {
  const cut = r.bursts.filter((b) => b.cutOffAfterMs !== null);
  const cutMs = cut.map((b) => b.cutOffAfterMs!);
  const codes = [...new Set(cut.map((b) => b.closeCode))].join(", ");
  const sent = r.bursts.reduce((a, b) => a + b.sent, 0);
  const lat = (p: Percentiles) => `${fixed(p.p50)} / ${fixed(p.p95)} / ${fixed(p.p99)} (${p.n})`;
  const verdict = (x: number) => (x <= ALLOWED ? "within" : "**over**");
  console.log(`flooded circle p95 ${fixed(r.before.flooded.p95)} → ${fixed(r.during.flooded.p95)} ms (×${fixed(r.ratio, 2)}; calm circle ${fixed(r.during.calm.p95)} ms), ${cut.length} cut-offs (${codes})`);
  report(
    "Group room",
    "One person flooding: cut off, the rest unaffected",
    [
      `Two circles of ${CIRCLE} moving people on one server core, in one run: a ${MEASURE_S} s window with nobody flooding, then a`,
      `${MEASURE_S} s window in which one person in the second circle sends \`pose\` at ${RATE.toLocaleString("en")} messages a second; when cut off,`,
      "they join again and go on (a persistent attacker). Latency is of the other people's poses, seen by one of them.",
      "",
      "| circle | unflooded window: latency p50 / p95 / p99 ms (samples) | flooded window |",
      "|---|---|---|",
      `| calm | ${lat(r.before.calm)} | ${lat(r.during.calm)} |`,
      `| with the flooder | ${lat(r.before.flooded)} | ${lat(r.during.flooded)} |`,
      "",
      `The flooded circle's p95 is ${fixed(r.ratio, 2)}× its unflooded p95 (${verdict(r.ratio)} the ${ALLOWED}× allowed) and ${fixed(r.sideBySide, 2)}× the calm`,
      `circle's in the same window (${verdict(r.sideBySide)}).`,
      `The flooder sent ${sent.toLocaleString("en")} messages in ${r.bursts.length} burst(s); the server closed them ${cut.length} time(s)`,
      `(close code ${codes || "—"}), each after ${cut.length ? `${fixed(quantile(cutMs, 0.5), 0)} ms (p50; max ${fixed(Math.max(...cutMs), 0)} ms)` : "—"} of flooding.` +
        (r.rejoinRefused ? " Joining again was refused." : ""),
      `Server over the window: CPU ${fixed(r.window.server.cpuPercent, 0)}%, event-loop delay p99 ${fixed(r.window.server.loopDelay.p99)} ms,` +
        ` patch p99 ${fixed(r.window.server.patch?.p99 ?? NaN, 2)} ms.`,
    ].join("\n"),
    "flood",
  );
}
