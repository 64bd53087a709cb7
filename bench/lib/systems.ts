import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/freePort";
import type { System } from "../bots/botHost";
import { BOT_CORE, SERVER_CORE, startWorker, type Worker } from "./processes";

const ROOT = join(import.meta.dirname, "..", "..");
const BENCH = join(ROOT, "bench");

/** The real peer, fetched at bench time from its npm tarball; its code is never committed. */
export const NAF_PACKAGE = "networked-aframe@0.14.3";

/** The systems, as the figures name them. */
export const SYSTEM_NAMES: Record<System, string> = {
  ours: "Breathing Room",
  naive: "naive Colyseus",
  naf: "networked-aframe 0.14.3",
};

/**
 * `npm pack networked-aframe@0.14.3` into a temporary folder and unpack it (from npm's cache when
 * it has it). Answers the folder, or throws with npm's reason. Runs before the bench enters its
 * loopback-only network namespace.
 */
export function fetchNaf(): string {
  const dir = mkdtempSync(join(tmpdir(), "naf-"));
  try {
    execFileSync("npm", ["pack", NAF_PACKAGE, "--prefer-offline", "--silent", "--pack-destination", dir], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack wrote no tarball");
    execFileSync("tar", ["xzf", tarball], { cwd: dir });
    return dir;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not fetch ${NAF_PACKAGE}: ${(e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message}`, { cause: e });
  }
}

/** Where run.ts unpacked the peer, or why it could not. */
export function nafDir(): string | undefined {
  const dir = process.env.BENCH_NAF_DIR;
  return dir && existsSync(join(dir, "package", "server", "socketio-server.js")) ? dir : undefined;
}

/** The systems this run can measure: all three, less the peer if it could not be fetched, less any not in BENCH_SYSTEMS (e.g. "ours,naf"). */
export function systemsAvailable(): { systems: System[]; missing: string[] } {
  const only = process.env.BENCH_SYSTEMS?.split(",");
  const pick = (s: System[]) => (only ? s.filter((x) => only.includes(x)) : s);
  if (nafDir()) return { systems: pick(["ours", "naive", "naf"]), missing: [] };
  return { systems: pick(["ours", "naive"]), missing: [`${SYSTEM_NAMES.naf}: ${process.env.BENCH_NAF_ERROR ?? "not fetched"}`] };
}

export interface RunningServer {
  system: System;
  port: number;
  worker: Worker;
}

/** Start `system`'s server on the server core, loopback only, and wait until it accepts connections. */
export async function startServer(system: System, options: { exposeGc?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  // BENCH_SERVER_FLAGS: extra Node flags for the server under test, e.g. "--cpu-prof" or "--trace-gc".
  const nodeFlags = [...(options.exposeGc ? ["--expose-gc"] : []), ...(process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? [])];
  let worker: Worker;
  if (system === "naf") {
    const dir = nafDir();
    if (!dir) throw new Error(`${SYSTEM_NAMES.naf} was not fetched`);
    ({ worker } = await startWorker({
      script: join(dir, "package", "server", "socketio-server.js"),
      preload: [join(BENCH, "servers", "nafProbe.ts")],
      core: SERVER_CORE,
      nodeFlags,
      // socket.io and express from our own devDependencies; NAF's server code as shipped.
      env: { PORT: String(port), NODE_PATH: join(ROOT, "node_modules"), NODE_ENV: "" },
    }));
  } else {
    const script = join(BENCH, "servers", system === "ours" ? "circleServer.ts" : "naiveServer.ts");
    ({ worker } = await startWorker({ script, core: SERVER_CORE, nodeFlags, env: { BENCH_PORT: String(port), NODE_ENV: "" } }));
  }
  await waitForPort(port);
  return { system, port, worker };
}

/** Start a bot process on the bots' core. */
export async function startBots(): Promise<Worker> {
  const { worker } = await startWorker({ script: join(BENCH, "bots", "botHost.ts"), core: BOT_CORE });
  return worker;
}

/** Wait until something accepts connections on 127.0.0.1:`port` (15 s at most). */
export async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listening on 127.0.0.1:${port} after 15 s`);
}
