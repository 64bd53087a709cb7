import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { accessibilityProblems } from "./axe";
import { openApp, type Device, type Session } from "./browser";
import { CALM_SCREENS, practiseNow, reachCalmScreen, waitForFaded } from "./practice";

/**
 * The calm space's pages at any size and in any look: a phone page never scrolls sideways on any
 * screen, Settings and crisis help open or not; practising at rest leaves only words over the
 * scene; and axe-core finds nothing serious or critical on any calm-space screen (Settings open and
 * the not-found page too), in the default look, with larger text, high contrast or reduced motion.
 */

interface TestWindow {
  __brTest: {
    store: { getState(): Record<string, (...args: unknown[]) => void> & { practice: { status: string } } };
  };
}

const DEVICES: [string, Device][] = [
  ["desktop", { viewport: { width: 1024, height: 720 } }],
  ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];

describe("a phone page never scrolls sideways", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/", DEVICES[1]![1]);
    await s.page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
  });

  afterAll(async () => {
    await s?.close();
  });

  it.each([false, true])("on any screen, Settings and crisis help included (larger text %s)", async (largeText) => {
    const { page } = s;
    const wide: string[] = [];
    const check = async (where: string) => {
      const extra = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      if (extra > 0) wide.push(`${where}: ${extra} px`);
    };
    const screens = ["environment", "exercise", "length", "check-in", "practice", "check-out", "summary", "history", "learn"];
    for (const screen of screens) {
      await page.evaluate(
        ({ screen, largeText }) => {
          const s = (window as unknown as TestWindow).__brTest.store.getState();
          s.restart!();
          s.updateSettings!({ largeText });
          s.chooseExercise!("grounding-54321");
          if (screen === "practice" || screen === "check-out" || screen === "summary") s.checkIn!(null);
          if (screen === "check-out" || screen === "summary") s.stop!();
          if (screen === "summary") s.checkOut!(null);
          else if (screen !== "practice" && screen !== "check-out") s.go!(screen);
        },
        { screen, largeText },
      );
      await page.waitForTimeout(300);
      await check(screen);
      await page.getByRole("button", { name: "Settings" }).tap();
      await page.waitForTimeout(300);
      await check(`${screen} with Settings open`);
      await page.keyboard.press("Escape");
      await page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState().openCrisis!());
      await page.waitForTimeout(300);
      await check(`${screen} with crisis help open`);
      await page.evaluate(() => (window as unknown as TestWindow).__brTest.store.getState().closeCrisis!());
    }
    expect(wide).toEqual([]);
  });
});

describe("no serious accessibility problem on any calm-space screen", () => {
  let s: Session;

  beforeAll(async () => {
    s = await openApp(inject("baseURL"), "/", DEVICES[0]![1]);
    await s.page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
  });

  afterAll(async () => {
    await s?.close();
  });

  const LOOKS = { default: {}, "larger text": { largeText: true }, "high contrast": { highContrast: true }, "reduced motion": { reducedMotion: true } };
  it.each(Object.entries(LOOKS))("%s", async (_look, settings) => {
    const { page } = s;
    const found: string[] = [];
    const look = () => page.evaluate((settings) => (window as unknown as TestWindow).__brTest.store.getState().updateSettings!({ largeText: false, highContrast: false, reducedMotion: false, ...settings }), settings);
    const scan = async (screen: string) => {
      for (const problem of await accessibilityProblems(page, { impacts: ["serious", "critical"] })) found.push(`${screen}: ${problem}`);
    };
    for (const screen of CALM_SCREENS) {
      await look();
      await reachCalmScreen(page, screen);
      await page.waitForTimeout(400);
      await scan(screen);
      if (screen === "Settings") await page.keyboard.press("Escape");
    }
    // An address the app does not know is a page of its own, loaded fresh.
    await page.goto(new URL("/no-such-page", inject("baseURL")).href);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await look();
    await page.waitForTimeout(400);
    await scan("not found");
    await page.goto(inject("baseURL"));
    await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
    expect(found).toEqual([]);
  });
});

