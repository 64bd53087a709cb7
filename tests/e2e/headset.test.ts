import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, openApp, type Session } from "./browser";
import { expectComfortable, framesPass, vrLabels as labels, vrPress as press, vrTap as tap, vrView as view, type XrWindow } from "./xrDriver";

/**
 * A headset visitor on an emulated Meta Quest 3 (IWER, test build only):
 * enters VR, chooses with the controller ray and with a hand pinch, sees the
 * pacer run, and opens crisis help from inside VR.
 */
type TestWindow = { __brTest: XrWindow["__brTest"] & {
    store: {
      getState(): {
        screen: string;
        xrMode: string | null;
        crisisOpen: boolean;
        practice: { status: string };
        draft: { exerciseId: string | null };
        settings: { region: string };
      };
    };
    frame: { fullness: number; caption: string };
    scene: { getObjectByName(name: string): { scale: { x: number }; material: { uniforms: { uDim: { value: number } } } } | undefined };
  };
};

const state = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState());

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
    await expect.poll(() => labels(s.page), { timeout: 20_000 }).toContain("Shoreline at dusk");
    await framesPass(s.page, 3);
    await expectComfortable(s.page);
  });

  it("opens crisis help from the first screen with one ray press, and closes it again", async () => {
    const { page } = s;
    await press(page, "Need help now?", "controller-right");
    await expect.poll(async () => (await state(page)).crisisOpen, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => labels(page), { timeout: 10_000 }).toContain("Close");
    await framesPass(page, 3);
    // The tallest board: every line readable, Close and the bar still in view.
    await expectComfortable(page);
    await page.screenshot({ path: join(ARTIFACTS, "vr-crisis.png") });
    // Another region's lines are one press away.
    const regionBefore = await page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState().settings.region);
    await press(page, "Next region", "controller-right");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState().settings.region), { timeout: 10_000 })
      .not.toBe(regionBefore);
    await press(page, "Close", "controller-right");
    await expect.poll(async () => (await state(page)).crisisOpen, { timeout: 10_000 }).toBe(false);
  });

  it("chooses a place and an exercise with the controller ray", async () => {
    const { page } = s;
    await press(page, "Shoreline at dusk", "controller-right");
    await expect.poll(async () => (await state(page)).screen, { timeout: 10_000 }).toBe("exercise");
    await press(page, "Box breathing", "controller-right");
    await expect.poll(async () => (await state(page)).draft.exerciseId, { timeout: 10_000 }).toBe("box");
  });

  it("chooses the length and starts with a hand pinch, and the orb breathes", async () => {
    const { page } = s;
    await page.evaluate(() => {
      (window as unknown as TestWindow).__brTest.xrDevice.primaryInputMode = "hand";
    });
    await page.waitForTimeout(1000);
    await press(page, "1 minute", "hand-right");
    await expect.poll(async () => (await state(page)).screen, { timeout: 10_000 }).toBe("check-in");
    await press(page, "Skip", "hand-right");
    await expect.poll(async () => (await state(page)).practice.status, { timeout: 10_000 }).toBe("running");

    // The orb drawn in the scene grows during the first in-breath.
    const orbScale = () => page.evaluate(() => (window as unknown as TestWindow).__brTest.scene.getObjectByName("breathing-orb")?.scale.x ?? Number.NaN);
    const a = await orbScale();
    await page.waitForTimeout(1500);
    const b = await orbScale();
    expect(b).toBeGreaterThan(a);
    await page.screenshot({ path: join(ARTIFACTS, "vr-view.png") });
  });

  it("pauses with A, opens crisis help with B, and does not resume behind it", async () => {
    const { page } = s;
    await page.evaluate(() => {
      (window as unknown as TestWindow).__brTest.xrDevice.primaryInputMode = "controller";
    });
    await page.waitForTimeout(1000);
    await tap(page, "a-button");
    await expect.poll(async () => (await state(page)).practice.status, { timeout: 10_000 }).toBe("paused");
    await tap(page, "b-button");
    await expect.poll(async () => (await state(page)).crisisOpen, { timeout: 10_000 }).toBe(true);
    // Crisis help stands in front of the practice: the orb fades back, its caption steps aside,
    // and the panel is drawn after the orb's see-through halo and ring.
    const orbDim = () => page.evaluate(() => (window as unknown as TestWindow).__brTest.scene.getObjectByName("breathing-orb")?.material.uniforms.uDim.value ?? 1);
    await expect.poll(orbDim, { timeout: 10_000 }).toBeLessThan(0.5);
    await expect.poll(async () => (await view(page)).texts.some((t) => t.role === "caption"), { timeout: 10_000 }).toBe(false);
    await expectComfortable(page);
    await page.screenshot({ path: join(ARTIFACTS, "vr-crisis-over-practice.png") });
    await tap(page, "a-button");
    expect((await state(page)).practice.status).toBe("paused");
    await press(page, "Close", "controller-right");
    await expect.poll(async () => (await state(page)).crisisOpen, { timeout: 10_000 }).toBe(false);
    await tap(page, "a-button");
    await expect.poll(async () => (await state(page)).practice.status, { timeout: 10_000 }).toBe("running");
  });

  it("makes no request to any origin but its own (controller and hand models included)", () => {
    expect(s.requests.some((u) => u.includes("/input-profiles/"))).toBe(true);
    // In-VR text is drawn with our own Atkinson Hyperlegible atlases, never uikit's default font.
    expect(s.requests.some((u) => u.includes("atkinson-hyperlegible-400") && u.endsWith(".png"))).toBe(true);
    expect(s.requests.filter((u) => /\/inter[-.]/.test(u))).toEqual([]);
    expect(s.thirdParty()).toEqual([]);
  });
});
