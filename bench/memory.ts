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

const CIRCLES = sized({ full: 24, quick: 6, tiny: 2 });
const MORE = sized({ full: 15, quick: 15, tiny: 2 });
const SETTLE_S = sized({ full: 4, quick: 2, tiny: 0.5 });

export interface MemoryRow {
  system: System;
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
    const server = await startServer(system, { exposeGc: true });
    const bots = await startBots();
    try {
      await sleep(1000);
      const empty = await server.worker.request<Memory>("memory");
      const codes = await rooms(server, CIRCLES);
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
      const people = CIRCLES * MORE;
      const perPersonKB = ((full.heapUsedMB - onePerCircle.heapUsedMB) * 1024) / people;
      rows.push({
        system,
        readings: { empty, onePerCircle, full },
        perPersonKB,
        perCircleKB: ((onePerCircle.heapUsedMB - empty.heapUsedMB) * 1024) / CIRCLES - perPersonKB,
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
      `JS heap in use after full garbage collection (\`--expose-gc\`): the server alone, then ${CIRCLES} circles of one moving person, then`,
      `${MORE} more moving people in each. Per person = growth of the last step / ${CIRCLES * MORE}; per circle = growth of the first step /`,
      `${CIRCLES}, less one person. RSS growth per person beside it (socket buffers live outside the JS heap).`,
      "",
      "| system | per circle (KB heap) | per person (KB heap) | per person (KB RSS) | heap: empty → full (MB) |",
      "|---|---|---|---|---|",
      ...rows.map(line),
      ...(missing.length ? ["", `Not measured in this run: ${missing.join("; ")}.`] : []),
    ].join("\n"),
    "memory",
  );
  return rows;
}

function line(r: MemoryRow): string {
  return `| ${SYSTEM_NAMES[r.system]} | ${fixed(r.perCircleKB)} | ${fixed(r.perPersonKB)} | ${fixed(r.perPersonRssKB)} | ${fixed(r.readings.empty.heapUsedMB)} → ${fixed(r.readings.full.heapUsedMB)} |`;
}
