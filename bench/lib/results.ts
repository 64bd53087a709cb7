import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { machine, writeBenchmark } from "../report";

/**
 * How long and how large a run is:
 * - "full": `npm run bench -- <name>`: the figures in BENCHMARKS.md;
 * - "quick": `npm run bench -- --quick`: every room figure in a couple of minutes, JSON only;
 * - "tiny": the harness test in `npm test`: a few people for a second, to prove every figure comes out.
 */
export type Mode = "full" | "quick" | "tiny";

export function mode(): Mode {
  const m = process.env.BENCH_MODE;
  return m === "quick" || m === "tiny" ? m : "full";
}

/** Pick the value for the current mode. */
export function sized<T>(values: Record<Mode, T>): T {
  return values[mode()];
}

export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? join(import.meta.dirname, "..", "results");

/** The command that reproduces this run. */
export function command(name: string): string {
  return mode() === "quick" ? "npm run bench -- --quick" : `npm run bench -- ${name}`;
}

export interface Saved {
  name: string;
  mode: Mode;
  date: string;
  machine: { cores: number; cpu: string; node: string };
  command: string;
  figures: unknown;
}

/** Write `bench/results/<name>.json` (or under quick/ or the harness test's folder). */
export function saveResult(name: string, figures: unknown): string {
  const dir = mode() === "full" ? RESULTS_DIR : join(RESULTS_DIR, mode());
  mkdirSync(dir, { recursive: true });
  const saved: Saved = {
    name,
    mode: mode(),
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version },
    command: command(name),
    figures,
  };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`);
  return file;
}

/** Update BENCHMARKS.md (full runs only; quick and tiny runs leave it alone). */
export function report(section: string, title: string, body: string, name: string): void {
  if (mode() !== "full") return;
  writeBenchmark(section, title, `${body.trim()}\n\nMachine: ${machine()}. Command: \`${command(name)}\`.`);
}

/** Where an SVG plot goes: beside BENCHMARKS.md in full runs, with the JSON otherwise. */
export function plotPath(file: string): string {
  return mode() === "full" ? join(import.meta.dirname, "..", "..", "docs", "bench", file) : join(RESULTS_DIR, mode(), file);
}
