import { execFileSync } from "node:child_process";

/**
 * How fast a core is right now: the time one fixed piece of JavaScript takes on it (integer math,
 * typed arrays and small short-lived objects, like the pose path), the median of five tries, ms. This
 * machine is a virtual one whose cores are shared with other machines: the same work can take
 * twice as long from one hour to the next without any program of ours being busier, which no
 * "others on its core" figure can see. Two runs of a bench compare only at a like speed. It is wall
 * time: programs sharing the core at that moment slow it too (a bench runs it before starting its own).
 */
const WORK = `
const words = new Uint32Array(384);
let h = 0;
const t0 = performance.now();
for (let i = 0; i < 1e7; i++) {
  const at = (i * 6) % 384;
  words[at] = (words[at] + i * 2654435761) >>> 0;
  const o = { seat: i & 63, w: words[at] ^ h };
  h = (h * 31 + o.w + o.seat) | 0;
}
process.stdout.write(String(performance.now() - t0) + " " + h);
`;

export function coreSpeedMs(core: number): number {
  const tries: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync("taskset", ["-c", String(core), process.execPath, "-e", WORK], { encoding: "utf8", timeout: 30_000 });
    tries.push(Number(out.split(" ")[0]));
  }
  return tries.sort((a, b) => a - b)[2]!;
}
