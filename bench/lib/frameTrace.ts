// What one page's frames cost, from inside Chromium: draw calls (renderer.info), and main-thread
// scripting time per frame from a Chrome trace plus a CPU profile. Shared by the calm-space and
// group-room frame benchmarks.
import type { Page } from "playwright-core";
import { percentiles } from "./stats";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time, µs: excludes time the main thread was descheduled */
  tdur?: number;
}

export interface FrameCost {
  /** draw calls and triangles of the last frame drawn */
  calls: number;
  triangles: number;
  fps: number;
  /** scripting per frame: wall-clock p50 / p95 and thread-time p95, ms */
  p50: number;
  p95: number;
  cpuP95: number;
  /** mean per frame of profile samples in JavaScript (not native WebGL calls), ms */
  jsPerFrame: number;
  frames: number;
}

/**
 * Trace `page` for `traceMs`. Several requestAnimationFrame callbacks (three.js's loop, DOM pacer
 * drivers) run back to back in one frame: callbacks that follow each other within 1 ms are summed
 * into one frame's cost.
 */
export async function traceFrames(page: Page, traceMs: number): Promise<FrameCost> {
  const { calls, triangles } = await page.evaluate(() => {
    const gl = (window as never as { __brTest: { gl: { info: { render: { calls: number; triangles: number } } } } }).__brTest.gl;
    return { calls: gl.info.render.calls, triangles: gl.info.render.triangles };
  });
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once("Tracing.tracingComplete", () => done()));
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
  await cdp.send("Profiler.start");
  await page.waitForTimeout(traceMs);
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  // Time spent in our and the libraries' JavaScript (samples in functions with a script URL),
  // as opposed to native WebGL bindings waiting on the software GPU.
  const jsNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url !== ""]));
  let jsUs = 0;
  profile.samples?.forEach((id, i) => {
    if (jsNode.get(id)) jsUs += profile.timeDeltas?.[i] ?? 0;
  });
  const callbacks = events.filter((e) => e.name === "FireAnimationFrame" && e.ph === "X" && typeof e.dur === "number").sort((a, b) => a.ts - b.ts);
  const frames: number[] = [];
  const cpu: number[] = [];
  let groupEnd = -Infinity;
  for (const e of callbacks) {
    if (e.ts > groupEnd + 1000) {
      frames.push(0);
      cpu.push(0);
    }
    frames[frames.length - 1]! += e.dur! / 1000;
    cpu[cpu.length - 1]! += (e.tdur ?? e.dur!) / 1000;
    groupEnd = Math.max(groupEnd, e.ts + e.dur!);
  }
  const wall = percentiles(frames);
  return {
    calls,
    triangles,
    fps: frames.length / (traceMs / 1000),
    p50: wall.p50,
    p95: wall.p95,
    cpuP95: percentiles(cpu).p95,
    jsPerFrame: jsUs / 1000 / Math.max(1, frames.length),
    frames: frames.length,
  };
}
