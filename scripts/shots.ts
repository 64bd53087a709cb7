/**
 * A contact sheet of the calm space: every screen on a desktop, a phone and an emulated Meta Quest 3,
 * in each look (default, larger text, high contrast, reduced motion), one image per device under
 * test-results/shots/. Anyone can look at the whole app at once.
 *
 *   npm run shots                 (builds the test client first)
 *   SHOTS_SKIP_BUILD=1 npm run shots
 *   SHOTS_LOOKS="default,high contrast" npm run shots   (fewer looks, faster)
 *
 * Runs on loopback only; screens are reached through the test build's store handle, as a person
 * would reach them by pressing buttons (the e2e tests press the buttons themselves).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
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
  ["summary", "/", "summary"],
  ["history", "/", "history"],
  ["settings", "/", "settings"],
  ["crisis help", "/", "crisis"],
  ["not found", "/nowhere", null],
];

interface TestWindow {
  __brTest: { store: { getState(): Record<string, (...args: unknown[]) => void> & { settings: object } } };
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
      if (go === "practice") return s.checkIn!(4);
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
  // Let the 3D stage draw a few frames (SwiftShader is slow).
  await page.waitForTimeout(go === "practice" ? 4000 : 2500);
}

async function shoot(browser: Browser, baseURL: string, device: Device, screens: Screen[], dir: string): Promise<string[]> {
  const files: string[] = [];
  const wanted = process.env.SHOTS_LOOKS?.split(",");
  for (const look of LOOKS.filter((l) => !wanted || wanted.includes(l.name))) {
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

async function main(): Promise<void> {
  if (!process.env.SHOTS_SKIP_BUILD) await buildTestClient();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const devices: [string, Device][] = [
      ["desktop", { viewport: { width: 1280, height: 800 } }],
      ["phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    ];
    for (const [name, device] of devices) {
      const dir = join(OUT, name);
      mkdirSync(dir, { recursive: true });
      const files = await shoot(browser, server.baseURL, device, SCREENS, dir);
      await sheet(browser, `Breathing Room — ${name}`, files, SCREENS.length, join(OUT, `${name}.png`));
      console.log(`${name}: ${files.length} screens → test-results/shots/${name}.png`);
    }
    writeFileSync(join(OUT, "README.txt"), "Made by `npm run shots`; not committed.\n");
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
