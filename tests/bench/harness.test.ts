import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The group-room benchmarks, run once with a few people for a second each, so the harness cannot
 * rot: every bench finishes and writes every figure. Speed is not asserted here (see BENCHMARKS.md).
 */
const ROOT = join(import.meta.dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "bench-harness-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (name: string) => JSON.parse(readFileSync(join(out, "tiny", `${name}.json`), "utf8"));

describe("bench harness", () => {
  let status: number | null = null;
  let log = "";
  let systems: string[] = [];
  beforeAll(() => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "--quick"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 230_000,
      env: { ...process.env, BENCH_MODE: "tiny", BENCH_RESULTS_DIR: out },
    });
    status = run.status;
    log = `${run.stdout}\n${run.stderr}`;
    // Without the registry (and nothing in npm's cache) the peer cannot be fetched: said in the figures.
    systems = read("circles").figures.missing.length ? ["ours", "naive"] : ["ours", "naive", "naf"];
  }, 240_000);

  it("runs every group-room bench to the end", () => {
    expect(status, log).toBe(0);
  });

  it("measures bytes and latency for every system", () => {
    const { rows } = read("circles").figures;
    expect(rows.map((r: { system: string }) => r.system)).toEqual(systems);
    for (const r of rows) {
      expect(r.bots.down.mean, r.system).toBeGreaterThan(0);
      expect(r.bots.up.mean, r.system).toBeGreaterThan(0);
      expect(r.bots.latency.n, r.system).toBeGreaterThan(0);
      for (const p of ["p50", "p95", "p99"]) expect(Number.isFinite(r.bots.latency[p]), `${r.system} latency ${p}`).toBe(true);
      expect(r.server.cpuPercent, r.system).toBeGreaterThan(0);
    }
  });

  it("draws the scale curve with patch time and event-loop delay", () => {
    const [ours] = read("scale").figures.curves;
    expect(ours.system).toBe("ours");
    expect(ours.steps[0].clients).toBe(16);
    expect(ours.steps[0].server.patch.count).toBeGreaterThan(0);
    expect(ours.steps[0].server.loopDelay.p99).toBeGreaterThanOrEqual(0);
    expect(ours.steps[0].server.cpuPercent).toBeGreaterThan(0);
    // Ours delivers pose frames: every client receives some.
    expect(ours.steps[0].bots.messagesPerSecond).toBeGreaterThan(0);
    expect(Number.isInteger(ours.knee)).toBe(true);
  });

  it("measures clock skew on loopback and through the delay proxy", () => {
    const { rows } = read("clockSkew").figures;
    const ours = rows.filter((r: { system: string }) => r.system === "ours");
    expect(ours.map((r: { path: string }) => r.path)).toEqual(["loopback", "delayed"]);
    // The proxy really delays: 200 ± 50 ms each way.
    expect(ours[1].rtt.p50).toBeGreaterThan(250);
    for (const r of rows) {
      expect(r.skew.n).toBeGreaterThan(0);
      expect(Number.isFinite(r.skew.p95)).toBe(true);
    }
  });

  it("measures memory per person for every system", () => {
    const { rows } = read("memory").figures;
    expect(rows.map((r: { system: string }) => r.system)).toEqual(systems);
    for (const r of rows) {
      expect(Number.isFinite(r.perPersonKB)).toBe(true);
      expect(Number.isFinite(r.perCircleKB)).toBe(true);
    }
  });

  it("cuts the flooder off and measures both circles before and during the flood", () => {
    const f = read("flood").figures;
    expect(f.bursts.length).toBeGreaterThan(0);
    expect(f.bursts[0].closeCode).toBe(4002);
    expect(f.before.calm.n).toBeGreaterThan(0);
    expect(f.during.flooded.n).toBeGreaterThan(0);
  });
});
