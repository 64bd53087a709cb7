import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "vite";

const ROOT = resolve(import.meta.dirname, "../..");
/** The test build exposes the emulated headset and test hooks; never served by a plain `npm start`. */
const TEST_CLIENT_DIR = join(ROOT, "dist", "client-test");

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

/** Starts `npm start` exactly as a user would, on loopback, with a throwaway data directory. */
function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, CLIENT_DIR: TEST_CLIENT_DIR, SKIP_CLIENT_BUILD: "1" },
  });
  return new Promise((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/i.test(output)) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

export default async function setup(project: TestProject) {
  await build({
    configFile: join(ROOT, "vite.config.ts"),
    mode: "test",
    logLevel: "warn",
    build: { outDir: TEST_CLIENT_DIR, emptyOutDir: true },
  });
  const dataDir = mkdtempSync(join(tmpdir(), "breathing-room-e2e-"));
  const port = await freePort();
  const server = await startServer(port, dataDir);
  project.provide("baseURL", `http://127.0.0.1:${port}`);
  return () => {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
