import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { janusInstalled } from "../../scripts/janus";

/**
 * The voice benchmark (bench/voice.ts), run once at tiny size — a circle of 3 people talking for one
 * cycle of their microphones (2.6 s), WebRTC peers in Node running the client's voice code, spread
 * over two processes (2 people in one, 1 in the other, as a circle of 16 is spread over four), in the
 * mesh with a page listening, then through Janus where it is installed — so it cannot rot: every figure comes out and
 * BENCHMARKS.md is left alone. It drives Chromium, so it runs with the browser files; it reuses
 * their test build. Speed is not asserted here (see BENCHMARKS.md, "Voice").
 */
const ROOT = join(import.meta.dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "bench-voice-"));
const BENCHMARKS = join(ROOT, "BENCHMARKS.md");
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Part {
  rows: { n: number; up: number; down: number; downMin: number; processes: number; packets: { min: number; pairs: number } }[];
  missing: unknown[];
  listener: { voices: number; down: number; cpuPercent: number } | null;
  pieces?: { n: number; holderUp: number; listenerUp: number; listenerDown: number; packets: { min: number; pairs: number } }[];
  piecesMissing?: unknown[];
}

describe("voice bench harness", () => {
  let status: number | null = null;
  let log = "";
  let figures: { mesh: Part; sfu?: Part | { missing: string } };
  let benchmarksBefore = 0;
  beforeAll(() => {
    benchmarksBefore = statSync(BENCHMARKS).mtimeMs;
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "voice"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 150_000,
      env: { ...process.env, BENCH_MODE: "tiny", BENCH_RESULTS_DIR: out, E2E_CLIENT_BUILT: "1", VOICE_PER_PROCESS: "2" },
    });
    status = run.status;
    log = `${run.stdout}\n${run.stderr}`;
    figures = JSON.parse(readFileSync(join(out, "tiny", "voice.json"), "utf8")).figures;
  }, 160_000);

  it("runs to the end and leaves BENCHMARKS.md alone", () => {
    expect(status, log).toBe(0);
    expect(statSync(BENCHMARKS).mtimeMs).toBe(benchmarksBefore);
  });

  const everyFigure = (part: Part) => {
    expect(part.missing, JSON.stringify(part.missing)).toEqual([]);
    expect(part.rows.map((r) => r.n)).toEqual([3]);
    const [row] = part.rows;
    expect(row!.up).toBeGreaterThan(0);
    // Every page received audio, not only on average: each of the other two voices, packets counted per voice.
    expect(row!.downMin).toBeGreaterThan(0);
    expect(row!.packets.pairs).toBe(6);
    expect(row!.packets.min).toBeGreaterThan(0);
    expect(row!.processes).toBe(2);
    // The listening page (no microphone) plays all three voices and receives their audio.
    expect(part.listener?.voices).toBe(3);
    expect(part.listener!.down).toBeGreaterThan(0);
    expect(part.listener!.cpuPercent).toBeGreaterThan(0);
  };

  it("measures the mesh: per person, the talking piece and a listening page", () => {
    everyFigure(figures.mesh);
    // With the talking piece, the holder sends audio and the others only reports (RTCP).
    expect(figures.mesh.piecesMissing, JSON.stringify(figures.mesh.piecesMissing)).toEqual([]);
    const [piece] = figures.mesh.pieces!;
    expect(piece!.n).toBe(3);
    expect(piece!.holderUp).toBeGreaterThan(2 * piece!.listenerUp);
    expect(piece!.listenerDown).toBeGreaterThan(0);
    // Both listeners receive the holder's voice.
    expect(piece!.packets.pairs).toBe(2);
    expect(piece!.packets.min).toBeGreaterThan(0);
  });

  it.runIf(janusInstalled())("measures the same circle through Janus", () => {
    const sfu = figures.sfu as Part;
    expect(sfu.missing, JSON.stringify(figures.sfu)).toEqual([]);
    expect(sfu.rows.map((r) => r.n)).toEqual([3]);
    // One stream up whatever the size; everyone else's down.
    expect(sfu.rows[0]!.up).toBeGreaterThan(0);
    expect(sfu.rows[0]!.downMin).toBeGreaterThan(0);
  });
});
