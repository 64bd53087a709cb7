import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, openApp, type Session } from "./browser";

/**
 * A headset visitor on an emulated Meta Quest 3 (IWER, test build only):
 * enters VR, chooses with the controller ray and with a hand pinch, sees the
 * pacer run, and opens crisis help from inside VR.
 */
type Device = "controller-right" | "hand-right";

interface TestWindow {
  __brTest: {
    xrDevice: {
      primaryInputMode: string;
      remote: { dispatch(method: string, params: unknown): Promise<unknown> };
      controllers: { right: { updateButtonValue(button: string, value: number): void } };
    };
    vrTargets(): { label: string; position: [number, number, number] }[];
    store: { getState(): { screen: string; xrMode: string | null; crisisOpen: boolean; practice: { status: string }; draft: { exerciseId: string | null } } };
    frame: { fullness: number; caption: string };
    gl: { info: { render: { frame: number } } };
  };
}

const state = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState());

/** Wait until the renderer has drawn `n` more frames (bounded: 15 s). */
async function framesPass(page: Page, n: number): Promise<void> {
  const start = await page.evaluate(() => (window as unknown as TestWindow).__brTest.gl.info.render.frame);
  await page.waitForFunction((target) => (window as unknown as TestWindow).__brTest.gl.info.render.frame >= target, start + n, { timeout: 15_000 });
}

/** Where the in-VR button labelled `label` is now, or null while it is not shown. */
const targetOf = (page: Page, label: string) =>
  page.evaluate((l) => (window as unknown as TestWindow).__brTest.vrTargets().find((t) => t.label === l)?.position ?? null, label);

/**
 * Aim `device` at the in-VR button labelled `label` and select it (trigger or pinch).
 * The emulated headset draws 2–4 frames a second here, so wait for the panel to settle
 * (it is re-anchored in front of the viewer on entry) and for the ray's hover to register.
 */
async function press(page: Page, label: string, device: Device): Promise<void> {
  let position: [number, number, number] | null = null;
  let steady = 0;
  for (let i = 0; i < 60 && steady < 3; i++) {
    const now = await targetOf(page, label);
    steady = now && position && now.every((v, k) => Math.abs(v - position![k]!) < 1e-4) ? steady + 1 : 0;
    position = now;
    await page.waitForTimeout(300);
  }
  expect(position, `in-VR button "${label}" shown`).not.toBeNull();
  const [x, y, z] = position!;
  await page.evaluate(
    ({ device, target }) => (window as unknown as TestWindow).__brTest.xrDevice.remote.dispatch("look_at", { device, target }),
    { device, target: { x, y, z } },
  );
  await framesPass(page, 4);
  // iwer applies press and release within one frame update when a frame outlasts the
  // duration, so the press must span several of this machine's slow frames.
  await page.evaluate((device) => (window as unknown as TestWindow).__brTest.xrDevice.remote.dispatch("select", { device, duration: 0.6 }), device);
}

describe("calm space in a headset", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/?xr=emulate");
    await s.page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.xrDevice));
  });

  afterAll(async () => {
    await s?.close();
  });

  it("enters VR", async () => {
    await s.page.getByRole("button", { name: "Enter VR" }).click();
    await expect.poll(async () => (await state(s.page)).xrMode, { timeout: 20_000 }).toBe("immersive-vr");
  });

  it("chooses a place and an exercise with the controller ray", async () => {
    const { page } = s;
    await press(page, "Shoreline at dusk", "controller-right");
    await expect.poll(async () => (await state(page)).screen, { timeout: 10_000 }).toBe("exercise");
    await press(page, "Box breathing", "controller-right");
    await expect.poll(async () => (await state(page)).draft.exerciseId, { timeout: 10_000 }).toBe("box");
  });

  it("chooses the length and starts with a hand pinch, and the pacer runs", async () => {
    const { page } = s;
    await page.evaluate(() => {
      (window as unknown as TestWindow).__brTest.xrDevice.primaryInputMode = "hand";
    });
    await page.waitForTimeout(1000);
    if ((await state(page)).screen === "exercise") await press(page, "Continue", "hand-right");
    await press(page, "1 minute", "hand-right");
    await expect.poll(async () => (await state(page)).screen, { timeout: 10_000 }).toBe("check-in");
    await press(page, "Skip", "hand-right");
    await expect.poll(async () => (await state(page)).practice.status, { timeout: 10_000 }).toBe("running");

    // The orb follows the breath: fullness rises during the first inhale.
    const a = await page.evaluate(() => (window as unknown as TestWindow).__brTest.frame.fullness);
    await page.waitForTimeout(1500);
    const b = await page.evaluate(() => (window as unknown as TestWindow).__brTest.frame.fullness);
    expect(b).toBeGreaterThan(a);
    await page.screenshot({ path: join(ARTIFACTS, "vr-view.png") });
  });

  it("opens crisis help from inside VR with the ray", async () => {
    const { page } = s;
    await page.evaluate(() => {
      (window as unknown as TestWindow).__brTest.xrDevice.primaryInputMode = "controller";
    });
    await page.waitForTimeout(1000);
    await press(page, "Need help now?", "controller-right");
    await expect.poll(async () => (await state(page)).crisisOpen, { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "vr-crisis.png") });
  });

  it("makes no request to any origin but its own (controller and hand models included)", () => {
    expect(s.requests.some((u) => u.includes("/input-profiles/"))).toBe(true);
    expect(s.thirdParty()).toEqual([]);
  });
});
