import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpus } from "node:os";

/**
 * Bench processes: servers and bots each run in their own Node process, pinned with `taskset`
 * (server on core 0, bots and this orchestrator on the last core), so "one core" means one core.
 * Every process started here is remembered by pid and ended by pid, never by name.
 */

/** The core the server under test runs on. */
export const SERVER_CORE = 0;
/** The core bots (and this orchestrator) run on: the last one, or 0 on a one-core machine. */
export const BOT_CORE = Math.max(0, cpus().length - 1);

const started = new Set<ChildProcess>();

/** Pin this process (and the threads it already has) to the bots' core. */
export function pinSelf(): void {
  pin(process.pid, BOT_CORE);
}

function pin(pid: number, core: number): void {
  execFileSync("taskset", ["-a", "-pc", String(core), String(pid)], { stdio: "ignore" });
}

/** A child process that answers requests over the IPC channel (see `serveRequests`). */
export interface Worker {
  pid: number;
  /** Send a request and wait for its answer (rejects after `timeoutMs`). */
  request<T = unknown>(type: string, body?: unknown, timeoutMs?: number): Promise<T>;
  /** Lines the process printed, for errors. */
  output(): string;
  /** End it (SIGTERM, then SIGKILL after 3 s) and wait until it is gone. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** script to run: a .ts file (run through tsx) or a .js/.cjs file */
  script: string;
  args?: string[];
  /** the core it runs on, or a list of cores as taskset reads it ("0-1") */
  core: number | string;
  env?: Record<string, string>;
  /** extra Node flags, e.g. --expose-gc */
  nodeFlags?: string[];
  /** modules to preload with --import (before the script) */
  preload?: string[];
  /** resolve once the process sends `{ ready: ... }`; reject after this many ms @default 30000 */
  readyTimeoutMs?: number;
}

/** Start a pinned Node process with an IPC channel and wait for its `ready` message. */
export async function startWorker<Ready = unknown>(o: StartOptions): Promise<{ worker: Worker; ready: Ready }> {
  const flags = [...(o.nodeFlags ?? []), "--import", "tsx", ...(o.preload ?? []).flatMap((p) => ["--import", p])];
  // taskset execs node, so the child and everything it spawns stay on the core.
  const child = spawn("taskset", ["-c", String(o.core), process.execPath, ...flags, o.script, ...(o.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, ...o.env },
  });
  started.add(child);
  let out = "";
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000);
    if (process.env.BENCH_DEBUG) process.stderr.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  let onReady: ((v: unknown) => void) | undefined;
  child.on("message", (m: { id?: number; ok?: boolean; body?: unknown; error?: string; ready?: unknown }) => {
    if ("ready" in m) return onReady?.(m.ready);
    const p = m.id === undefined ? undefined : pending.get(m.id);
    if (!p) return;
    pending.delete(m.id!);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.body);
    else p.reject(new Error(m.error ?? "request failed"));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    started.delete(child);
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`${o.script} exited (${code ?? signal}) during a request:\n${out}`));
    }
    pending.clear();
  });
  const worker: Worker = {
    pid: child.pid!,
    request<T>(type: string, body?: unknown, timeoutMs = 60_000) {
      return new Promise<T>((resolve, reject) => {
        if (child.exitCode !== null || !child.connected) return reject(new Error(`${o.script} is not running:\n${out}`));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${o.script}: "${type}" not answered within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        child.send({ id, type, body });
      });
    },
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(killer);
    },
  };
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${o.script} not ready within ${o.readyTimeoutMs ?? 30_000} ms:\n${out}`)), o.readyTimeoutMs ?? 30_000);
    onReady = (v) => {
      clearTimeout(timer);
      resolve(v as Ready);
    };
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${o.script} exited with ${code} before it was ready:\n${out}`));
    });
  }).catch(async (e: unknown) => {
    await worker.stop();
    throw e;
  });
  return { worker, ready };
}

/** End every process this orchestrator started and that is still running (by pid). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...started].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await gone;
      clearTimeout(killer);
    }),
  );
}

type Handler = (body: never) => unknown;

/**
 * In a worker: answer requests from the orchestrator with `handlers[type](body)`, and say ready.
 * The worker exits when the orchestrator goes away (its IPC channel closes).
 */
export function serveRequests(handlers: Record<string, Handler>, ready: unknown): void {
  if (!process.send) throw new Error("not started by the bench orchestrator (no IPC channel)");
  process.on("message", (m: { id: number; type: string; body: unknown }) => {
    const handler = handlers[m.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request ${m.type}`);
        return handler(m.body as never);
      })
      .then(
        (body) => process.send?.({ id: m.id, ok: true, body }),
        (e: unknown) => process.send?.({ id: m.id, ok: false, error: (e as Error)?.stack ?? String(e) }),
      );
  });
  process.on("disconnect", () => process.exit(0));
  process.send({ ready });
}
