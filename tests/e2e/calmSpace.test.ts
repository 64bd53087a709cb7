import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import { ARTIFACTS, openApp, type Session } from "./browser";

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

  it("makes no request to any origin but its own", () => {
    expect(s.requests.length).toBeGreaterThan(3);
    expect(s.thirdParty()).toEqual([]);
  });
});
