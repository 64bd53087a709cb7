import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./freePort";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `npm start` as its own process on loopback: for tests and benchmarks that kill or signal it. */
export interface ServerProcess {
  port: number;
  pid: number;
  /** http://127.0.0.1:port */
  url: string;
  /** ws://127.0.0.1:port */
  ws: string;
  /** what it printed (last 8 KB) */
  output(): string;
  /** resolves with the exit code (or signal name) once it is gone */
  exited: Promise<number | string>;
  /** send a signal to this process (by its pid) */
  signal(sig: NodeJS.Signals): void;
  /** SIGKILL if still running, wait for it, remove its data directory */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  env?: Record<string, string | undefined>;
  /** reuse this port (a restart on the same address) */
  port?: number;
  /** reuse this data directory (a restart) */
  dataDir?: string;
  /** cores to pin to (taskset -c), e.g. "0" */
  cores?: string;
}

/** Start `server/index.ts` (no client build) and wait until it listens. */
export async function startServerProcess(o: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = o.port ?? (await freePort());
  const ownDir = !o.dataDir;
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-proc-"));
  const argv = [process.execPath, "--import", "tsx", path.join(root, "server/index.ts")];
  const [cmd, ...args] = o.cores ? ["taskset", "-c", o.cores, ...argv] : argv;
  const child: ChildProcess = spawn(cmd!, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SKIP_CLIENT_BUILD: "1",
      ...o.env,
    },
  });
  let out = "";
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-8192));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, sig) => resolve(code ?? sig ?? "?")));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes("listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    port,
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    output: () => out,
    exited,
    signal: (sig) => void child.kill(sig),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
