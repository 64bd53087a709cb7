import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP, type Device } from "../../scripts/chromium";

export { DESKTOP, PHONE, type Device } from "../../scripts/chromium";

/** Screenshots go here as test artifacts (git-ignored). */
export const ARTIFACTS = resolve(import.meta.dirname, "../../test-results/e2e");

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** every URL the page asked for, in order */
  requests: string[];
  /** requests to any origin other than the app's own */
  thirdParty: () => string[];
  close: () => Promise<void>;
}

/** True for the app's own origin and for in-page schemes that never touch the network. */
export function isOwn(url: string, base: URL): boolean {
  if (/^(data|blob|about|chrome-extension):/.test(url)) return true;
  const u = new URL(url);
  return u.host === base.host && (u.protocol === "http:" || u.protocol === "ws:" || u.protocol === base.protocol);
}

export async function openApp(baseURL: string, path = "/", device: Device = DESKTOP): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required"],
  });
  const context = await browser.newContext({ ...device, locale: "en-GB" });
  const requests: string[] = [];
  const base = new URL(baseURL);
  context.on("request", (r) => requests.push(r.url()));
  context.on("websocket" as never, (ws: { url(): string }) => requests.push(ws.url()));
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[page error] ${e.message}`));
  if (process.env.E2E_DEBUG) page.on("console", (m) => console.error(`[console ${m.type()}] ${m.text().slice(0, 300)}`));
  await page.goto(new URL(path, baseURL).href);
  return {
    browser,
    context,
    page,
    requests,
    thirdParty: () => requests.filter((url) => !isOwn(url, base)),
    close: () => browser.close(),
  };
}
