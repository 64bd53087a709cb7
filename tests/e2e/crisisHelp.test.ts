import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import { ARTIFACTS, openApp, type Session } from "./browser";

/** "Need help now?" must open in at most two actions from every screen. */
describe("crisis help from every screen", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"));
  });

  afterAll(async () => {
    await s?.close();
  });

  /** One action: the button. The dialog must show an emergency number and the not-therapy notice. */
  async function openAndCloseHelp(screen: string): Promise<void> {
    const { page } = s;
    await page.getByRole("button", { name: "Need help now?" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Need help now?" });
    await dialog.waitFor({ timeout: 5000 });
    const text = await dialog.innerText();
    expect(text, screen).toMatch(/emergency/i);
    expect(text, screen).toMatch(/not therapy/i);
    expect(text, screen).toMatch(/\d{3}/);
    if (screen === "environment") await page.screenshot({ path: join(ARTIFACTS, "crisis-panel.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden", timeout: 5000 });
  }

  it("opens in one action on each screen of the flow", async () => {
    const { page } = s;
    await openAndCloseHelp("environment");
    await page.getByRole("button", { name: "Forest clearing" }).click();
    await openAndCloseHelp("exercise");
    await page.getByRole("button", { name: "Resonance breathing" }).click();
    await openAndCloseHelp("length");
    await page.getByRole("button", { name: "1 minute" }).click();
    await openAndCloseHelp("check-in");
    await page.getByRole("button", { name: "Skip" }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    await openAndCloseHelp("practice");
    await page.getByRole("button", { name: "Stop" }).click();
    await openAndCloseHelp("check-out");
    await page.getByRole("button", { name: "Skip" }).click();
    await openAndCloseHelp("summary");
    await page.getByRole("button", { name: "History" }).click();
    await openAndCloseHelp("history");
  });

  it("pauses a running practice while help is open", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "Another session" }).or(page.getByRole("button", { name: "Back" })).first().click();
    await page.evaluate(() => {
      const { store } = (window as unknown as { __brTest: { store: { getState(): Record<string, (...a: unknown[]) => void> } } }).__brTest;
      const st = store.getState();
      st.restart!();
      st.chooseExercise!("box");
      st.chooseLength!({ kind: "minutes", minutes: 1 });
      st.checkIn!(null);
    });
    await page.getByRole("button", { name: "Pause" }).waitFor();
    await page.getByRole("button", { name: "Need help now?" }).first().click();
    const status = await page.evaluate(
      () => (window as unknown as { __brTest: { store: { getState(): { practice: { status: string } } } } }).__brTest.store.getState().practice.status,
    );
    expect(status).toBe("paused");
    await page.keyboard.press("Escape");
  });

  it.each(["/room/ABCD-EFGH-J", "/facilitate"])("opens in one action on %s", async (path) => {
    await s.page.goto(new URL(path, inject("baseURL")).href);
    await openAndCloseHelp(path);
  });

  it("makes no request to any origin but its own", () => {
    expect(s.thirdParty()).toEqual([]);
  });
});
