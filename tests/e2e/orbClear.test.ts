import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { CAPTIONS } from "../../core/breathing/patterns";
import { EXERCISES } from "../../core/exercises";
import { ARTIFACTS, openApp, type Device, type Session } from "./browser";

/**
 * Nothing covers the orb: on a desktop, a short window and a phone, at default and larger text,
 * with each exercise's longest caption on screen, the orb's ring (projected from the 3D scene)
 * meets no DOM panel or button.
 */

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface TestWindow {
  __brTest: {
    store: { getState(): Record<string, (...args: unknown[]) => void> & { practice: { status: string } } };
    scene: { getObjectByName(name: string): unknown };
  };
}

/** The longest words each exercise can put in its caption. */
const LONGEST = EXERCISES.map((e) => {
  const captions = e.kind === "guided" ? e.script.steps.map((s) => s.caption) : [...Object.values(CAPTIONS), ...e.pattern.steps.map((s) => s.caption)];
  return { id: e.id, caption: captions.reduce((a, b) => (b.length > a.length ? b : a), "") };
});

/** Outer radius of the cycle ring around the orb, m (orb space): the widest part of the pacer. */
const RING_RADIUS = 0.312;

const DEVICES: [string, Device][] = [
  ["desktop", { viewport: { width: 1024, height: 720 } }],
  ["short window", { viewport: { width: 640, height: 400 } }],
  ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];

/** Start `exerciseId`, pause it, and put `caption` in the caption line (as its longest step would). */
async function practiseWith(page: Page, exerciseId: string, caption: string, largeText: boolean): Promise<void> {
  await page.evaluate(
    ({ exerciseId, largeText }) => {
      const s = (window as unknown as TestWindow).__brTest.store.getState();
      s.restart!();
      s.updateSettings!({ largeText });
      s.chooseExercise!(exerciseId);
      s.chooseLength!({ kind: "minutes", minutes: 1 });
      s.checkIn!(null);
    },
    { exerciseId, largeText },
  );
  await page.locator(".screen.practice").waitFor();
  await page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState().togglePause!());
  await page.waitForFunction(() => (window as unknown as TestWindow).__brTest.store.getState().practice.status === "paused");
  // Paused, the caption stays put: write the longest one in, as the ticker would.
  await page.locator(".practice-caption .caption").evaluate((el, text) => (el.textContent = text), caption);
  // The scene reframes on the next frames (a view offset while practising).
  await page.waitForFunction(() => Boolean((window as unknown as TestWindow).__brTest.scene.getObjectByName("breathing-orb")), null, { timeout: 30_000 });
  await page.waitForTimeout(700);
}

/** The orb's ring on screen, CSS px, projected through the scene's own camera. */
function orbBox(page: Page): Promise<Box> {
  return page.evaluate((ringRadius) => {
    type V = { x: number; y: number; z: number; clone(): V; project(c: unknown): V; addScaledVector(v: V, s: number): V; setFromMatrixColumn(m: unknown, i: number): V };
    type O = { parent: O; position: V & { constructor: new () => V }; getWorldPosition(v: V): V; getWorldScale(v: V): V };
    const t = (window as unknown as { __brTest: { scene: { getObjectByName(n: string): O }; camera: { matrixWorld: unknown; updateMatrixWorld(): void } } }).__brTest;
    const orb = t.scene.getObjectByName("breathing-orb");
    const Vector3 = orb.position.constructor;
    t.camera.updateMatrixWorld();
    const centre = orb.parent.getWorldPosition(new Vector3());
    const radius = ringRadius * orb.parent.getWorldScale(new Vector3()).x * 1.05;
    const right = new Vector3().setFromMatrixColumn(t.camera.matrixWorld, 0);
    const up = new Vector3().setFromMatrixColumn(t.camera.matrixWorld, 1);
    const points = [
      [right, 1],
      [right, -1],
      [up, 1],
      [up, -1],
    ].map(([axis, sign]) => centre.clone().addScaledVector(axis as V, (sign as number) * radius).project(t.camera));
    const xs = points.map((p) => ((p.x + 1) / 2) * innerWidth);
    const ys = points.map((p) => ((1 - p.y) / 2) * innerHeight);
    return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  }, RING_RADIUS);
}

/** The practice card and every button or link outside it, as drawn. */
function panels(page: Page): Promise<(Box & { what: string })[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main, button, a, [role=dialog]")]
      .filter((el) => el.tagName === "MAIN" || !el.closest("main"))
      .filter((el) => getComputedStyle(el).visibility !== "hidden" && el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.tagName === "MAIN" ? "the practice card" : `"${(el.textContent ?? "").trim()}"`, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      })
      .filter((r) => r.right > r.left && r.bottom > r.top),
  );
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each(DEVICES)("the orb stays clear of the page: %s", (name, device) => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/", device);
    await s.page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.scene), null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await s?.close();
  });

  it.each([false, true])("with larger text %s, for every exercise's longest caption", async (largeText) => {
    const found: string[] = [];
    for (const { id, caption } of LONGEST) {
      await practiseWith(s.page, id, caption, largeText);
      const orb = await orbBox(s.page);
      // The ring is on screen at all (a broken projection would pass every overlap check).
      expect(orb.right - orb.left, `${id}: ring width`).toBeGreaterThan(40);
      expect(orb.top, `${id}: ring on screen`).toBeGreaterThanOrEqual(0);
      for (const p of await panels(s.page)) if (overlaps(orb, p)) found.push(`${id}: ${p.what} covers the orb`);
      if (device.isMobile) {
        const wide = await s.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        if (wide > 0) found.push(`${id}: the page scrolls ${wide} px sideways`);
      }
    }
    await s.page.screenshot({ path: join(ARTIFACTS, `layout-${name.replace(/ /g, "-")}-${largeText ? "larger" : "default"}.png`) });
    expect(found).toEqual([]);
  });
});