/**
 * Everything inside the practice card that paints a background or a border, drawn (opacity above 0
 * all the way up), with how far its box reaches past the words and controls it shows, CSS px.
 */
function emptyPaint(page: Page): Promise<{ what: string; top: number; right: number; bottom: number; left: number }[]> {
  return page.evaluate(() => {
    const shown = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) if (Number(getComputedStyle(e).opacity) === 0) return false;
      return true;
    };
    // Text left to screen readers alone is clipped away: it is not something a person sees.
    const clipped = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== "none") return true;
      return false;
    };
    const paints = (el: Element, pseudo?: "::before" | "::after") => {
      const c = getComputedStyle(el, pseudo);
      if (pseudo && (c.content === "none" || c.content === "normal" || Number(c.opacity) === 0)) return false;
      const alpha = /rgba?\(([^)]+)\)/.exec(c.backgroundColor)?.[1]?.split(/[ ,/]+/)[3];
      const background = c.backgroundColor !== "transparent" && alpha !== "0" && c.backgroundColor !== "rgba(0, 0, 0, 0)";
      const border = ["Top", "Right", "Bottom", "Left"].some((side) => parseFloat(c.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 && c.getPropertyValue(`border-${side.toLowerCase()}-style`) !== "none");
      return background || border || c.backgroundImage !== "none" || c.boxShadow !== "none";
    };
    const main = document.querySelector("main")!;
    const found = [];
    // A backdrop may be an element's ::before or ::after: an absolutely placed one covers its
    // positioned ancestor (the card), any other one lies within its element.
    const layers: [Element, DOMRect][] = [];
    for (const el of [main, ...main.querySelectorAll("*")]) {
      if (!shown(el) || el.getClientRects().length === 0) continue;
      if (paints(el)) layers.push([el, el.getBoundingClientRect()]);
      for (const pseudo of ["::before", "::after"] as const) {
        if (!paints(el, pseudo)) continue;
        const absolute = ["absolute", "fixed"].includes(getComputedStyle(el, pseudo).position);
        let holder: Element = el;
        if (absolute) while (holder !== main && getComputedStyle(holder).position === "static" && holder.parentElement) holder = holder.parentElement;
        layers.push([el, holder.getBoundingClientRect()]);
      }
    }
    for (const [el, box] of layers) {
      // What it holds that a person sees: text (its line boxes) and controls, drawn.
      const content = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
      const add = (r: DOMRect) => {
        if (r.width === 0 || r.height === 0) return;
        content.left = Math.min(content.left, r.left);
        content.top = Math.min(content.top, r.top);
        content.right = Math.max(content.right, r.right);
        content.bottom = Math.max(content.bottom, r.bottom);
      };
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || !shown(n.parentElement) || clipped(n.parentElement!)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) add(r);
      }
      for (const control of el.querySelectorAll("button, input, select, a")) if (shown(control)) add(control.getBoundingClientRect());
      const what = el === main ? "the practice card" : `<${el.tagName.toLowerCase()} class="${el.className}">`;
      if (content.left === Infinity) found.push({ what, top: box.height, right: box.width, bottom: box.height, left: box.width });
      else found.push({ what, top: content.top - box.top, right: box.right - content.right, bottom: box.bottom - content.bottom, left: content.left - box.left });
    }
    return found;
  });
}

