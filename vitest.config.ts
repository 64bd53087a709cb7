import { defineConfig } from "vitest/config";

/**
 * One `vitest run` covers every layer. Room and e2e suites share ports and a
 * browser, so they run in forks, one file at a time. The browser suite runs
 * after the others (sequence.groupOrder): software WebGL in Chromium takes a
 * whole core, and the room, scale-out and bench suites measure time (reconnection
 * within 10 s, clocks, rates) that a loaded machine would blur.
 */
export default defineConfig({
  test: {
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
          fileParallelism: false,
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
