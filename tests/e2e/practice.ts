import { expect } from "vitest";
import type { Page } from "playwright-core";
import { IDLE_MS } from "../../client/ui/screens/useFadeWhenIdle";

/**
 * Start a practice straight through the store, check-in skipped, from any screen: for tests of the
 * practice screen itself, where clicking through the steps before it only waits for software-drawn frames.
 */
export async function practiseNow(page: Page, exercise = "box", cycles = 4): Promise<void> {
  await page.evaluate(
    ([id, n]) => {
      type Store = { getState(): { restart(): void; chooseExercise(id: string): void; chooseLength(l: { kind: "cycles"; cycles: number }): void; checkIn(v: null): void } };
      const state = (window as unknown as { __brTest: { store: Store } }).__brTest.store.getState();
      state.restart();
      state.chooseExercise(id);
      state.chooseLength({ kind: "cycles", cycles: n });
      state.checkIn(null);
    },
    [exercise, cycles] as const,
  );
  await page.getByRole("button", { name: "Pause" }).waitFor();
}

/** The practice controls' drawn opacity (0 when faded, 1 when shown). */
export function controlsOpacity(page: Page): Promise<number> {
  return page.locator("section.practice .actions").evaluate((el) => Number(getComputedStyle(el).opacity));
}

/** What a press at the centre of `name`'s button would land on, read from the page itself: true when it is that button. */
export async function pressReaches(page: Page, name: string): Promise<boolean> {
  const button = page.getByRole("button", { name, exact: true });
  const box = (await button.boundingBox())!;
  return button.evaluate((b, [x, y]) => b.contains(document.elementFromPoint(x!, y!)), [box.x + box.width / 2, box.y + box.height / 2]);
}

/** Resolves once the practice screen has gone idle (no input for the idle delay). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector("section.practice")?.classList.contains("idle"), null, { timeout: IDLE_MS + 5000 });
}

/** Wait out the idle delay until the controls have faded right out. */
export async function waitForFaded(page: Page): Promise<void> {
  await waitForIdle(page);
  await expect.poll(() => controlsOpacity(page), { timeout: 2000 }).toBe(0);
}

/** The calm space's screens, in the order of the flow, with Settings and crisis help open. */
export const CALM_SCREENS = ["environment", "Settings", "exercise", "length", "check-in", "practice", "check-out", "summary", "history", "learn", "crisis help"] as const;
export type CalmScreen = (typeof CALM_SCREENS)[number];

/**
 * Reach `screen` from a fresh start through the store (the flow's own e2e files press the buttons),
 * with grounding chosen: the longest guided prompts, and both timed and counted lengths. Settings is
 * opened with its button. Returns once a screen that arrives as its own chunk (History, Learn) is in.
 */
export async function reachCalmScreen(page: Page, screen: CalmScreen): Promise<void> {
  await page.evaluate((screen) => {
    type Store = { getState(): Record<"closeCrisis" | "restart" | "openCrisis" | "stop", () => void> & { chooseExercise(id: string): void; checkIn(v: null): void; checkOut(v: null): void; go(screen: string): void } };
    const s = (window as unknown as { __brTest: { store: Store } }).__brTest.store.getState();
    s.closeCrisis();
    s.restart();
    if (screen === "crisis help") return s.openCrisis();
    if (screen === "environment" || screen === "Settings") return;
    s.chooseExercise("grounding-54321");
    if (screen === "practice" || screen === "check-out" || screen === "summary") s.checkIn(null);
    if (screen === "check-out" || screen === "summary") s.stop();
    if (screen === "summary") return s.checkOut(null);
    if (screen !== "practice" && screen !== "check-out") s.go(screen);
  }, screen);
  if (screen === "Settings") await page.getByRole("button", { name: "Settings" }).click();
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'));
}