describe("practising at rest: only the words over the scene", () => {
  const CASES: [string, Device, Record<string, boolean>][] = [
    ["desktop", DEVICES[0]![1], {}],
    ["desktop, high contrast", DEVICES[0]![1], { highContrast: true }],
    ["phone, larger text", DEVICES[1]![1], { largeText: true }],
    ["short window, high contrast", { viewport: { width: 640, height: 400 } }, { highContrast: true }],
  ];
  it.each(CASES)("%s: when the controls fade, nothing painted is left empty", async (_name, device, settings) => {
    const s = await openApp(inject("baseURL"), "/", device);
    try {
      const { page } = s;
      await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
      await page.evaluate((settings) => (window as unknown as TestWindow).__brTest.store.getState().updateSettings!(settings), settings);
      await practiseNow(page, "box", 8);
      // The pointer rests away from the controls (one resting on them keeps them shown).
      await page.mouse.move(5, 5);
      await waitForFaded(page);
      await page.waitForTimeout(400); // the backdrop's 250 ms fade, begun with the controls'

      // A backdrop may reach a little past its words (padding, a rounded pill), never over an empty band.
      const MARGIN = 24;
      const empty = (await emptyPaint(page))
        .filter((p) => Math.max(p.top, p.right, p.bottom, p.left) > MARGIN)
        .map((p) => `${p.what} reaches past its words: ${[p.top, p.right, p.bottom, p.left].map(Math.round).join(" / ")} px (top / right / bottom / left)`);
      expect(empty).toEqual([]);
      // The words left stand centred under each other, not pushed aside by controls that faded.
      const centres = await page.evaluate(() =>
        [".caption", ".progress"].map((sel) => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector(`.practice-caption ${sel}`)!);
          const r = range.getBoundingClientRect();
          return r.left + r.width / 2;
        }),
      );
      expect(Math.abs(centres[0]! - centres[1]!), "the cycle count's centre against the caption's, px").toBeLessThanOrEqual(3);
    } finally {
      await s.close();
    }
  });
});

describe("the 0-10 scale reads as one line of numbers with its words under them", () => {
  it.each([
    ["desktop", DEVICES[0]![1], false],
    ["phone", DEVICES[1]![1], false],
    ["phone, larger text", DEVICES[1]![1], true],
  ] as const)("%s", async (_name, device, largeText) => {
    const s = await openApp(inject("baseURL"), "/", device);
    try {
      const { page } = s;
      await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
      await page.evaluate((largeText) => {
        const state = (window as unknown as TestWindow).__brTest.store.getState();
        state.updateSettings!({ largeText });
        state.chooseExercise!("box");
        state.go!("check-in");
      }, largeText);
      const layout = await page.locator(".feeling").evaluate((el) => {
        const numbers = [...el.querySelectorAll("[role=radio]")].map((b) => b.getBoundingClientRect());
        const words = [...el.querySelectorAll(".feeling-anchors span")].map((w) => {
          const range = document.createRange();
          range.selectNodeContents(w);
          const lines = [...range.getClientRects()];
          return { text: w.textContent, left: Math.min(...lines.map((r) => r.left)), right: Math.max(...lines.map((r) => r.right)) };
        });
        return { tops: numbers.map((r) => Math.round(r.top)), numbers: numbers.map((r) => ({ left: r.left, right: r.right, width: r.width })), words };
      });
      // One row: a second row of numbers would leave the words under nothing.
      expect(new Set(layout.tops).size, "rows of numbers").toBe(1);
      for (const n of layout.numbers) expect(n.width, "a number's width, px").toBeGreaterThanOrEqual(24);
      const [zero, okay, good] = layout.words;
      const five = layout.numbers[5]!;
      expect(Math.abs(zero!.left - layout.numbers[0]!.left), `"${zero!.text}" starts at 0`).toBeLessThanOrEqual(2);
      expect(Math.abs((okay!.left + okay!.right) / 2 - (five.left + five.right) / 2), `"${okay!.text}" is centred under 5`).toBeLessThanOrEqual(3);
      expect(Math.abs(good!.right - layout.numbers[10]!.right), `"${good!.text}" ends at 10`).toBeLessThanOrEqual(2);
    } finally {
      await s.close();
    }
  });
});

