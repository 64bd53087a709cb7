import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { iceServerSchema, type IceServer } from "../core/protocol";
import { MIN_SECRET_LENGTH } from "./auth/tokens";
import { parseTrustProxy } from "./http/clientAddress";
import type { JanusSettings } from "./voice/SfuServer";

/** Process settings from the environment (and `--https` on the command line). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  https: boolean;
  /** a certificate of your own (TLS_CERT and TLS_KEY: PEM file paths); HTTPS with HSTS */
  tlsFiles: { cert: string; key: string } | undefined;
  skipClientBuild: boolean;
  /** built client to serve (CLIENT_DIR), default dist/client */
  clientDir: string | undefined;
  /** STUN / TURN servers for voice (ICE_SERVERS, a JSON array of RTCIceServer), none by default */
  iceServers: IceServer[];
  /** Janus for voice (JANUS_URL, e.g. ws://127.0.0.1:8188, with JANUS_ADMIN_KEY); peer-to-peer voice without */
  janus: JanusSettings | undefined;
  /** Postgres instead of the SQLite file (DATABASE_URL, e.g. postgres://user:pass@host/db) */
  databaseUrl: string | undefined;
  /** several processes share rooms through this Redis (REDIS_URL, e.g. redis://127.0.0.1:6379) */
  redisUrl: string | undefined;
  /** how other processes and clients reach this one directly (PUBLIC_ADDRESS, e.g. node1.example.org/p1) */
  publicAddress: string | undefined;
  /** reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, CIDR ranges, loopback…); none by default */
  trustProxy: string[];
  /** longest a SIGTERM waits for circles to move before the process exits anyway (SHUTDOWN_GRACE_MS), ms */
  shutdownGraceMs: number;
}

/** ICE_SERVERS: a JSON array like `[{"urls":"stun:stun.example.org:3478"}]`; empty or unset → none. */
export function parseIceServers(raw: string | undefined): IceServer[] {
  if (!raw?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error("ICE_SERVERS must be a JSON array of {urls, username?, credential?}");
  }
  const parsed = z.array(iceServerSchema).max(8).safeParse(json);
  if (!parsed.success) throw new Error(`ICE_SERVERS must be a JSON array of {urls, username?, credential?}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** JANUS_URL (ws:// or wss://) and JANUS_ADMIN_KEY (the VideoRoom plugin's admin_key); unset → no SFU. */
export function parseJanus(env: NodeJS.ProcessEnv): JanusSettings | undefined {
  const url = env.JANUS_URL?.trim();
  if (!url) {
    if (env.JANUS_ADMIN_KEY) throw new Error("JANUS_ADMIN_KEY is set without JANUS_URL (the address of Janus' WebSocket transport, e.g. ws://127.0.0.1:8188)");
    return undefined;
  }
  if (!/^wss?:\/\/[^\s/]+/.test(url)) throw new Error(`JANUS_URL must be a ws:// or wss:// address of Janus' WebSocket transport, got ${url}`);
  return { url, adminKey: env.JANUS_ADMIN_KEY ?? "" };
}

/** TLS_CERT and TLS_KEY: both or neither. */
function tlsFiles(env: NodeJS.ProcessEnv): Config["tlsFiles"] {
  const cert = env.TLS_CERT || undefined;
  const key = env.TLS_KEY || undefined;
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new Error("TLS_CERT and TLS_KEY go together: the certificate (PEM, with its chain) and its private key");
  return { cert: path.resolve(cert), key: path.resolve(key) };
}

export function readConfig(env = process.env, argv = process.argv): Config {
  const shutdownGraceMs = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
  if (!Number.isFinite(shutdownGraceMs) || shutdownGraceMs < 0) throw new Error(`SHUTDOWN_GRACE_MS must be a number of ms, got ${env.SHUTDOWN_GRACE_MS}`);
  const port = Number(env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    https: argv.includes("--https") || env.HTTPS === "1",
    tlsFiles: tlsFiles(env),
    skipClientBuild: env.SKIP_CLIENT_BUILD === "1",
    clientDir: env.CLIENT_DIR ? path.resolve(env.CLIENT_DIR) : undefined,
    iceServers: parseIceServers(env.ICE_SERVERS),
    janus: parseJanus(env),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicAddress: env.PUBLIC_ADDRESS || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownGraceMs,
  };
}

/**
 * JWT_SECRET from the environment (at least MIN_SECRET_LENGTH characters, or the server refuses to
 * start), else one generated on first run (64 random base64url characters) and kept in the data
 * directory, readable by this user only.
 */
export function jwtSecret(dataDir: string, env = process.env): string {
  if (env.JWT_SECRET !== undefined) {
    if (env.JWT_SECRET.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (it has ${env.JWT_SECRET.length}). ` +
          "Make one with `openssl rand -base64 48`, or leave JWT_SECRET unset to have one generated in DATA_DIR.",
      );
    }
    return env.JWT_SECRET;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "jwt-secret");
  if (fs.existsSync(file)) {
    const kept = fs.readFileSync(file, "utf8").trim();
    if (kept.length < MIN_SECRET_LENGTH) throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters; delete it to have a new one generated (everyone signs in again)`);
    return kept;
  }
  const secret = randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
