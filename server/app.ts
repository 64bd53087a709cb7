import "./polyfills";
import fs from "node:fs";
import https from "node:https";
import http from "node:http";
import path from "node:path";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import compression from "compression";
import express from "express";
import { MAX_FRAME_BYTES, ROOM_NAME } from "../core/protocol";
import { TokenService } from "./auth/tokens";
import { apiErrorHandler, notFoundHandler, plainErrorHandler } from "./http/ApiError";
import { authRoutes } from "./http/authRoutes";
import { CodeGuesses } from "./http/codeGuesses";
import { guardRequests } from "./http/requestGuard";
import { restrictCorsToSameOrigin } from "./http/security";
import { sessionRoutes } from "./http/sessionRoutes";
import { bindCircleRoom, type LiveRooms } from "./rooms/CircleRoom";
import { circleCalls } from "./cluster/circleCalls";
import { clusterOptions, type ClusterConfig } from "./cluster/clusterOptions";
import { SeatTokens } from "./cluster/SeatTokens";
import { redisSink, storeSink } from "./cluster/snapshotSinks";
import { QuietWebSocketTransport, colyseusLogger } from "./quietLog";
import { openStore } from "./store/openStore";
import type { Store } from "./store/types";
import type { VoiceDeps } from "./voice/voiceDeps";

export interface AppOptions {
  /** where the SQLite file lives (created if missing) */
  dataDir: string;
  /** Postgres instead of SQLite (DATABASE_URL) */
  databaseUrl?: string;
  /** several processes on one Redis (REDIS_URL, PUBLIC_ADDRESS); one in-memory process without */
  cluster?: ClusterConfig;
  /** HS256 secret for facilitator tokens */
  jwtSecret: string;
  /** built client to serve; omitted → no static files (API and rooms only) */
  clientDir?: string;
  /** serve HTTPS with this key pair */
  tls?: { key: string; cert: string; /** a certificate of the operator's own (TLS_CERT), not the self-signed one: HSTS is sent */ real?: boolean };
  /** reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY): addresses, CIDR ranges; none by default */
  trustProxy?: readonly string[];
  /** ICE servers and the SFU for voice (none and no SFU by default: a mesh that works on a LAN) */
  voice?: VoiceDeps;
}

/**
 * The whole server: Colyseus rooms, the REST API under /api and the static client, on one port.
 * Tests boot it with @colyseus/testing; server/index.ts listens.
 */
export function createApp(options: AppOptions) {
  restrictCorsToSameOrigin(matchMaker.controller);
  const store: Store = openStore(options);
  const tokens = new TokenService(options.jwtSecret);
  const live: LiveRooms = new Map();
  const guesses = new CodeGuesses();
  const hooks = circleCalls(live);
  // Circles outlive their process: seat tokens signed with the server secret, state in Redis or the database.
  const seats = new SeatTokens(options.jwtSecret);
  const snapshots = options.cluster?.redisUrl ? redisSink(options.cluster.redisUrl) : storeSink(store);

  const httpServer = options.tls ? https.createServer(options.tls) : http.createServer();
  // HSTS only with a certificate browsers trust: after a self-signed one it would lock people out.
  guardRequests(httpServer, { hsts: options.tls?.real === true, trustProxy: options.trustProxy });
  const server = defineServer({
    rooms: {
      [ROOM_NAME]: defineRoom(bindCircleRoom({ store, tokens, live, voice: options.voice, guesses, seats, snapshots })).filterBy(["code"]),
    },
    greet: false,
    // Errors as one scrubbed line each, never a stack or a payload (server/quietLog.ts).
    logger: colyseusLogger(),
    ...clusterOptions(options.cluster ?? {}),
    // server/index.ts owns the signals: shut rooms down first, then close the database.
    gracefullyShutdown: false,
    transport: new QuietWebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }),
    express: (app) => {
      app.disable("x-powered-by");
      // For a load balancer or an orchestrator: the process is up and answering.
      app.get("/api/health", (_req, res) => void res.set("Cache-Control", "no-store").json({ status: "ok" }));
      app.use("/api", express.json({ limit: "16kb" }), authRoutes(store, tokens, hooks), sessionRoutes(store, tokens, hooks, guesses));
      app.use("/api", (_req, res) => void res.status(404).json({ error: "not_found", message: "no such endpoint" }));
      app.use("/api", apiErrorHandler);
      if (options.clientDir) serveClient(app, options.clientDir);
      app.use(notFoundHandler);
      app.use(plainErrorHandler);
    },
  });

  return {
    server,
    /** the HTTP(S) server (index.ts swaps in a renewed certificate with setSecureContext) */
    httpServer,
    store,
    tokens,
    live,
    /** Dispose every room (sessions stay scheduled: people can come back after a restart), then close the database. */
    async close() {
      await server.gracefullyShutdown(false);
      await snapshots.close();
      store.close();
    },
  };
}

export type App = ReturnType<typeof createApp>;
/** For typed clients: `new Client<AppServer>(url)` (import type only). */
export type AppServer = App["server"];

/** Static files with an SPA fallback for client routes like /room/ABC-DEF-GHJ and /facilitate. */
function serveClient(app: express.Application, dir: string): void {
  // A headset on Wi-Fi downloads ~1.3 MB of scripts raw and ~370 KB compressed.
  app.use(compression());
  // Vite puts a content hash in every asset name, so those never change; index.html always revalidates.
  app.use("/assets", express.static(path.join(dir, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
  app.use(express.static(dir, { index: false, maxAge: "1h" }));
  const index = path.join(dir, "index.html");
  // Checked once: the build is made before the server starts, and a missing one stays missing.
  const hasIndex = fs.existsSync(index);
  app.get(/^\/(?!api\/|api$|matchmake\/|matchmake$).*/, (req, res, next) => {
    if (path.extname(req.path) || !hasIndex) return next();
    res.sendFile(index, { headers: { "Cache-Control": "no-cache" } });
  });
}
