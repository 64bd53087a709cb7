import { appendFileSync, existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A fixed CPU budget for bench processes: a cgroup (v1 `cpu` controller) with a CFS quota per
 * period, so each server process gets the same share of a core whatever else runs on it. Needs
 * root and a writable /sys/fs/cgroup/cpu. Only the PIDs the bench started are put in a group;
 * `remove()` moves any still there back to the root group and deletes the group.
 */
const ROOT = "/sys/fs/cgroup/cpu";

/** Why budgets cannot be set here, or undefined when they can. */
export function cpuBudgetsUnavailable(): string | undefined {
  if (!existsSync(join(ROOT, "cpu.cfs_quota_us"))) return `no cgroup v1 cpu controller at ${ROOT}`;
  const probe = join(ROOT, `breathing-room-bench-probe-${process.pid}`);
  try {
    mkdirSync(probe);
    writeFileSync(join(probe, "cpu.cfs_period_us"), "10000");
    return undefined;
  } catch (e) {
    return `cannot create a cgroup under ${ROOT} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; it needs root)`;
  } finally {
    try {
      rmdirSync(probe);
    } catch {
      // it was never made
    }
  }
}

export interface CpuGroup {
  name: string;
  /** Put a process (all its threads) in the group. */
  add(pid: number): void;
  /** CFS periods so far, and how many of them ran out of quota. */
  stat(): { periods: number; throttled: number };
  /** Move what is left back to the root group and delete the group. */
  remove(): void;
}

const made = new Set<CpuGroup>();
// A bench that dies half-way still leaves no group behind.
process.once("exit", () => {
  for (const g of made) g.remove();
});

/**
 * A new group `name` (unique to this run) with `quotaUs` of CPU time every `periodUs` (no quota
 * when omitted) and CFS weight `shares` (1024 is every other process's).
 */
export function cpuGroup(name: string, o: { quotaUs?: number; periodUs?: number; shares?: number }): CpuGroup {
  const dir = join(ROOT, name);
  mkdirSync(dir);
  if (o.periodUs) writeFileSync(join(dir, "cpu.cfs_period_us"), String(o.periodUs));
  if (o.quotaUs) writeFileSync(join(dir, "cpu.cfs_quota_us"), String(o.quotaUs));
  if (o.shares) writeFileSync(join(dir, "cpu.shares"), String(o.shares));
  let gone = false;
  const group: CpuGroup = {
    name,
    add: (pid) => writeFileSync(join(dir, "cgroup.procs"), String(pid)),
    stat() {
      const s = Object.fromEntries(readFileSync(join(dir, "cpu.stat"), "utf8").trim().split("\n").map((l) => l.split(" ") as [string, string]));
      return { periods: Number(s.nr_periods), throttled: Number(s.nr_throttled) };
    },
    remove() {
      if (gone) return;
      gone = true;
      made.delete(group);
      try {
        for (const pid of readFileSync(join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean)) {
          try {
            appendFileSync(join(ROOT, "cgroup.procs"), pid);
          } catch {
            // exited meanwhile
          }
        }
        rmdirSync(dir);
      } catch (e) {
        console.warn(`could not remove cgroup ${dir}: ${(e as Error).message}`);
      }
    },
  };
  made.add(group);
  return group;
}
