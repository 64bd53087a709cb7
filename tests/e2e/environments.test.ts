import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, openApp, type Session } from "./browser";

interface TestWindow {
  __brTest: {
    gl: { info: { render: { calls: number; frame: number } } };
    scene: {
      getObjectByName(name: string): { scale: { x: number }; material: { uniforms: { uBrightness: { value: number } } } } | undefined;
    };
    store: { getState(): Record<string, (...args: unknown[]) => void> };
    frame: { fullness: number };
  };
}

async function practise(page: Page, environment: string, reducedMotion: boolean): Promise<void> {
  await page.evaluate(
    ({ environment, reducedMotion }) => {
      const st = (window as unknown as TestWindow).__brTest.store.getState();
      st.restart!();
      st.updateSettings!({ environment, reducedMotion });
      st.chooseExercise!("box");
      st.chooseLength!({ kind: "minutes", minutes: 1 });
      st.checkIn!(null);
    },
    { environment, reducedMotion },
  );
}

/** Orb scale and breath fullness, sampled over a few seconds of the first inhale and hold, from the second frame drawn after the call. */
async function sampleOrb(page: Page): Promise<{ scale: number; brightness: number; fullness: number }[]> {
  const samples: { scale: number; brightness: number; fullness: number }[] = [];
  // A scene drawn in software is paced (client/scene/softwarePacing.tsx): the orb takes up what was
  // just chosen at its next frame, which can be half a second away.
  const drawn = () => page.evaluate(() => (window as unknown as TestWindow).__brTest.gl.info.render.frame);
  const from = await drawn();
  await expect.poll(drawn, { timeout: 10_000 }).toBeGreaterThanOrEqual(from + 2);
  for (let i = 0; i < 8; i++) {
    samples.push(
      await page.evaluate(() => {
        const t = (window as unknown as TestWindow).__brTest;
        const orb = t.scene.getObjectByName("breathing-orb");
        return { scale: orb?.scale.x ?? Number.NaN, brightness: orb?.material.uniforms.uBrightness.value ?? Number.NaN, fullness: t.frame.fullness };
      }),
    );
    await page.waitForTimeout(400);
  }
  return samples;
}

describe("environments and the orb", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"));
    await s.page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.gl));
  });

  afterAll(async () => {
    await s?.close();
  });

  it.each(["shore", "forest", "night"])("draws %s within 30 draw calls", async (environment) => {
    await practise(s.page, environment, false);
    await s.page.waitForTimeout(3000);
    const calls = await s.page.evaluate(() => (window as unknown as TestWindow).__brTest.gl.info.render.calls);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(30);
    await s.page.screenshot({ path: join(ARTIFACTS, `environment-${environment}.png`) });
  });

  it("the orb grows with the breath", async () => {
    await practise(s.page, "night", false);
    const samples = await sampleOrb(s.page);
    const scales = samples.map((x) => x.scale);
    expect(Math.max(...scales) - Math.min(...scales)).toBeGreaterThan(0.05);
  });

  it("in reduced-motion mode the orb keeps its size while the breath goes on", async () => {
    await practise(s.page, "night", true);
    const samples = await sampleOrb(s.page);
    const scales = samples.map((x) => x.scale);
    const fullness = samples.map((x) => x.fullness);
    expect(Math.max(...fullness) - Math.min(...fullness)).toBeGreaterThan(0.2);
    expect(scales.every((v) => Number.isFinite(v))).toBe(true);
    expect(Math.max(...scales) - Math.min(...scales)).toBeLessThan(1e-6);
    // The breath still shows: the orb brightens and dims instead.
    const brightness = samples.map((x) => x.brightness);
    expect(Math.max(...brightness) - Math.min(...brightness)).toBeGreaterThan(0.05);
  });

  it("makes no request to any origin but its own", () => {
    expect(s.thirdParty()).toEqual([]);
  });
});
