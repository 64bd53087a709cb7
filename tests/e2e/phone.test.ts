import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import { ARTIFACTS, PHONE, openApp, type Session } from "./browser";
import { controlsOpacity, practiseNow, pressReaches, waitForFaded } from "./practice";

/** A phone visitor does the whole flow by touch alone, and looks around by dragging. */
describe("calm space on a phone", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/", PHONE);
  });

  afterAll(async () => {
    await s?.close();
  });

  it("taps through a guided exercise and back to the start", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "Night sky" }).tap();
    await page.getByRole("button", { name: "5-4-3-2-1 grounding" }).tap();
    await page.getByRole("button", { name: "1 minute" }).tap();
    await page.getByRole("radio", { name: "4", exact: true }).tap();
    await page.getByRole("button", { name: "Start" }).tap();
    const status = page.getByRole("status").filter({ hasText: /Settle where you are/ });
    await status.first().waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Pause" }).tap();
    await page.getByRole("button", { name: "Resume" }).tap();
    await page.screenshot({ path: join(ARTIFACTS, "phone-practice.png") });
    await page.getByRole("button", { name: "Stop" }).tap();
    await page.getByRole("radio", { name: "7", exact: true }).tap();
    await page.getByRole("button", { name: "Done" }).tap();
    await expect.poll(() => page.locator("main").innerText()).toMatch(/4 to 7, up 3/);
    await page.getByRole("button", { name: "Another session" }).tap();
    await page.getByRole("button", { name: "Night sky" }).waitFor();
  });

  it("looks around while practising when the scene is dragged with a finger", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "Night sky" }).tap();
    await page.getByRole("button", { name: "Resonance breathing" }).tap();
    await page.getByRole("button", { name: "1 minute" }).tap();
    await page.getByRole("button", { name: "Skip" }).tap();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    await page.waitForFunction(() => Boolean((window as unknown as { __brTest?: { camera?: unknown } }).__brTest?.camera));
    const canvas = page.locator("canvas");
    const box = (await canvas.boundingBox())!;
    const before = await cameraYaw(s);
    // A horizontal swipe across the open sky, between the header and the orb.
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + box.height * 0.22;
    const points = [0.7, 0.6, 0.5, 0.4, 0.3].map((f) => ({ x: box.x + box.width * f, y }));
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [points[0]!] });
    for (const p of points.slice(1)) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [p] });
      await page.waitForTimeout(60);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await page.waitForTimeout(800);
    const after = await cameraYaw(s);
    expect(Math.abs(after - before)).toBeGreaterThan(0.1);
  });

  it("after the controls fade, a tap on the scene brings them back and a finger on Stop stops at once", async () => {
    const { page } = s;
    const stop = page.getByRole("button", { name: "Stop" });
    await practiseNow(page);
    await waitForFaded(page);
    // A tap on the open sky above the orb: the controls come back.
    const canvas = (await page.locator("canvas").boundingBox())!;
    await page.touchscreen.tap(canvas.x + canvas.width / 2, canvas.y + canvas.height * 0.2);
    await expect.poll(() => controlsOpacity(page), { timeout: 2000 }).toBe(1);
    // Faded again, a finger lands where Stop is (a raw touch, not the test driver's click helper):
    // the same tap that wakes the controls presses Stop.
    await waitForFaded(page);
    expect(await pressReaches(page, "Stop"), "nothing lies over the faded Stop button").toBe(true);
    const box = (await stop.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole("heading", { name: "Check out" }).waitFor({ timeout: 3000 });
  });

  it("makes no request to any origin but its own", () => {
    expect(s.thirdParty()).toEqual([]);
  });
});

/** The desktop camera's heading, rad. */
function cameraYaw(s: Session): Promise<number> {
  return s.page.evaluate(() => (window as unknown as { __brTest: { camera: { rotation: { y: number } } } }).__brTest.camera.rotation.y);
}
