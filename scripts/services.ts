import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./freePort";

/**
 * Debian's redis-server and Postgres started on loopback for one test or benchmark, each on its own
 * port and directory, stopped by the PID we started. CI installs both (.ci/run).
 */
export interface Service {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A binary on PATH, else in Debian's versioned Postgres directory; undefined when not installed. */
export function findBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  const pgRoot = "/usr/lib/postgresql";
  if (fs.existsSync(pgRoot)) {
    const versions = fs.readdirSync(pgRoot).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const file = path.join(pgRoot, v, "bin", name);
      if (fs.existsSync(file)) return file;
    }
  }
  return undefined;
}

/** Why a service cannot start here (binary missing), or undefined when it can. */
export function missing(service: "redis" | "postgres"): string | undefined {
  if (service === "redis") return findBinary("redis-server") ? undefined : "redis-server is not installed (apt-get install redis-server)";
  return findBinary("initdb") && findBinary("postgres") ? undefined : "postgresql is not installed (apt-get install postgresql)";
}

function waitForPort(port: number, child: ChildProcess, log: () => string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`exited with ${child.exitCode}: ${log()}`));
      const sock = net.connect(port, "127.0.0.1");
      sock.once("connect", () => {
        sock.destroy();
        resolve();
      });
      sock.once("error", () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`no answer on port ${port}: ${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<Service> {
  const bin = findBinary("redis-server");
  if (!bin) throw new Error(missing("redis"));
  const port = await freePort();
  const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-2000)));
  child.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-2000)));
  await waitForPort(port, child, () => out);
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopChild(child, "SIGTERM") };
}

/**
 * A throwaway Postgres cluster (initdb into a temp dir, trust auth on 127.0.0.1 only). Postgres will
 * not run as root, so as root it runs as the `postgres` user Debian's package creates.
 */
export async function startPostgres(): Promise<Service> {
  const initdb = findBinary("initdb");
  const postgres = findBinary("postgres");
  if (!initdb || !postgres) throw new Error(missing("postgres"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-pg-"));
  const asRoot = process.getuid?.() === 0;
  const drop = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--clear-groups", cmd, ...args]] : [cmd, args];
  if (asRoot) {
    const pw = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const uid = Number(pw.stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid)) throw new Error("running as root needs the postgres user (Debian's postgresql package creates it)");
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const [icmd, iargs] = drop(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const init = spawnSync(icmd, iargs, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [pcmd, pargs] = drop(postgres, [
    "-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1",
    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
  ]);
  const child = spawn(pcmd, pargs, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  // The port opens before the cluster takes sessions ("the database system is starting up").
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (d: Buffer) => {
      out = (out + d.toString()).slice(-4000);
      if (out.includes("ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`postgres exited with ${code}: ${out}`)));
  });
  await Promise.race([ready, waitForPort(port, child, () => out).then(() => ready)]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid: child.pid!,
    async stop() {
      // SIGINT is Postgres' "fast" shutdown: sessions ended, no waiting for clients.
      await stopChild(child, "SIGINT");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
