import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from "node:perf_hooks";

/**
 * What a bench server reports about itself over a measuring window: CPU, event-loop delay,
 * patch time (Colyseus servers) and memory. Loaded into every server under test, including
 * networked-aframe's (as a preload, without touching its code).
 */
export interface ServerWindow {
  /** wall-clock length of the window, s */
  seconds: number;
  /** CPU time (user + system) over wall time, % of one core */
  cpuPercent: number;
  /** event-loop delay, ms */
  loopDelay: { p50: number; p99: number; max: number };
  /**
   * time one room spends in one `broadcastPatch` (encode + hand every client its frame) or, for
   * ours, one pose frame (PoseRelay.flush: encode + hand it to everyone seated), ms; absent for
   * non-Colyseus servers
   */
  patch?: { count: number; p50: number; p99: number; max: number };
  /** after the window */
  rssMB: number;
  heapUsedMB: number;
}

export interface Memory {
  rssMB: number;
  heapUsedMB: number;
  externalMB: number;
  arrayBuffersMB: number;
}

const ms = (ns: number) => ns / 1e6;
const LOOP_RESOLUTION_MS = 5;
const MB = (b: number) => b / (1024 * 1024);

export function startProbe() {
  // 5 ms sampling: fine enough to see a 20 ms p99, cheap enough not to count against the server.
  // Node records the whole time between two of its timer callbacks, so the delay is that minus 5 ms.
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const delay = (ns: number) => Math.max(0, ms(ns) - LOOP_RESOLUTION_MS);
  loop.enable();
  let patch: RecordableHistogram | undefined;
  let cpu = process.cpuUsage();
  let wall = performance.now();

  const memory = (): Memory => {
    const m = process.memoryUsage();
    return { rssMB: MB(m.rss), heapUsedMB: MB(m.heapUsed), externalMB: MB(m.external), arrayBuffersMB: MB(m.arrayBuffers) };
  };

  return {
    /** Time every `broadcastPatch` of this Room class (and its subclasses). */
    timePatches(roomClass: { prototype: { broadcastPatch(): boolean } }): void {
      this.time(roomClass.prototype, "broadcastPatch");
    },
    /** Time every call of `proto[method]` into the same histogram as patches (e.g. PoseRelay's flush). */
    time<K extends string>(proto: Record<K, (...args: never[]) => unknown>, method: K): void {
      patch ??= createHistogram();
      const original = proto[method];
      const h = patch;
      proto[method] = function timed(this: unknown, ...args: never[]) {
        const t = process.hrtime.bigint();
        const result = original.apply(this, args);
        h.record(Math.max(1, Number(process.hrtime.bigint() - t)));
        return result;
      } as (typeof proto)[K];
    },
    handlers: {
      "window.start": () => {
        loop.reset();
        patch?.reset();
        cpu = process.cpuUsage();
        wall = performance.now();
        return true;
      },
      "window.read": (): ServerWindow => {
        const used = process.cpuUsage(cpu);
        const seconds = (performance.now() - wall) / 1000;
        const m = memory();
        return {
          seconds,
          cpuPercent: ((used.user + used.system) / 1e6 / seconds) * 100,
          loopDelay: { p50: delay(loop.percentile(50)), p99: delay(loop.percentile(99)), max: delay(loop.max) },
          patch: patch && { count: patch.count, p50: ms(patch.percentile(50)), p99: ms(patch.percentile(99)), max: ms(patch.max) },
          rssMB: m.rssMB,
          heapUsedMB: m.heapUsedMB,
        };
      },
      /** Memory after full garbage collections (the server runs with --expose-gc). */
      memory: async (): Promise<Memory> => {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (!gc) throw new Error("start the server with --expose-gc");
        for (let i = 0; i < 3; i++) {
          gc();
          await new Promise((r) => setTimeout(r, 50));
        }
        return memory();
      },
    },
  };
}
