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
    gl: { info: { render: { frame: number } } };
    vrTexts(): { text: string; position: number[] }[];
    vrTargets(): { label: string; position: number[] }[];
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
    const fonts = watchFontAtlases(page);
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
      // The emulated headset draws a few frames a second here: until the panels have laid out and stay put.
      await panelsSettled(page, fonts);
      const file = join(dir, `${look.name}-${label}.png`.replace(/[^\w.-]+/g, "_"));
      await page.screenshot({ path: file });
      files.push(file);
    }
    await context.close();
  }
  return files;
}

/**
 * Until the page has settled on what it shows: the stage has drawn a few frames since the last
 * change (three.js counts the frames it renders), the fonts are in, nothing is still loading and
 * no CSS transition is still running (the practice controls fade in 250 ms). Software WebGL draws a few frames a second, so
 * this waits as long as this machine takes, no longer.
 */
async function settled(page: Page, frames = 3): Promise<void> {
  const start = await page.evaluate(() => (window as unknown as Partial<TestWindow>).__brTest?.gl?.info.render.frame ?? null);
  await page.waitForFunction(
    ({ target, stage }) => {
      const gl = (window as unknown as Partial<TestWindow>).__brTest?.gl;
      if (stage && (gl?.info.render.frame ?? 0) < target) return false;
      if (document.fonts.status !== "loaded") return false;
      // A screen still arriving (its chunk, or History reading the browser's own database).
      if (document.querySelector("[aria-busy=true]") || [...document.querySelectorAll("main p")].some((p) => p.textContent === "Loading…")) return false;
      return document.getAnimations().every((a) => a.playState !== "running" || !Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    },
    { target: (start ?? 0) + frames, stage: start !== null },
    { timeout: 60_000, polling: 100 },
  );
}

/** The in-VR text's font atlases (msdf JSON and PNG, one pair per weight), fetched when a panel first needs them. */
const FONT_ATLAS = /atkinson-hyperlegible-(400|700)[^/]*\.(png|json)/;

/** Font atlases this page has asked for and not yet received, and how many it has received. */
function watchFontAtlases(page: Page): { pending: Set<unknown>; loaded: () => number } {
  const pending = new Set<unknown>();
  let loaded = 0;
  page.on("request", (r) => void (FONT_ATLAS.test(r.url()) && pending.add(r)));
  page.on("requestfinished", (r) => void (pending.delete(r) && loaded++));
  page.on("requestfailed", (r) => void pending.delete(r));
  return { pending, loaded: () => loaded };
}

/**
 * In a headset, until the in-VR panels have laid out: every font atlas asked for has arrived
 * (before that uikit lays buttons out without their words), and every text and button has stayed
 * where it is, with the same words, for three drawn frames.
 */
async function panelsSettled(page: Page, fonts: ReturnType<typeof watchFontAtlases>): Promise<void> {
  const read = () =>
    page.evaluate(() => {
      const t = (window as unknown as TestWindow).__brTest;
      const round = (p: number[]) => p.map((v) => v.toFixed(3)).join(",");
      return {
        frame: t.gl.info.render.frame,
        layout: JSON.stringify([t.vrTexts().map((x) => `${x.text}@${round(x.position)}`), t.vrTargets().map((x) => `${x.label}@${round(x.position)}`)]),
      };
    });
  let last = await read();
  let steadySince = last.frame;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    await page.waitForTimeout(150);
    const now = await read();
    if (now.layout !== last.layout || fonts.pending.size > 0 || fonts.loaded() === 0) steadySince = now.frame;
    last = now;
    if (now.frame - steadySince >= 3 && now.layout !== "[[],[]]") return;
  }
  throw new Error("the in-VR panels did not settle within 60 s");
}

async function reach(page: Page, go: string | null, look: Look, stage: boolean): Promise<void> {
  // The calm space's pages draw a 3D stage: wait for its renderer, whose frames `settled` counts.
  await page.waitForFunction((stage) => Boolean((window as unknown as Partial<TestWindow>).__brTest?.[stage ? "gl" : "store"]), stage, { timeout: 60_000 });
  await page.evaluate(
    ({ go, settings }) => {
      const s = (window as unknown as TestWindow).__brTest.store.getState();
      // From wherever the last shot left the page, back to a fresh start.
      s.closeCrisis!();
      s.restart!();
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
  if (go === "settings") {
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Close settings" }).waitFor({ timeout: 30_000 });
  }
  // At rest, the controls fade after IDLE_MS without input (the screenshot itself is no input).
  if (go === "practice at rest") await page.waitForFunction(() => document.querySelector("section.practice")?.classList.contains("idle"), null, { timeout: 30_000 });
  // Practising: three seconds in, the orb part-way through its first breath in.
  if (go === "practice")
    await page.waitForFunction(
      () => {
        const p = (window as unknown as { __brTest: { store: { getState(): { practice: { startedAt: number } } } } }).__brTest.store.getState().practice;
        return performance.now() - p.startedAt >= 3000;
      },
      null,
      { timeout: 30_000, polling: 100 },
    );
  await settled(page);
  // Practising with the controls shown: a pointer moving over the scene brings them back.
  if (go === "practice") {
    await page.mouse.move(5, 300);
    await page.mouse.move(10, 310);
    await settled(page, 1);
  }
}

/** Back to a page with nothing open and the pointer where a fresh page has it. */
async function leave(page: Page, go: string | null): Promise<void> {
  if (go === "settings") {
    await page.getByRole("button", { name: "Close settings" }).click();
    await page.getByRole("button", { name: "Close settings" }).waitFor({ state: "detached" });
  }
  if (go === "practice") await page.mouse.move(0, 0);
}

/**
 * One page per look, each screen reached in turn from a fresh start (`restart`), rather than a
 * page load per screen: a load costs seconds of software-drawn first frame. The summary saves a
 * session to History, so it is taken after every other screen of its page (History shows a first
 * visit, as before); screens on another address ("not found") get their own load.
 */
async function shoot(browser: Browser, baseURL: string, device: Device, screens: Screen[], looks: Look[], dir: string): Promise<string[]> {
  const files: string[] = [];
  const order = [...screens].sort((a, b) => rank(a) - rank(b));
  for (const look of looks) {
    const context = await browser.newContext({ ...device, locale: "en-GB", reducedMotion: look.settings.reducedMotion ? "reduce" : "no-preference" });
    const page = await context.newPage();
    const shot = new Map<string, string>();
    let loaded: string | null = null;
    for (const [label, path, go] of order) {
      if (loaded !== path) await page.goto(new URL(path, baseURL).href);
      loaded = path;
      await reach(page, go, look, path === "/");
      const file = join(dir, `${look.name}-${label}.png`.replace(/[^\w.-]+/g, "_"));
      await page.screenshot({ path: file });
      shot.set(label, file);
      await leave(page, go);
    }
    await context.close();
    files.push(...screens.map(([label]) => shot.get(label)!));
  }
  return files;
}

/** Shooting order on a page: the app's own screens, the summary after them, other addresses last. */
const rank = ([, path, go]: Screen) => (path !== "/" ? 2 : go === "summary" ? 1 : 0);

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