describe("counting breaths reads top to bottom", () => {
  it.each([
    ["desktop", DEVICES[0]![1]],
    ["phone", DEVICES[1]![1]],
  ] as const)("%s: the label, then its hint, then the number beside the button that uses it", async (_name, device) => {
    const s = await openApp(inject("baseURL"), "/", device);
    try {
      const { page } = s;
      await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
      await page.evaluate(() => {
        const state = (window as unknown as TestWindow).__brTest.store.getState();
        state.chooseExercise!("478");
        state.go!("length");
      });
      const box = async (locator: ReturnType<Page["locator"]>) => (await locator.boundingBox())!;
      const label = await box(page.locator("label[for=cycles-input]"));
      const hint = await box(page.locator("#cycles-hint"));
      const input = await box(page.getByLabel("Number of cycles"));
      const button = await box(page.getByRole("button", { name: /^Breathe \d+ cycles$/ }));
      // Before: "Number of cycles [9] One cycle is one full breath. [Cycles]" ran along one line.
      expect(hint.y, "the hint is under the label").toBeGreaterThanOrEqual(label.y + label.height - 1);
      expect(input.y, "the number is under the hint").toBeGreaterThanOrEqual(hint.y + hint.height - 1);
      expect(Math.abs(button.y + button.height / 2 - (input.y + input.height / 2)), "the button is beside the number").toBeLessThanOrEqual(4);
      expect(button.x, "the button is right of the number").toBeGreaterThan(input.x + input.width);
    } finally {
      await s.close();
    }
  });
});

describe("choosing an exercise on a desktop", () => {
  it.each([false, true])("shows every exercise and Back without scrolling (larger text %s)", async (largeText) => {
    const s = await openApp(inject("baseURL"), "/", DEVICES[0]![1]);
    try {
      const { page } = s;
      await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
      await page.evaluate((largeText) => {
        const state = (window as unknown as TestWindow).__brTest.store.getState();
        state.updateSettings!({ largeText });
        state.go!("exercise");
      }, largeText);
      await page.getByRole("heading", { name: "Choose an exercise" }).waitFor();
      const back = (await page.getByRole("button", { name: "Back", exact: true }).boundingBox())!;
      const bottoms = await page.evaluate((back) => ({
        back,
        lastChoice: Math.max(...[...document.querySelectorAll(".choices li")].map((li) => li.getBoundingClientRect().bottom)),
        window: innerHeight,
      }), back.y + back.height);
      if (!largeText) expect(bottoms.back, "Back's bottom edge, px").toBeLessThanOrEqual(bottoms.window);
      // With larger text the page may scroll, but never because the list runs on in one column.
      expect(bottoms.lastChoice, "the last exercise's bottom edge, px").toBeLessThanOrEqual(largeText ? bottoms.window * 1.35 : bottoms.window);
      // Your own pattern: its four numbers line up in one column, whatever their labels' lengths.
      await page.getByRole("button", { name: "Your own pattern" }).click();
      const lefts = await page.locator(".custom-pattern input").evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().left)));
      expect(lefts).toHaveLength(4);
      expect(new Set(lefts).size, `the inputs' left edges: ${lefts.join(", ")}`).toBe(1);
    } finally {
      await s.close();
    }
  });
});

describe("settings on a desktop", () => {
  it("puts a switch's note under its words, not run on after them", async () => {
    const s = await openApp(inject("baseURL"), "/", DEVICES[0]![1]);
    try {
      const { page } = s;
      await page.getByRole("button", { name: "Settings" }).click();
      // Headless Chromium has no voices, so spoken guidance carries its note.
      const note = page.locator(".settings-panel .field.toggle .hint", { hasText: "No voices on this device" });
      await note.waitFor();
      const label = (await page.getByText("Spoken guidance", { exact: true }).boundingBox())!;
      const under = (await note.boundingBox())!;
      // Before: "Spoken guidanceNo voices on this device" on one line.
      expect(under.y, "the note's top against the middle of the switch's row, px").toBeGreaterThanOrEqual(label.y + label.height / 2);
      expect(under.x, "the note starts under the words, not after them").toBeLessThan(label.x + label.width);
    } finally {
      await s.close();
    }
  });
});
