/**
 * A contact sheet of the calm space: every screen on a desktop, a phone and an emulated Meta Quest 3
 * (IWER, test build), in each look (default, larger text, high contrast, reduced motion), one image
 * per device under test-results/shots/. Anyone can look at the whole app at once. The e2e run makes
 * the same sheets (tests/e2e/contactSheet.test.ts).
 *
 *   npm run shots                 (builds the test client first)
 *   SHOTS_SKIP_BUILD=1 npm run shots
 *   SHOTS_LOOKS="default,high contrast" npm run shots   (fewer looks, faster)
 *   SHOTS_DEVICES=headset npm run shots                  (fewer devices)
 *
 * Runs on loopback only; screens are reached through the test build's store handle, as a person
 * would reach them by pressing buttons (the e2e tests press the buttons themselves).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { pathToFileURL } from "node:url";
import { CHROMIUM, CHROMIUM_ARGS, type Device } from "./chromium";
import { ROOT, buildTestClient, startServer } from "./serveApp";

const OUT = join(ROOT, "test-results", "shots");

interface Look {
  name: string;
  settings: Record<string, boolean>;
}
const LOOKS: Look[] = [
  { name: "default", settings: {} },
  { name: "larger text", settings: { largeText: true } },
  { name: "high contrast", settings: { highContrast: true } },
  { name: "reduced motion", settings: { reducedMotion: true } },
];

/** A screen, reached from a fresh page; returns a label. */
type Screen = [label: string, path: string, go: string | null];
const SCREENS: Screen[] = [
  ["place", "/", null],
  ["exercise", "/", "exercise"],
  ["length (4-7-8)", "/", "length"],
  ["check-in", "/", "check-in"],
  ["practice", "/", "practice"],
  ["practice at rest", "/", "practice at rest"],
  ["summary", "/", "summary"],
  ["history", "/", "history"],
  ["settings", "/", "settings"],
  ["crisis help", "/", "crisis"],
  ["not found", "/nowhere", null],
];

interface TestWindow {
  __brTest: {
    store: { getState(): Record<string, (...args: unknown[]) => void> & { settings: object; xrMode: string | null } };
    xrStore: { enterVR(): Promise<unknown> };
  };
}

/** Screens a headset shows (Settings, "not found" and the fading page controls are page-only). */
const HEADSET_SCREENS = SCREENS.filter(([label]) => label !== "settings" && label !== "not found" && label !== "practice at rest");

/** Where the emulated headset's shots are reached: one VR session per look, screens changed through the store. */
async function shootHeadset(browser: Browser, baseURL: string, looks: Look[], dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const look of looks) {
    const context = await browser.newContext({ viewport: { width: 800, height: 450 }, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(new URL("/?xr=emulate", baseURL).href);
    await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.xrStore), null, { timeout: 60_000 });
    await page.evaluate((settings) => (window as unknown as TestWindow).__brTest.store.getState().updateSettings!(settings), look.settings);
    await page.evaluate(() => void (window as unknown as TestWindow).__brTest.xrStore.enterVR());
    await page.waitForFunction(() => (window as unknown as TestWindow).__brTest.store.getState().xrMode === "immersive-vr", null, { timeout: 60_000 });
    for (const [label, , go] of HEADSET_SCREENS) {
      await page.evaluate((go) => {
        const s = (window as unknown as TestWindow).__brTest.store.getState();
        s.closeCrisis!();
        s.restart!();
        if (go === null) return;
        s.chooseExercise!("478");
        if (go === "practice") return s.checkIn!(4);
        // In a headset crisis help is shown where it matters most: opened during practice, over the orb.
        if (go === "crisis") {
          s.checkIn!(4);
          return s.openCrisis!();
        }
        if (go === "summary") {
          s.checkIn!(4);
          s.stop!();
          return s.checkOut!(7);
        }
        s.go!(go);
      }, go);
      // The emulated headset draws a few frames a second here; let the panels lay out.
      await page.waitForTimeout(6000);
      const file = join(dir, `${look.name}-${label}.png`.replace(/[^\w.-]+/g, "_"));
      await page.screenshot({ path: file });
      files.push(file);
    }
    await context.close();
  }
  return files;
}

