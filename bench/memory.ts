/**
 * Figure 5: server memory per circle and per person. With garbage collected before each reading:
 * the server alone, then C circles of one moving person each, then 15 more people in each circle.
 * Per person = the last step / (15 C); per circle = the first step / C, less one person.
 *
 *   npm run bench -- memory
 */
import { rooms, sleep, SEND_HZ, type System } from "./lib/measure";
import { report, saveResult, sized } from "./lib/results";
import { fixed } from "./lib/stats";
import { startBots, startServer, systemsAvailable, SYSTEM_NAMES } from "./lib/systems";
import type { Memory } from "./servers/probe";

/**
 * Circles per system. networked-aframe relays every update to everyone else in the circle: with
 * everyone moving, its server spent 16% of a core on one circle of 16 (block "Bytes per client and
 * pose latency"), so 24 full circles would need ~3–4 cores and its one core would fall minutes behind — joins
 * time out and the heap fills with queued sends rather than people. It gets as many circles as its
 * core holds.
 */
const CIRCLES = sized({ full: { ours: 24, naive: 24, naf: 4 }, quick: { ours: 6, naive: 6, naf: 2 }, tiny: { ours: 2, naive: 2, naf: 2 } });
const MORE = sized({ full: 15, quick: 15, tiny: 2 });
const SETTLE_S = sized({ full: 4, quick: 2, tiny: 0.5 });

export interface MemoryRow {
  system: System;
  circles: number;
  readings: { empty: Memory; onePerCircle: Memory; full: Memory };
  /** KB, from the JS heap in use */
  perCircleKB: number;
  perPersonKB: number;
  /** KB, from the resident set (includes buffers outside the heap; noisier) */
  perPersonRssKB: number;
}

export async function run(): Promise<MemoryRow[]> {
  const { systems, missing } = systemsAvailable();
  const rows: MemoryRow[] = [];
  for (const system of systems) {
    const circles = CIRCLES[system];
    const server = await startServer(system, { exposeGc: true });
    const bots = await startBots();
    try {
      await sleep(1000);
      const empty = await server.worker.request<Memory>("memory");
      const codes = await rooms(server, circles);
      const join = (size: number) =>
        bots.request("join", { system, port: server.port, circles: codes.map((code) => ({ code, size, observe: false })), motion: "restless" }, 300_000);
      await join(1);
      await bots.request("move", { hz: SEND_HZ });
      await sleep(SETTLE_S * 1000);
      const onePerCircle = await server.worker.request<Memory>("memory");
      await join(MORE);
      await bots.request("move", { hz: SEND_HZ });
      await sleep(SETTLE_S * 1000);
      const full = await server.worker.request<Memory>("memory");
      const people = circles * MORE;
      const perPersonKB = ((full.heapUsedMB - onePerCircle.heapUsedMB) * 1024) / people;
      rows.push({
        system,
        circles,
        readings: { empty, onePerCircle, full },
        perPersonKB,
        perCircleKB: ((onePerCircle.heapUsedMB - empty.heapUsedMB) * 1024) / circles - perPersonKB,
        perPersonRssKB: ((full.rssMB - onePerCircle.rssMB) * 1024) / people,
      });
      console.log(line(rows.at(-1)!));
    } finally {
      await bots.request("leave").catch(() => {});
      await bots.stop();
      await server.worker.stop();
    }
  }
  saveResult("memory", { circles: CIRCLES, more: MORE, rows, missing });
  report(
    "Group room",
    "Server memory per circle and per person",
    [
      `JS heap in use after full garbage collection (\`--expose-gc\`): the server alone, then C circles of one moving person, then`,
      `${MORE} more moving people in each. Per person = growth of the last step / (${MORE} C); per circle = growth of the first step / C,`,
      `less one person. C = ${CIRCLES.ours} for Breathing Room and the naive room, ${CIRCLES.naf} for networked-aframe: it relays every update to everyone`,
      "else, so its one core holds only a few circles of 16 moving people (block \"People per server core\"); past that its server falls",
      "behind, joins time out and its heap fills with queued sends. RSS growth per person beside it (socket buffers live outside the JS heap).",
      "",
      "| system | circles × people | per circle (KB heap) | per person (KB heap) | per person (KB RSS) | heap: empty → full (MB) |",
      "|---|---|---|---|---|---|",
      ...rows.map(line),
      ...(missing.length ? ["", `Not measured in this run: ${missing.join("; ")}.`] : []),
    ].join("\n"),
    "memory",
  );
  return rows;
}

function line(r: MemoryRow): string {
  return `| ${SYSTEM_NAMES[r.system]} | ${r.circles} × ${MORE + 1} | ${fixed(r.perCircleKB)} | ${fixed(r.perPersonKB)} | ${fixed(r.perPersonRssKB)} | ${fixed(r.readings.empty.heapUsedMB)} → ${fixed(r.readings.full.heapUsedMB)} |`;
}
