import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/freePort";
import { certificateExpiry, selfSignedCertificate } from "../../server/tls";

const DAY = 24 * 3600 * 1000;

const root = path.resolve(import.meta.dirname, "../..");
const started: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  port: number;
  dataDir: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a child process (no client build), with `env` on top of a clean one. */
async function start(env: Record<string, string | undefined>, imports: string[] = [], prepare?: (dataDir: string) => void): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-proc-"));
  prepare?.(dataDir);
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-proc-client-"));
  dirs.push(dataDir, clientDir);
  const port = await freePort();
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NODE_ENV: undefined, JWT_SECRET: undefined, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, CLIENT_DIR: clientDir, SKIP_CLIENT_BUILD: "1", ...env })) {
    if (v !== undefined) childEnv[k] = v;
  }
  const child = spawn(process.execPath, ["--import", "tsx", ...imports.flatMap((m) => ["--import", m]), "server/index.ts"], { cwd: root, env: childEnv });
  started.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, port, dataDir, out: () => out, err: () => err, exited };
}

async function until(what: string, predicate: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listening = (r: Run) => until("listening", () => r.out().includes("listening on"));
const noInternals = (text: string) => {
  expect(text).not.toContain("Quiet Fox 77");
  expect(text).not.toContain("10.1.2.3");
  expect(text).not.toMatch(/\n\s+at /);
};

describe("JWT_SECRET", () => {
  it("a secret shorter than 32 characters stops the start with one clear line, no stack", async () => {
    const r = await start({ JWT_SECRET: "too-short-secret" });
    expect(await r.exited).toBe(1);
    expect(r.err()).toContain("JWT_SECRET must be at least 32 characters");
    expect(r.err()).not.toMatch(/\n\s+at /);
    expect(r.out()).not.toContain("listening on");
  }, 60_000);

  it("with nothing set, the server starts on a generated secret kept in DATA_DIR for this user only", async () => {
    const r = await start({});
    await listening(r);
    const file = path.join(r.dataDir, "jwt-secret");
    expect(fs.readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(64);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    r.child.kill("SIGTERM");
    expect(await r.exited).toBe(0);
  }, 60_000);
});

describe("HTTPS=1 (the self-signed certificate)", () => {
  it("a kept certificate about to expire is renewed at start; no HSTS with a self-signed certificate", async () => {
    const soon = await selfSignedCertificate(fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-proc-cert-")), Date.now() - 350 * DAY);
    const r = await start({ HTTPS: "1" }, [], (dataDir) => {
      fs.writeFileSync(path.join(dataDir, "cert.pem"), soon.cert);
      fs.writeFileSync(path.join(dataDir, "key.pem"), soon.key);
    });
    await listening(r);
    expect(certificateExpiry(fs.readFileSync(path.join(r.dataDir, "cert.pem"), "utf8")) - Date.now()).toBeGreaterThan(300 * DAY);
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      https.get({ host: "127.0.0.1", port: r.port, path: "/api/join/AAA-AAA-AAA", rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.headers);
      }).on("error", reject);
    });
    expect(headers["content-security-policy"]).toBeTruthy();
    expect(headers["strict-transport-security"]).toBeUndefined();
  }, 90_000);
});

describe("errors nobody caught", () => {
  it("an unhandled rejection is logged without its payload, and the server keeps serving", async () => {
    const r = await start({ TROUBLE: "reject" }, ["./tests/server/fixtures/trouble.ts"]);
    await listening(r);
    r.child.kill("SIGUSR2");
    await until("the rejection logged", () => r.err().includes("unhandled rejection"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.child.exitCode).toBeNull();
    const res = await fetch(`http://127.0.0.1:${r.port}/api/join/AAA-AAA-AAA`);
    expect(res.status).toBe(404);
    noInternals(r.err());
    expect(r.err()).toContain("Error: could not seat");
  }, 60_000);

  it("an uncaught exception is logged without its payload, then the server shuts down cleanly and exits 1", async () => {
    const r = await start({ TROUBLE: "throw" }, ["./tests/server/fixtures/trouble.ts"]);
    await listening(r);
    const t0 = Date.now();
    r.child.kill("SIGUSR2");
    expect(await r.exited).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.err()).toContain("uncaught exception, shutting down");
    noInternals(r.err());
  }, 60_000);
});