async function reach(page: Page, go: string | null, look: Look): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as Partial<TestWindow>).__brTest?.store));
  await page.evaluate(
    ({ go, settings }) => {
      const s = (window as unknown as TestWindow).__brTest.store.getState();
      s.updateSettings!(settings);
      if (go === "settings") return;
      if (go === "crisis") return s.openCrisis!();
      if (go === null) return;
      s.chooseExercise!("478");
      if (go === "practice" || go === "practice at rest") return s.checkIn!(4);
      if (go === "summary") {
        s.checkIn!(4);
        s.stop!();
        return s.checkOut!(7);
      }
      s.go!(go);
    },
    { go, settings: look.settings },
  );
  if (go === "settings") await page.getByRole("button", { name: "Settings" }).click();
  // Let the 3D stage draw a few frames (SwiftShader is slow); at rest, the controls fade after
  // IDLE_MS without input (the screenshot itself is no input).
  if (go === "practice at rest") await page.waitForFunction(() => document.querySelector("section.practice")?.classList.contains("idle"), null, { timeout: 30_000 });
  await page.waitForTimeout(go === "practice" ? 3000 : go === "practice at rest" ? 1500 : 2500);
  // Practising with the controls shown: a pointer moving over the scene brings them back.
  if (go === "practice") {
    await page.mouse.move(5, 300);
    await page.mouse.move(10, 310);
    await page.waitForTimeout(400);
  }
}

async function shoot(browser: Browser, baseURL: string, device: Device, screens: Screen[], looks: Look[], dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const look of looks) {
    for (const [label, path, go] of screens) {
      const context = await browser.newContext({ ...device, locale: "en-GB", reducedMotion: look.settings.reducedMotion ? "reduce" : "no-preference" });
      const page = await context.newPage();
      await page.goto(new URL(path, baseURL).href);
      await reach(page, go, look);
      const file = join(dir, `${look.name}-${label}.png`.replace(/[^\w.-]+/g, "_"));
      await page.screenshot({ path: file });
      files.push(file);
      await context.close();
    }
  }
  return files;
}

/** One image of many: a labelled grid, laid out by the browser itself. */
async function sheet(browser: Browser, title: string, files: string[], columns: number, out: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 2400, height: 800 } });
  const { readFileSync } = await import("node:fs");
  const cells = files
    .map((f) => {
      const name = f.split("/").pop()!.replace(/\.png$/, "").replace(/_/g, " ");
      return `<figure><img src="data:image/png;base64,${readFileSync(f).toString("base64")}"><figcaption>${name}</figcaption></figure>`;
    })
    .join("");
  await page.setContent(
    `<style>body{margin:16px;background:#222;color:#eee;font:16px sans-serif}div{display:grid;grid-template-columns:repeat(${columns},1fr);gap:12px}
     figure{margin:0}img{width:100%;display:block;border:1px solid #555}</style><h1>${title}</h1><div>${cells}</div>`,
  );
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}

/** The four looks by name: default, larger text, high contrast, reduced motion. */
export const LOOK_NAMES = LOOKS.map((l) => l.name);

/**
 * Every screen × look on each device, one sheet per device: test-results/shots/<device>.png.
 * `baseURL` serves the test build. Returns the sheets written.
 */
export async function contactSheets(
  baseURL: string,
  devices = process.env.SHOTS_DEVICES?.split(",") ?? ["desktop", "phone", "headset"],
  lookNames = process.env.SHOTS_LOOKS?.split(",") ?? LOOK_NAMES,
): Promise<string[]> {
  const looks = LOOKS.filter((l) => lookNames.includes(l.name));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const sheets: string[] = [];
  try {
    const pages: [string, Device][] = [
      ["desktop", { viewport: { width: 1024, height: 720 } }],
      ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    ];
    for (const name of devices) {
      const dir = join(OUT, name);
      mkdirSync(dir, { recursive: true });
      const device = pages.find(([n]) => n === name)?.[1];
      const screens = device ? SCREENS : HEADSET_SCREENS;
      const files = device ? await shoot(browser, baseURL, device, screens, looks, dir) : await shootHeadset(browser, baseURL, looks, dir);
      const out = join(OUT, `${name}.png`);
      await sheet(browser, `Breathing Room — ${name}`, files, screens.length, out);
      sheets.push(out);
      console.log(`${name}: ${files.length} screens → test-results/shots/${name}.png`);
    }
    writeFileSync(join(OUT, "README.txt"), "Made by `npm run shots` and the e2e run; not committed.\n");
  } finally {
    await browser.close();
  }
  return sheets;
}

async function main(): Promise<void> {
  if (!process.env.SHOTS_SKIP_BUILD) await buildTestClient();
  const server = await startServer();
  try {
    await contactSheets(server.baseURL);
  } finally {
    server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
