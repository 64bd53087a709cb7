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
    vrTexts(): { text: string; role: string; size: number; position: [number, number, number] }[];
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
    gl: { info: { render: { frame: number } }; xr: { getCamera(): { matrixWorld: { elements: number[] } } } };
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

/** Press and release a controller button, spanning a few slow emulated frames. */
async function tap(page: Page, button: string): Promise<void> {
  await page.evaluate((b) => (window as unknown as TestWindow).__brTest.xrDevice.controllers.right.updateButtonValue(b, 1), button);
  await framesPass(page, 3);
  await page.evaluate((b) => (window as unknown as TestWindow).__brTest.xrDevice.controllers.right.updateButtonValue(b, 0), button);
  await framesPass(page, 2);
}

/**
 * What the person sees from where their head is: each in-VR button's direction (degrees right of
 * and above straight ahead) and each text's visual angle (degrees).
 */
async function view(page: Page) {
  return page.evaluate(() => {
    const t = (window as unknown as TestWindow).__brTest;
    const m = t.gl.xr.getCamera().matrixWorld.elements;
    const head = [m[12]!, m[13]!, m[14]!];
    // Heading of the head's forward (-z) axis, level.
    const yaw = Math.atan2(m[8]!, m[10]!);
    const toDeg = 180 / Math.PI;
    const local = (p: [number, number, number]) => {
      const [dx, dy, dz] = [p[0] - head[0]!, p[1] - head[1]!, p[2] - head[2]!];
      // Into the head's level frame: x right, -z forward.
      const x = dx * Math.cos(yaw) - dz * Math.sin(yaw);
      const z = dx * Math.sin(yaw) + dz * Math.cos(yaw);
      return { right: Math.atan2(x, -z) * toDeg, up: Math.atan2(dy, Math.hypot(x, z)) * toDeg, distance: Math.hypot(dx, dy, dz) };
    };
    return {
      targets: t.vrTargets().map((b) => ({ label: b.label, ...local(b.position) })),
      texts: t.vrTexts().map((x) => ({ text: x.text, role: x.role, degrees: 2 * Math.atan(x.size / 2 / local(x.position).distance) * toDeg })),
    };
  });
}

/**
 * Legible and reachable: body text at least ~1° of visual angle, headings clearly larger than
 * body text, and every button within a comfortable cone (no turning, no craning: 35° either side,
 * 25° up, 40° down) so nothing is cut off at the edge of the view.
 */
async function expectComfortable(page: Page) {
  const { targets, texts } = await view(page);
  expect(targets.length).toBeGreaterThan(0);
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t.degrees, `"${t.text}" (${t.role})`).toBeGreaterThanOrEqual(1);
  const body = Math.max(...texts.filter((t) => t.role === "body").map((t) => t.degrees));
  for (const h of texts.filter((t) => t.role === "h1")) expect(h.degrees, `heading "${h.text}"`).toBeGreaterThan(body * 1.3);
  for (const b of targets) {
    expect(Math.abs(b.right), `"${b.label}" left/right`).toBeLessThanOrEqual(35);
    expect(b.up, `"${b.label}" above`).toBeLessThanOrEqual(25);
    expect(b.up, `"${b.label}" below`).toBeGreaterThanOrEqual(-40);
  }
}

const labels = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).__brTest.vrTargets().map((t) => t.label));

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
