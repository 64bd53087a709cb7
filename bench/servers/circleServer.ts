/**
 * Breathing Room's server under test, as `npm start` runs it (createApp: CircleRoom, 15 Hz patches, 25 Hz pose frames,
 * the same transport limits), on loopback, with a throwaway data directory. The orchestrator asks
 * it for sessions (join codes) and for measurements; see bench/servers/probe.ts.
 *
 *   BENCH_PORT=<port> node --import tsx bench/servers/circleServer.ts
 *
 * With BENCH_REDIS_URL and BENCH_DATABASE_URL (bench/scaleOut.ts) it is one of several processes on one
 * Redis and one Postgres, as a scaled-out deployment runs (REDIS_URL, DATABASE_URL, PUBLIC_ADDRESS).
 */
import "../../server/polyfills";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Room } from "@colyseus/core";
import { MAX_CAPACITY } from "../../core/protocol";
import { createApp } from "../../server/app";
import { newJoinCode } from "../../server/http/joinCodes";
import { PoseRelay } from "../../server/rooms/PoseRelay";
import { serveRequests } from "../lib/processes";
import { startProbe } from "./probe";

const probe = startProbe();
probe.timePatches(Room);
// Poses go out in pose frames, outside the patch: their time counts as patch time.
probe.time(PoseRelay.prototype as unknown as Record<"flush", () => void>, "flush");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-bench-"));
process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
process.on("SIGTERM", () => process.exit(0));

const port = Number(process.env.BENCH_PORT);
const redisUrl = process.env.BENCH_REDIS_URL;
const app = createApp({
  dataDir,
  databaseUrl: process.env.BENCH_DATABASE_URL,
  cluster: redisUrl ? { redisUrl, publicAddress: `127.0.0.1:${port}` } : undefined,
  // Processes of one deployment share the secret (seat tokens are signed with it).
  jwtSecret: process.env.BENCH_SECRET ?? randomUUID(),
});
await app.server.listen(port, "127.0.0.1");

const facilitatorId = randomUUID();
app.store.facilitators.create({ id: facilitatorId, email: `bench-${facilitatorId}@example.org`, passwordHash: "x", isAdmin: false, createdAt: Date.now() });

serveRequests(
  {
    ...probe.handlers,
    /** `count` scheduled sessions that hold a full circle; answers their join codes. */
    sessions: ({ count }: { count: number }) =>
      Array.from({ length: count }, () => {
        const code = newJoinCode();
        app.store.sessions.create({
          id: randomUUID(), facilitatorId, code, title: "bench", environment: "shore", capacity: MAX_CAPACITY,
          scheduledAt: null, status: "scheduled", createdAt: Date.now(), endedAt: null,
          // Bots are seated at once: the waiting area is not what the bench measures.
          admission: false,
        });
        return code;
      }),
    /** circles living in this process */
    rooms: () => app.live.size,
  },
  { port },
);
