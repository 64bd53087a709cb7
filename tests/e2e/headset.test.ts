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

/**
 * Where crisis help stands against the orb, seen from the head: the farthest crisis-panel text and
 * button and the orb's nearest surface (m), and the order of the draw calls in the frames drawn
 * while measuring (each mesh's last draw, counted across the whole frame).
 */
async function crisisOverOrb(page: Page) {
  await page.evaluate(() => {
    type O = {
      name: string;
      isMesh?: boolean;
      parent: O | null;
      children: O[];
      userData: { vrLabel?: string };
      isVisible?: unknown;
      onBeforeRender: (...a: unknown[]) => void;
      traverse(f: (o: O) => void): void;
    };
    const t = (window as unknown as { __brTest: { scene: O } }).__brTest;
    let close: O | null = null;
    t.scene.traverse((o) => void (o.userData.vrLabel === "Close" ? (close = o) : null));
    // The panels' uikit root: the outermost uikit component above Close.
    let root = close as O | null;
    while (root?.parent?.isVisible !== undefined) root = root.parent;
    let orb: O | null = null;
    t.scene.traverse((o) => void (o.name === "breathing-orb" ? (orb = o) : null));
    // The orb, its halo and its ring are siblings.
    const orbParts = ((orb as O | null)?.parent?.children ?? []).filter((o) => o.isMesh);
    const panel: O[] = [];
    root?.traverse((o) => void (o.isMesh ? panel.push(o) : null));
    let n = 0;
    const last = new Map<O, number>();
    const restore: (() => void)[] = [];
    for (const o of [...orbParts, ...panel]) {
      const before = o.onBeforeRender;
      o.onBeforeRender = function (this: O, ...a: unknown[]) {
        n++;
        last.set(o, n);
        return before.apply(this, a);
      };
      restore.push(() => (o.onBeforeRender = before));
    }
    (window as unknown as { __drawProbe: unknown }).__drawProbe = { orbParts, panel, last, restore };
  });
  await framesPass(page, 3);
  return page.evaluate(() => {
    type V = { x: number; y: number; z: number; distanceTo(v: V): number; constructor: new () => V };
    type O = { position: V; getWorldPosition(v: V): V; getWorldScale(v: V): V; name: string };
    const w = window as unknown as XrWindow & { __drawProbe: { orbParts: O[]; panel: O[]; last: Map<O, number>; restore: (() => void)[] } };
    const probe = w.__drawProbe;
    for (const r of probe.restore) r();
    const m = w.__brTest.gl.xr.getCamera().matrixWorld.elements;
    const orb = probe.orbParts.find((o) => o.name === "breathing-orb")!;
    const Vector3 = orb.position.constructor;
    const head = new Vector3();
    head.x = m[12]!;
    head.y = m[13]!;
    head.z = m[14]!;
    const centre = orb.getWorldPosition(new Vector3());
    const orbNearest = head.distanceTo(centre) - orb.getWorldScale(new Vector3()).x;
    const dist = (p: [number, number, number]) => Math.hypot(p[0] - head.x, p[1] - head.y, p[2] - head.z);
    const panelFarthest = Math.max(...w.__brTest.vrTexts().map((x) => dist(x.position)), ...w.__brTest.vrTargets().map((x) => dist(x.position)));
    const orbDraws = probe.orbParts.map((o) => probe.last.get(o)).filter((d): d is number => d !== undefined);
    // Each panel mesh's draw in the last view drawn: later than every orb part's.
    const panelDraws = probe.panel.map((o) => probe.last.get(o)).filter((d): d is number => d !== undefined);
    return {
      orbPartsDrawn: orbDraws.length,
      orbLastDraw: Math.max(...orbDraws),
      panelMeshes: panelDraws.length,
      panelFirstDraw: Math.min(...panelDraws),
      orbNearest,
      panelFarthest,
    };
  });
}

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
    // Paused, the practice's caption still hangs under the orb, saying where the breath stopped.
    await expect.poll(async () => (await view(page)).texts.filter((t) => t.role === "caption").length, { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => (window as unknown as TestWindow).__brTest.frame.caption)).toMatch(/Breathe|Hold/);
    await tap(page, "b-button");
    await expect.poll(async () => (await state(page)).crisisOpen, { timeout: 10_000 }).toBe(true);
    // Crisis help stands in front of the practice: the orb fades back, its caption steps aside,
    // and the panel is drawn after the orb's see-through halo and ring.
    const orbDim = () => page.evaluate(() => (window as unknown as TestWindow).__brTest.scene.getObjectByName("breathing-orb")?.material.uniforms.uDim.value ?? 1);
    await expect.poll(orbDim, { timeout: 10_000 }).toBeLessThan(0.5);
    await expect.poll(async () => (await view(page)).texts.some((t) => t.role === "caption"), { timeout: 10_000 }).toBe(false);
    await expectComfortable(page);
    // Not hidden behind the orb: the panel is nearer than the orb (so the orb's surface cannot
    // hide it in the depth test), and in the frames the headset draws it comes after the orb,
    // its halo and its ring (so nothing of the pacer is painted across it).
    const order = await crisisOverOrb(page);
    expect(order.panelMeshes, "crisis panel meshes drawn").toBeGreaterThan(0);
    expect(order.orbPartsDrawn, "orb, halo and ring drawn").toBe(3);
    expect(order.panelFarthest, "crisis panel nearer than the orb").toBeLessThan(order.orbNearest);
    expect(order.panelFirstDraw, "crisis panel drawn after the orb, halo and ring").toBeGreaterThan(order.orbLastDraw);
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
