import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openApp, type Device, type Session } from "./browser";
import { CALM_SCREENS, reachCalmScreen, type CalmScreen } from "./practice";

/**
 * At 200% zoom the calm space still holds together. A 1280×800 window zoomed to 200% lays the page
 * out in 640×400 CSS px, drawn at two device pixels each: that is the device here. On every screen
 * of the calm flow (Settings and crisis help open too) nothing runs off the side, no card's
 * contents spill out of it, no two controls overlap, and every control can be scrolled to and
 * pressed (a press at its centre lands on it, not on the header or the help button above it).
 */

interface TestWindow {
  __brTest: { store: { getState(): Record<string, (...args: unknown[]) => void> } };
}

/** 1280×800 at 200%. */
const ZOOMED: Device & { deviceScaleFactor: number } = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

/** Reach `screen`, and let its layout settle. */
async function reach(page: Page, screen: CalmScreen): Promise<void> {
  await reachCalmScreen(page, screen);
  await page.waitForTimeout(400);
}

/** What is wrong with the layout as it is now, one line each (empty when it holds). */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // Text left to screen readers alone is clipped to nothing: it is not on the page for the eye.
    const clippedAway = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== "none") return true;
      return false;
    };
    const name = (el: Element) => `<${el.tagName.toLowerCase()}> "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    const extra = document.documentElement.scrollWidth - innerWidth;
    if (extra > 0) problems.push(`the page scrolls sideways by ${extra} px`);

    // Where the person's attention is: a modal dialog or the open Settings, else the page.
    const dialog = document.querySelector("[role=dialog]") ?? document.querySelector(".settings-panel");
    const scope = dialog ?? document.body;
    // Cards: their contents stay inside them (a card that scrolls its contents is fine; one that lets them spill out is not).
    for (const card of [document.querySelector("main"), dialog]) {
      if (!card) continue;
      const c = getComputedStyle(card);
      if (card.scrollWidth > card.clientWidth + 1 && c.overflowX !== "visible") problems.push(`${name(card).slice(0, 12)}> scrolls sideways inside itself (${card.scrollWidth} > ${card.clientWidth} px)`);
      const box = card.getBoundingClientRect();
      for (const el of card.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || clippedAway(el)) continue;
        if (r.right > box.right + 1 || r.left < box.left - 1) problems.push(`${name(el)} spills out of its card (${Math.round(r.left)}–${Math.round(r.right)} px, card ${Math.round(box.left)}–${Math.round(box.right)})`);
      }
    }

    // Controls a person can see or tab to now: not those inside a closed <details> ("Join a circle"),
    // nor the skip link, which waits off-screen until it has keyboard focus. Faded practice controls
    // count: a press still reaches them.
    const controls = [...scope.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, summary")].filter(
      (el) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true }) && !el.classList.contains("skip-link"),
    );
    // "Need help now?" is always there: beside the page and beside Settings it must stay reachable.
    const help = document.querySelector<HTMLElement>(".crisis-button");
    if (help && !controls.includes(help) && !document.querySelector("[role=dialog]")) controls.push(help);
    if (controls.length === 0) problems.push("no controls found");
    const boxes = () => controls.map((el) => el.getBoundingClientRect());
    const now = boxes();
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [now[i]!, now[j]!];
        if (controls[i]!.contains(controls[j]!) || controls[j]!.contains(controls[i]!)) continue;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) problems.push(`${name(controls[i]!)} overlaps ${name(controls[j]!)}`);
      }
    }
    // Reachable: scrolled into view, a press at its centre lands on it.
    for (const el of controls) {
      // Scrolling is synchronous: the boxes and the hit test below already see the new position.
      el.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > innerWidth) problems.push(`${name(el)} runs off the side (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      // A range input's thumb, a switch: the control or something inside it (its label's text) takes the press.
      if (!hit || !(el.contains(hit) || (el as HTMLInputElement).labels?.[0]?.contains(hit))) problems.push(`${name(el)} cannot be pressed: ${hit ? name(hit) : "nothing"} lies over it`);
    }
    scrollTo(0, 0);
    return problems;
  });
}

describe("at 200% zoom", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/", ZOOMED);
    await s.page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
  });

  afterAll(async () => {
    await s?.close();
  });

  it.each([false, true])("every calm-space screen holds: nothing clipped, overlapping or out of reach (larger text %s)", async (largeText) => {
    const { page } = s;
    await page.evaluate((largeText) => (window as unknown as TestWindow).__brTest.store.getState().updateSettings!({ largeText }), largeText);
    const found: string[] = [];
    for (const screen of CALM_SCREENS) {
      await reach(page, screen);
      for (const problem of await layoutProblems(page)) found.push(`${screen}: ${problem}`);
      if (screen === "Settings") await page.keyboard.press("Escape");
    }
    expect(found).toEqual([]);
  });
});
