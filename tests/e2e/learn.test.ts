import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTIFACTS, PHONE, openApp, type Session } from "./browser";

/** Learn: the cards ship with the app, open from the first screen, and list their sources. */
describe("Learn", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/", PHONE);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("opens from the first screen and shows a card with its sources, asking no other origin", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "Learn" }).click();
    await page.getByRole("heading", { name: "Learn" }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole("list").first().getByRole("button").count()).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(ARTIFACTS, "learn-list.png"), fullPage: true });
    await page.getByRole("button", { name: "Why slow breathing helps" }).click();
    const card = page.getByRole("article", { name: "Why slow breathing helps" });
    await card.waitFor({ timeout: 5000 });
    const text = await card.innerText();
    expect(text).toMatch(/six breaths a minute/);
    expect(text).toMatch(/Sources/);
    expect(text).toMatch(/Cell Reports Medicine/);
    // Headless Chromium has no voices: no "Read aloud" button that would do nothing.
    expect(await card.getByRole("button", { name: "Read aloud" }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "learn-card.png"), fullPage: true });
    expect(s.thirdParty()).toEqual([]);
  });
});
