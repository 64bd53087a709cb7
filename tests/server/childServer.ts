import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/freePort";

/** The server as `npm start` runs it, in a child process (tests of the process itself). */

const root = path.resolve(import.meta.dirname, "../..");
const started: ChildProcess[] = [];
const dirs: string[] = [];

/** Kill what `start` started and remove its directories (call in afterEach). */
export function cleanUp(): void {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  child: ChildProcess;
  port: number;
  dataDir: string;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a child process (no client build), with `env` on top of a clean one. */
export async function start(env: Record<string, string | undefined>, imports: string[] = [], prepare?: (dataDir: string) => void): Promise<Run> {
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

export async function until(what: string, predicate: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

