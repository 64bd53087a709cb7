/**
 * Downstream bandwidth of poses in a 16-person circle: 16 bots on loopback, each sending its pose
 * at 20 Hz, each counting the bytes it receives at the WebSocket level (payload + frame header;
 * TCP/IP overhead not included). Compares the packed core/pose words with a float32 schema.
 *
 *   npm run bench -- poseBandwidth            (BENCH_SECONDS=10 by default)
 */
import "../server/polyfills";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Room, validate, type Client as ServerClient } from "@colyseus/core";
import { schema, t } from "@colyseus/schema";
import { Client } from "@colyseus/sdk";
import { z } from "zod";
import { AGREEMENT_VERSION } from "../core/care";
import { POSE_FLOATS, packPose } from "../core/pose";
import { ROOM_NAME } from "../core/protocol";
import { createApp } from "../server/app";
import { newJoinCode } from "../server/http/joinCodes";
import { machine, writeBenchmark } from "./report";
import { seatedPose } from "./helpers/poseRig";

const BOTS = 16;
const HZ = 20;
const WARMUP_S = 2;
const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 10);

// ---- float32 baseline: the same pose as 21 float32 fields per person ----
const FloatPerson = schema(
  Object.fromEntries(Array.from({ length: POSE_FLOATS }, (_, i) => [`f${i}`, t.float32().default(0)])) as Record<string, ReturnType<typeof t.float32>>,
  "FloatPerson",
);
const FloatState = schema({ people: t.map(FloatPerson) }, "FloatState");
class FloatRoom extends Room<{ state: InstanceType<typeof FloatState> }> {
  override state = new FloatState();
  override maxClients = BOTS;
  override messages = {
    pose: validate(z.array(z.number()).length(POSE_FLOATS), (client: ServerClient, floats: number[]) => {
      const p = this.state.people.get(client.sessionId) as unknown as Record<string, number> | undefined;
      if (p) floats.forEach((v, i) => (p[`f${i}`] = v));
    }),
  };
  override onJoin(client: ServerClient): void {
    this.state.people.set(client.sessionId, new FloatPerson());
  }
}

/** A free loopback port (bind port 0, read it, release it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const a = probe.address();
      probe.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

const frameBytes = (n: number) => n + (n <= 125 ? 2 : n <= 65535 ? 4 : 10);

interface Result { mean: number; min: number; max: number }

async function run(port: number, mode: "packed" | "float32", allMoving: boolean, code: string): Promise<Result> {
  const bots: Array<{ room: Awaited<ReturnType<Client["joinOrCreate"]>>; counter: { bytes: number } }> = [];
  for (let i = 0; i < BOTS; i++) {
    const client = new Client(`ws://127.0.0.1:${port}`);
    const room = mode === "packed"
      ? await client.joinOrCreate(ROOM_NAME, { code, pseudonym: `Bot ${i}`, look: "sage", agreementVersion: AGREEMENT_VERSION })
      : await client.joinOrCreate("poseFloat", {});
    const counter = { bytes: 0 };
    const ws = (room.connection.transport as unknown as { ws: { addEventListener: (t: string, f: (e: { data: ArrayBuffer }) => void) => void } }).ws;
    ws.addEventListener("message", (e) => (counter.bytes += frameBytes(e.data.byteLength)));
    bots.push({ room, counter });
  }
  const pose = new Float64Array(POSE_FLOATS);
  const words = new Uint32Array(6);
  const start = performance.now();
  const timer = setInterval(() => {
    const tSec = (performance.now() - start) / 1000;
    bots.forEach((b, i) => {
      seatedPose(i, tSec, allMoving, pose);
      if (mode === "packed") {
        packPose(pose, true, true, words);
        b.room.send("pose", Array.from(words));
      } else {
        b.room.send("pose", Array.from(pose));
      }
    });
  }, 1000 / HZ);
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  bots.forEach((b) => (b.counter.bytes = 0));
  await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
  const rates = bots.map((b) => b.counter.bytes / MEASURE_S);
  clearInterval(timer);
  await Promise.all(bots.map((b) => b.room.leave().catch(() => {})));
  return { mean: rates.reduce((a, b) => a + b, 0) / rates.length, min: Math.min(...rates), max: Math.max(...rates) };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-bench-"));
  const app = createApp({ dataDir, jwtSecret: randomUUID() });
  app.server.define("poseFloat", FloatRoom);
  const port = await freePort();
  await app.server.listen(port, "127.0.0.1");
  const fid = randomUUID();
  app.store.facilitators.create({ id: fid, email: "bench@example.org", passwordHash: "x", isAdmin: false, createdAt: Date.now() });
  const newSession = () => {
    const code = newJoinCode();
    app.store.sessions.create({ id: randomUUID(), facilitatorId: fid, code, title: "bench", environment: "shore", capacity: BOTS, scheduledAt: null, status: "scheduled", createdAt: Date.now(), endedAt: null });
    return code;
  };

  const kb = (r: Result) => `${(r.mean / 1024).toFixed(2)} KB/s (min ${(r.min / 1024).toFixed(2)}, max ${(r.max / 1024).toFixed(2)})`;
  const results: Array<[string, Result]> = [];
  for (const [label, mode, all] of [
    ["packed words, seated circle", "packed", false],
    ["packed words, everyone gesturing", "packed", true],
    ["float32 schema, seated circle", "float32", false],
    ["float32 schema, everyone gesturing", "float32", true],
  ] as const) {
    const r = await run(port, mode, all, newSession());
    results.push([label, r]);
    console.log(`${label}: ${kb(r)} downstream per client`);
  }
  await app.server.gracefullyShutdown(false);
  app.store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  writeBenchmark(
    "Group room",
    "Pose bandwidth, 16 people at 20 Hz",
    [
      `Downstream bytes per client per second (WebSocket payload + frame headers, mean over ${BOTS} bots, ${MEASURE_S} s after ${WARMUP_S} s warm-up, loopback):`,
      "",
      "| pose encoding | motion | downstream per client |",
      "|---|---|---|",
      ...results.map(([label, r]) => {
        const [enc, motion] = label.split(", ");
        return `| ${enc} | ${motion} | ${kb(r)} |`;
      }),
      "",
      "\"Seated circle\": gentle head sway, breathing and looking around; hands rest on the lap except while",
      "that person talks (a quarter of the time). \"Everyone gesturing\": all hands move all the time (worst case).",
      "Target: ≤ 8 KB/s per client. A changed person costs 32 B per patch (6 words × 5 B + 2 B), so the ceiling with",
      "every word of all 16 people changing in every 20 Hz patch is ~10 KB/s; runs vary by a few tenths of a KB/s with",
      "how the bots' sends fall into the 50 ms patches.",
      "",
      `Machine: ${machine()}. Command: \`npm run bench -- poseBandwidth\`.`,
    ].join("\n"),
  );
  console.log("Wrote BENCHMARKS.md (## Group room).");
}

await main();
