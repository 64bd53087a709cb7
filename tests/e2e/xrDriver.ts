import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { ARTIFACTS } from "./browser";

/**
 * Driving the emulated Meta Quest 3 (IWER, test build only) from a test: aim and select in-VR
 * buttons by controller ray or hand pinch, tap face buttons, and measure what the person sees.
 */
export type XrPointer = "controller-right" | "hand-right";

/** What the test build exposes to drive a headset; tests add the handles they read. */
export interface XrWindow {
  __brTest: {
    xrDevice: {
      primaryInputMode: string;
      remote: { dispatch(method: string, params: unknown): Promise<unknown> };
      controllers: { right: { updateButtonValue(button: string, value: number): void } };
    };
    vrTargets(): { label: string; position: [number, number, number] }[];
    vrTexts(): { text: string; role: string; size: number; position: [number, number, number] }[];
    gl: { info: { render: { frame: number } }; xr: { getCamera(): { matrixWorld: { elements: number[] } } } };
  };
}

/** Wait until the renderer has drawn `n` more frames (bounded: 15 s). */
export async function framesPass(page: Page, n: number): Promise<void> {
  const start = await page.evaluate(() => (window as unknown as XrWindow).__brTest.gl.info.render.frame);
  await page.waitForFunction((target) => (window as unknown as XrWindow).__brTest.gl.info.render.frame >= target, start + n, { timeout: 15_000 });
}

/** The labels of every in-VR button shown now. */
export const vrLabels = (page: Page) => page.evaluate(() => (window as unknown as XrWindow).__brTest.vrTargets().map((t) => t.label));

/** Everything the in-VR text says now, joined by new lines. */
export const vrWords = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as XrWindow).__brTest
      .vrTexts()
      .map((t) => t.text)
      .join("\n"),
  );

const targetOf = (page: Page, label: string) =>
  page.evaluate((l) => (window as unknown as XrWindow).__brTest.vrTargets().find((t) => t.label === l)?.position ?? null, label);

/**
 * Aim `pointer` at the in-VR button labelled `label` and select it (trigger or pinch). The
 * emulated headset draws 2–4 frames a second here, so wait for the board to settle and for the
 * ray's hover to register; the press spans several frames, however slow they are now (iwer
 * applies a press and its release in one frame update when a frame outlasts the press).
 */
export async function vrPress(page: Page, label: string, pointer: XrPointer = "controller-right"): Promise<void> {
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
  await page.evaluate(({ device, target }) => (window as unknown as XrWindow).__brTest.xrDevice.remote.dispatch("look_at", { device, target }), {
    device: pointer,
    target: { x, y, z },
  });
  const aimed = Date.now();
  await framesPass(page, 4);
  // Held for at least three frames as this page draws them now (0.6 s at 5 fps and faster; at most 5 s).
  const duration = Math.min(5, Math.max(0.6, (3 * (Date.now() - aimed)) / 4 / 1000));
  await page.evaluate(({ device, duration }) => (window as unknown as XrWindow).__brTest.xrDevice.remote.dispatch("select", { device, duration }), { device: pointer, duration });
}

/**
 * Press an in-VR button until `done` holds: at a frame or two a second a press can fall between
 * frames (or the ray can still be settling), so it is pressed again, at most three times, while
 * nothing has happened; `done` is waited for up to 20 s after each press. Fails, with a screenshot
 * named after the button, if it never holds.
 */
export async function vrPressUntil(page: Page, label: string, done: () => Promise<boolean>, pointer: XrPointer = "controller-right"): Promise<void> {
  for (let i = 0; i < 3 && !(await done()); i++) {
    await vrPress(page, label, pointer);
    await expect.poll(done, { timeout: 20_000 }).toBe(true).catch(() => undefined);
  }
  if (!(await done())) await vrScreenshot(page, join(ARTIFACTS, `vr-press-missed-${label.replace(/\W+/g, "-")}.png`));
  expect(await done(), `pressing "${label}" in VR`).toBe(true);
}

/**
 * Wait until the in-VR text can be drawn: both font atlases (regular and bold) have arrived and a
 * few frames have passed since. Before that, uikit lays buttons out without their words.
 */
export async function vrFontsReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByType("resource").filter((e) => /atkinson-hyperlegible-(400|700)[^/]*\.png/.test(e.name)).length >= 2,
    undefined,
    { timeout: 60_000, polling: 500 },
  );
  await framesPass(page, 3);
}

/** Press and release a right-controller face button ("a-button", "b-button"), spanning a few slow frames. */
export async function vrTap(page: Page, button: string): Promise<void> {
  await page.evaluate((b) => (window as unknown as XrWindow).__brTest.xrDevice.controllers.right.updateButtonValue(b, 1), button);
  await framesPass(page, 3);
  await page.evaluate((b) => (window as unknown as XrWindow).__brTest.xrDevice.controllers.right.updateButtonValue(b, 0), button);
  await framesPass(page, 2);
}

/** Controllers or tracked hands; the hands take about a second to appear. */
export async function useInput(page: Page, mode: "controller" | "hand"): Promise<void> {
  await page.evaluate((m) => void ((window as unknown as XrWindow).__brTest.xrDevice.primaryInputMode = m), mode);
  await page.waitForTimeout(1000);
}

/**
 * What the person sees from where their head is: each in-VR button's direction (degrees right of
 * and above straight ahead) and each text's visual angle (degrees).
 */
export async function vrView(page: Page) {
  return page.evaluate(() => {
    const t = (window as unknown as XrWindow).__brTest;
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
      texts: t.vrTexts().map((x) => ({ text: x.text, role: x.role, ...local(x.position), degrees: 2 * Math.atan(x.size / 2 / local(x.position).distance) * toDeg })),
    };
  });
}

/**
 * Legible and reachable: text at least ~1° of visual angle, headings clearly larger than body
 * text, and every button within a comfortable cone (35° either side, 25° up, 40° down).
 */
export async function expectComfortable(page: Page): Promise<void> {
  const { targets, texts } = await vrView(page);
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

/**
 * A screenshot of what the headset shows: the page's DOM (which stays on the monitor, never in
 * the headset) is hidden for the moment of the shot, so the canvas IWER draws into is all there is.
 */
export async function vrScreenshot(page: Page, path: string): Promise<void> {
  const style = await page.addStyleTag({ content: ".overlay { visibility: hidden !important; }" });
  await page.waitForTimeout(100);
  await page.screenshot({ path });
  await style.evaluate((el) => (el as Element).remove());
}
