import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * One `vitest run` covers every layer. The core, client, server and bench suites run first, two
 * files at a time even on a 2-core machine (vitest's default there is one): each server test boots
 * its own app on a free loopback port with its own data directory, and most of their time is spent
 * waiting on sockets and timers. The browser suite runs after them (sequence.groupOrder), one file
 * at a time: software WebGL in Chromium takes a whole core — two browser files side by side on two
 * cores took longer than one after the other (a layout file went from ~100 s to ~570 s).
 */
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
    projects: [
      {
        test: { name: "core", include: ["tests/core/**/*.test.ts"], environment: "node" },
      },
      {
        test: {
          name: "server",
          include: ["tests/server/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "client",
          include: ["tests/client/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          // Allocation tests of hot paths measure the heap after a forced collection.
          execArgv: ["--expose-gc"],
          // In-VR panels lay out with yoga (WebAssembly) in happy-dom: a test of nine presses takes
          // seconds while the room and bench suites share the two cores. Speed lives in bench/.
          testTimeout: 20_000,
          setupFiles: ["tests/client/setup.ts"],
        },
      },
      {
        // The bench harness with tiny sizes: its bots and servers are processes of their own.
        test: { name: "bench", include: ["tests/bench/**/*.test.ts"], environment: "node", pool: "forks", testTimeout: 240_000 },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          fileParallelism: false,
          globalSetup: ["tests/e2e/globalSetup.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
