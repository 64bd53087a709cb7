import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import { isSoftwareRenderer } from "../../client/scene/softwarePacing";
import { IDLE_MS } from "../../client/ui/screens/useFadeWhenIdle";
import { ARTIFACTS, openApp, type Session } from "./browser";
import { controlsOpacity, practiseNow, pressReaches, waitForFaded, waitForIdle } from "./practice";

/**
 * A desktop visitor: box breathing from choice to history, the caption's
 * timing against the pacer's own clock, and crisis help from every screen.
 */
describe("calm space on a desktop", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"));
  });

  afterAll(async () => {
    await s?.close();
  });

  it("runs box breathing with captions on time, then records the session in history", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "Shoreline at dusk" }).click();
    await page.getByRole("button", { name: "Box breathing" }).click();
    await page.getByRole("button", { name: "1 minute" }).click();

    // Check in at 3, and watch the live caption from the moment practice starts.
    await page.getByRole("radio", { name: "3", exact: true }).click();
    await page.evaluate(() => {
      const w = window as unknown as { __captionLog: { text: string; at: number }[] };
      w.__captionLog = [];
      const seen = new Set<Element>();
      const watch = () => {
        for (const el of document.querySelectorAll('[role="status"]')) {
          if (seen.has(el)) continue;
          seen.add(el);
          const record = () => w.__captionLog.push({ text: el.textContent ?? "", at: performance.now() });
          new MutationObserver(record).observe(el, { childList: true, characterData: true, subtree: true });
          record();
        }
      };
      new MutationObserver(watch).observe(document.body, { childList: true, subtree: true });
      watch();
    });
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("status").filter({ hasText: "Breathe out" }).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);

    const { log, startedAt } = await page.evaluate(() => {
      const w = window as unknown as { __captionLog: { text: string; at: number }[]; __brTest: { store: { getState(): { practice: { startedAt: number } } } } };
      return { log: w.__captionLog, startedAt: w.__brTest.store.getState().practice.startedAt };
    });
    const firstAt = (word: RegExp) => log.find((e) => word.test(e.text) && e.at >= startedAt - 50)?.at;
    const inhale = firstAt(/Breathe in/);
    const hold = firstAt(/Hold/);
    const exhale = firstAt(/Breathe out/);
    expect(inhale, "Breathe in shown").toBeDefined();
    expect(hold, "Hold shown").toBeDefined();
    expect(exhale, "Breathe out shown").toBeDefined();
    expect(Math.abs(inhale! - startedAt)).toBeLessThanOrEqual(300);
    expect(Math.abs(hold! - startedAt - 4000)).toBeLessThanOrEqual(300);
    expect(Math.abs(exhale! - startedAt - 8000)).toBeLessThanOrEqual(300);

    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByRole("radio", { name: "6", exact: true }).click();
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.locator("main").innerText()).toMatch(/3 to 6, up 3/);
    await page.screenshot({ path: join(ARTIFACTS, "summary.png") });

    await page.getByRole("button", { name: "History" }).click();
    const history = page.getByRole("list").filter({ hasText: "Box breathing" });
    await history.waitFor();
    await expect.poll(() => history.innerText()).toMatch(/3 to 6, up 3/);
    await page.screenshot({ path: join(ARTIFACTS, "history.png") });
  });

  it("gives the faded practice controls back at once: one click on Stop, a click where the cursor rests, Tab to Stop and Enter", async () => {
    const { page } = s;
    const stop = page.getByRole("button", { name: "Stop" });
    const checkOut = page.getByRole("heading", { name: "Check out" });

    // The cursor is away from the controls and still: after the idle delay they fade, and one
    // ordinary click on Stop (no wiggle first, no second try) ends the practice.
    await practiseNow(page);
    await page.mouse.move(5, 5);
    await waitForFaded(page);
    await page.screenshot({ path: join(ARTIFACTS, "practice-idle.png") });
    expect(await pressReaches(page, "Stop"), "nothing lies over the faded Stop button").toBe(true);
    // One press at its centre, as a hand would: a locator click would retry until something takes it.
    const faded = (await stop.boundingBox())!;
    await page.mouse.click(faded.x + faded.width / 2, faded.y + faded.height / 2);
    await checkOut.waitFor({ timeout: 10_000 });

    // The cursor rests on Stop through the idle delay: the controls under it stay shown, and
    // pressing without moving first stops.
    await practiseNow(page);
    const box = (await stop.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await waitForIdle(page);
    expect(await controlsOpacity(page), "controls stay under a resting mouse").toBe(1);
    await page.mouse.down();
    await page.mouse.up();
    await checkOut.waitFor({ timeout: 10_000 });

    // Keyboard: Tab brings the controls back and, while a control has focus, they stay.
    await practiseNow(page);
    await page.mouse.move(5, 5);
    await waitForFaded(page);
    for (let i = 0; i < 20 && !(await stop.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect.poll(() => stop.evaluate((b) => b === document.activeElement)).toBe(true);
    await expect.poll(() => controlsOpacity(page)).toBe(1);
    await page.waitForTimeout(IDLE_MS + 1000);
    expect(await controlsOpacity(page), "controls stay while one has keyboard focus").toBe(1);
    await page.keyboard.press("Enter");
    await checkOut.waitFor({ timeout: 10_000 });
  });

  it("where WebGL is drawn in software, the scene draws a quarter of the pixels at half the rate it can, and the orb still breathes", async () => {
    const { page } = s;
    await practiseNow(page);
    const look = () =>
      page.evaluate(() => {
        const t = (window as unknown as { __brTest: { gl: { getContext(): WebGLRenderingContext; domElement: HTMLCanvasElement }; pacing?: { freeFps: number; interval: number; frames: number } } }).__brTest;
        const gl = t.gl.getContext();
        const info = gl.getExtension("WEBGL_debug_renderer_info");
        return {
          renderer: String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
          buffer: t.gl.domElement.width,
          css: t.gl.domElement.clientWidth,
          pacing: t.pacing ? { ...t.pacing } : null,
          at: performance.now(),
        };
      });
    const first = await look();
    if (!isSoftwareRenderer(first.renderer)) {
      // A graphics chip: full resolution, every frame, no pacer.
      expect(first.buffer, first.renderer).toBeGreaterThanOrEqual(first.css);
      expect(first.pacing, first.renderer).toBeNull();
      return;
    }
    expect(first.buffer, `drawing buffer for ${first.css} CSS px (${first.renderer})`).toBe(Math.round(first.css / 2));
    await expect.poll(async () => (await look()).pacing?.interval ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    const start = (await look()).pacing!;
    const from = performance.now();
    await page.waitForTimeout(4000);
    const end = (await look()).pacing!;
    const fps = ((end.frames - start.frames) * 1000) / (performance.now() - from);
    expect(fps, `frames a second while paced (free: ${end.freeFps.toFixed(1)}, one per ${end.interval.toFixed(0)} ms)`).toBeLessThanOrEqual(1000 / end.interval + 0.5);
    expect(end.interval, "paced at half the free rate or slower").toBeGreaterThanOrEqual(Math.min(500, 2000 / end.freeFps) - 1);
    expect(fps, "the orb keeps moving").toBeGreaterThanOrEqual(1);
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByRole("heading", { name: "Check out" }).waitFor();
  });

  it("makes no request to any origin but its own", () => {
    expect(s.requests.length).toBeGreaterThan(3);
    expect(s.thirdParty()).toEqual([]);
  });
});
