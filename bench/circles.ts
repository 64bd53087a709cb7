/**
 * Figures 1 and 2: bytes per second down and up per client in circles of 8, 16 and 32 with everyone
 * moving, and pose latency (send → another client has it), for Breathing Room, the naive Colyseus
 * room and networked-aframe, in one run. Each system's server runs alone on the server core; each
 * circle's people are bots on the other core (one of them a full client that measures latency).
 *
 *   npm run bench -- circles
 */
import { joinAndMove, measureCalm, rooms, sleep, SEND_HZ, type Measured, type System } from "./lib/measure";
import { POSE_FRAME_HZ } from "../core/pose";
import { mode, report, saveResult, sized, plotPath } from "./lib/results";
import { fixed } from "./lib/stats";
import { startServer, systemsAvailable, SYSTEM_NAMES } from "./lib/systems";
import { writeChart } from "./lib/svg";

const SIZES = sized({ full: [8, 16, 32], quick: [8, 16, 32], tiny: [3] });
const WARMUP_S = sized({ full: 3, quick: 1, tiny: 0.5 });
const MEASURE_S = sized({ full: 15, quick: 3, tiny: 1 });

export interface CircleRow extends Measured {
  system: System;
  size: number;
  /** how the bots move ("restless" unless said) */
  motion?: "seated";
}

export async function run(): Promise<CircleRow[]> {
  const { systems, missing } = systemsAvailable();
  const rows: CircleRow[] = [];
  for (const system of systems) {
    const server = await startServer(system);
    try {
      const variants = SIZES.map((size) => ({ size, motion: undefined as "seated" | undefined }));
      // Ours only, full runs: a calmer circle, to show that a still hand costs nothing.
      if (system === "ours" && mode() === "full") variants.push({ size: 16, motion: "seated" });
      for (const { size, motion } of variants) {
        const [code] = await rooms(server, 1);
        const bots = await joinAndMove(server, [{ code: code!, size, observe: true }], motion ?? "restless");
        await sleep(WARMUP_S * 1000);
        const m = await measureCalm(server, bots, MEASURE_S);
        await bots.request("leave");
        await bots.stop();
        rows.push({ system, size, motion, ...m });
        console.log(line(rows.at(-1)!));
      }
    } finally {
      await server.worker.stop();
    }
  }
  saveResult("circles", { sizes: SIZES, sendHz: SEND_HZ, warmupSeconds: WARMUP_S, seconds: MEASURE_S, rows, missing });
  writeReport(rows, missing);
  return rows;
}

const kb = (b: number) => fixed(b / 1024, 2);

function line(r: CircleRow): string {
  const b = r.bots;
  const name = r.motion === undefined ? SYSTEM_NAMES[r.system] : `${SYSTEM_NAMES[r.system]}, seated circle`;
  return `| ${name} | ${r.size} | ${kb(b.down.mean)} (${kb(b.down.min)}–${kb(b.down.max)}) | ${kb(b.up.mean)} | ` +
    `${fixed(b.latency.p50)} / ${fixed(b.latency.p95)} / ${fixed(b.latency.p99)} (${b.latency.n}) | ${fixed(b.sendsPerSecond)} / ${fixed(b.messagesPerSecond)} | ${fixed(r.server.cpuPercent, 0)}% |`;
}

function writeReport(rows: CircleRow[], missing: string[]): void {
  const systems = [...new Set(rows.map((r) => r.system))];
  const at = (s: System, n: number) => rows.find((r) => r.system === s && r.size === n && r.motion === undefined);
  const chart = plotPath("bytes-per-client.svg");
  writeChart(chart, {
    title: "Downstream per client, everyone moving (loopback)",
    x: { label: "people in the circle", ticks: SIZES },
    y: { label: "KB/s per client (log scale)", log: true },
    series: systems.map((s) => ({ name: SYSTEM_NAMES[s], points: SIZES.map((n): [number, number] => [n, (at(s, n)?.bots.down.mean ?? NaN) / 1024]) })),
  });
  const ours16 = at("ours", 16), naf16 = at("naf", 16), naive16 = at("naive", 16);
  const ratio = (a?: CircleRow, b?: CircleRow) => (a && b ? `${fixed(a.bots.down.mean / b.bots.down.mean, 1)}×` : "—");
  report(
    "Group room",
    "Bytes per client and pose latency, beside networked-aframe",
    [
      `Everyone in the circle moving ("restless" bots: hands gesturing, heads swaying ±6 cm and turning), each sending its pose ${SEND_HZ} times a second;`,
      `${MEASURE_S} s measured after ${WARMUP_S} s of warm-up. Bytes are WebSocket payload + frame header as each client's socket sees them`,
      "(TCP/IP headers not counted). Latency: from the moment a client hands its pose to its socket to the moment another client",
      "(a full @colyseus/sdk client, or a NAF client parsing the relay) has it decoded, on loopback.",
      "",
      "| system | people | down KB/s per client (min–max) | up KB/s | latency p50 / p95 / p99 ms (samples) | sends / messages received per s | server CPU |",
      "|---|---|---|---|---|---|---|",
      ...rows.map(line),
      "",
      `16 people: networked-aframe sends each client **${ratio(naf16, ours16)}** what Breathing Room does; the naive Colyseus room ${ratio(naive16, ours16)}.`,
      "\"Seated circle\": heads sway gently, hands rest in the lap except while that person talks (a quarter of the time): a still",
      "hand is not sent again.",
      "",
      `![Downstream per client against circle size](docs/bench/bytes-per-client.svg)`,
      "",
      `How each system carries a pose: Breathing Room, pose frames ${POSE_FRAME_HZ} times a second (a Colyseus byte message with the poses`,
      "that changed since the last frame, each word as 2–7-bit differences of its three fields; docs/PROTOCOL.md \"Pose frames\").",
      "Naive Colyseus: 21 float32 schema fields per person at Colyseus' default 20 Hz patches.",
      "networked-aframe: its socket.io server relays each client's `um` update (JSON: head and two hands as NAF entities,",
      "position and rotation as full doubles, with owner, template and parent ids) to everyone else as soon as it arrives.",
      ...(missing.length ? ["", `Not measured in this run: ${missing.join("; ")}.`] : []),
    ].join("\n"),
    "circles",
  );
}
