import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openApp, type Session } from "./browser";

interface Rendered {
  /** RMS of the first 20 ms: the fade-in must start from silence */
  startRms: number;
  /** RMS once faded in (2–4 s) */
  rms: number;
  peak: number;
  /** zero crossings per second: a rough brightness of the sound */
  crossings: number;
}

/**
 * Each place's generated ambience, rendered offline in the browser: audible once
 * faded in, never clipping, starting from silence, and each place sounding different.
 */
describe("ambient sound", () => {
  let s: Session;
  const results: Record<string, Rendered> = {};

  beforeAll(async () => {
    s = await openApp(inject("baseURL"));
    await s.page.waitForFunction(() => Boolean((window as unknown as { __brTest?: { startAmbience?: unknown } }).__brTest?.startAmbience));
  });

  afterAll(async () => {
    await s?.close();
  });

  it.each(["shore", "forest", "night"])("%s is audible, gentle and fades in", async (env) => {
    const r = await s.page.evaluate(async (environment) => {
      type Start = (ctx: BaseAudioContext, env: string) => { output: AudioNode };
      const start = (window as unknown as { __brTest: { startAmbience: Start } }).__brTest.startAmbience;
      const rate = 22_050;
      const ctx = new OfflineAudioContext(1, rate * 4, rate);
      start(ctx, environment).output.connect(ctx.destination);
      const data = (await ctx.startRendering()).getChannelData(0);
      const rms = (from: number, to: number) => {
        let sum = 0;
        for (let i = from; i < to; i++) sum += data[i]! * data[i]!;
        return Math.sqrt(sum / (to - from));
      };
      let peak = 0;
      let crossings = 0;
      for (let i = 1; i < data.length; i++) {
        peak = Math.max(peak, Math.abs(data[i]!));
        if (i >= rate * 2 && Math.sign(data[i]!) !== Math.sign(data[i - 1]!)) crossings++;
      }
      return { startRms: rms(0, rate * 0.02), rms: rms(rate * 2, rate * 4), peak, crossings: crossings / 2 };
    }, env);
    results[env] = r;
    expect(r.rms).toBeGreaterThan(0.005);
    expect(r.peak).toBeLessThan(0.95);
    expect(r.startRms).toBeLessThan(r.rms / 10);
  });

  it("each place sounds different", () => {
    const bright = Object.values(results).map((r) => r.crossings);
    expect(bright).toHaveLength(3);
    expect(new Set(bright.map((c) => Math.round(c / 50))).size).toBeGreaterThan(1);
  });
});
