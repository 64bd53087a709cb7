// Shared by the e2e tests and the browser benchmarks: a test build of the client and `npm start` on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import { freePort } from "./freePort";

export const ROOT = resolve(import.meta.dirname, "..");
/** The test build exposes the emulated headset and test hooks; a plain `npm start` never serves it. */
export const TEST_CLIENT_DIR = join(ROOT, "dist", "client-test");

export async function buildTestClient(outDir = TEST_CLIENT_DIR): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's slower development build.
  process.env.NODE_ENV = "production";
  await build({ configFile: join(ROOT, "vite.config.ts"), mode: "test", logLevel: "warn", build: { outDir, emptyOutDir: true } });
}

export interface RunningServer {
  baseURL: string;
  stop: () => void;
}

/** Starts `npm start` as a user would, on loopback, with a throwaway data directory. */
export async function startServer(clientDir = TEST_CLIENT_DIR): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "breathing-room-"));
  const port = await freePort();
  const child: ChildProcess = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, CLIENT_DIR: clientDir, SKIP_CLIENT_BUILD: "1" },
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  await new Promise<void>((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/i.test(output)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  return { baseURL: `http://127.0.0.1:${port}`, stop };
}
