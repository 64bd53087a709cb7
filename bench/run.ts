/**
 * Runs benchmarks:
 *
 *   npm run bench -- <name>      one benchmark at full size; updates BENCHMARKS.md and bench/results/<name>.json
 *   npm run bench -- --quick     every group-room benchmark, small and short (< 3 min); JSON in bench/results/quick/
 *
 * It first fetches the peer (networked-aframe, from its npm tarball), then runs itself again inside
 * a new network namespace where only loopback exists (`unshare -n`), so no bench can reach anything
 * else. Servers and bots run in their own processes, pinned to their own cores (bench/lib/processes.ts).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pinSelf, stopAll } from "./lib/processes";
import { fetchNaf } from "./lib/systems";

const dir = import.meta.dirname;
/** The group-room benchmarks: what `--quick` runs, in this order. */
export const ROOM_BENCHES = ["circles", "scale", "clockSkew", "memory", "flood"];
/** Benchmarks that need the peer's server. */
const NEEDS_PEER = new Set(["circles", "scale", "clockSkew", "memory"]);

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const names = args.filter((a) => !a.startsWith("--"));
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && f !== "report.ts")
  .map((f) => f.replace(/\.ts$/, ""));

const selected = names.length ? names : quick ? ROOM_BENCHES : [];
if (selected.length === 0 || selected.some((n) => !available.includes(n))) {
  console.error(`usage: npm run bench -- <name> | --quick\navailable: ${available.join(", ")}`);
  process.exit(2);
}
if (quick) process.env.BENCH_MODE ??= "quick";

const onlyLoopback = Object.keys(networkInterfaces()).every((name) => name === "lo");
if (!onlyLoopback) {
  process.exit(reRunInNamespace());
}

pinSelf();
const t0 = performance.now();
let failed = false;
for (const name of selected) {
  console.log(`\n== ${name} (${process.env.BENCH_MODE ?? "full"}) ==`);
  try {
    const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { run?: () => Promise<unknown> };
    if (mod.run) await mod.run();
  } catch (e) {
    failed = true;
    console.error(`${name} failed:`, e);
  } finally {
    await stopAll();
  }
}
console.log(`\nDone in ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
process.exit(failed ? 1 : 0);

/** Fetch the peer if needed, then run this same command in a loopback-only namespace. */
function reRunInNamespace(): number {
  const env = { ...process.env };
  let peer: string | undefined;
  if (selected.some((n) => NEEDS_PEER.has(n)) && !env.BENCH_NAF_DIR) {
    try {
      peer = fetchNaf();
      env.BENCH_NAF_DIR = peer;
    } catch (e) {
      env.BENCH_NAF_ERROR = (e as Error).message;
      console.warn(`${(e as Error).message}\nRunning without the peer.`);
    }
  }
  const script = 'ip link set lo up && exec "$0" "$@"';
  const command = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  // As root `unshare -n`; otherwise a user namespace (-r) maps us to root inside it.
  const flags = process.getuid?.() === 0 ? "-n" : "-rn";
  const r = spawnSync("unshare", [flags, "sh", "-c", script, ...command], { stdio: "inherit", env });
  if (peer) rmSync(peer, { recursive: true, force: true });
  if (r.error) {
    console.error(`could not start a loopback-only network namespace (unshare -n): ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}
