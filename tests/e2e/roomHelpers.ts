import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium";
import { ARTIFACTS, isOwn, type Device } from "./browser";

/** Where the room tests keep their screenshots (git-ignored; the README's room section points at them). */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** One person's browser window in a circle: its own context (storage, cookies) in a shared Chromium. */
export interface Person {
  context: BrowserContext;
  page: Page;
  requests: string[];
  thirdParty: () => string[];
}

/** One Chromium for everyone in a circle test: three SwiftShader browsers would not fit on two cores. `args`: more flags. */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required", ...args],
  });
}

/** `prepare` runs on the new context before the page opens (e.g. to route its WebSockets). */
export async function openPerson(browser: Browser, baseURL: string, path: string, device: Device, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Person> {
  const context = await browser.newContext({ ...device, locale: "en-GB" });
  await prepare?.(context);
  // Three or four software-drawn pages share two cores here: give every step time.
  context.setDefaultTimeout(60_000);
  const requests: string[] = [];
  const base = new URL(baseURL);
  context.on("request", (r) => requests.push(r.url()));
  context.on("websocket" as never, (ws: { url(): string }) => requests.push(ws.url()));
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[page error ${path}] ${e.message}`));
  if (process.env.E2E_DEBUG) page.on("console", (m) => console.error(`[console ${m.type()}] ${m.text().slice(0, 300)}`));
  await page.goto(new URL(path, baseURL).href);
  return { context, page, requests, thirdParty: () => requests.filter((u) => !isOwn(u, base)) };
}

/** The facilitator's account, made in the /facilitate pages (the first account of an install is its admin). */
export async function signUp(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("heading", { name: "Sign in to facilitate" }).waitFor();
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Your sessions" }).waitFor();
}

/** Plans a session from the facilitator page's form; returns its join code. */
export async function planSession(page: Page, title: string, place: string, capacity = 10): Promise<string> {
  const plan = page.getByRole("button", { name: "Plan a session" });
  if (await plan.isVisible()) await plan.click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Place").selectOption({ label: place });
  await page.getByLabel("How many people can join").fill(String(capacity));
  await page.getByRole("button", { name: "Create session" }).click();
  const card = page.getByRole("article", { name: title });
  await card.locator(".join-code").waitFor();
  return card.locator(".join-code").innerText();
}

/** From the room page's first screen, as a participant: the agreement, a name, in. */
export async function joinAsParticipant(page: Page, pseudonym: string): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("I have read the agreement and the notice, and I agree to them").check();
  await page.getByRole("button", { name: "I agree, continue" }).click();
  await page.getByLabel("A name for this circle").fill(pseudonym);
  await page.getByRole("button", { name: "Enter the circle" }).click();
}

/** Until this page is seated in the circle (its store says so, and the toolbar is there). */
export async function waitSeated(page: Page): Promise<void> {
  await page.getByRole("region", { name: "Your actions" }).waitFor({ timeout: 30_000 });
}

interface Hooks {
  roomStore: { getState(): Record<string, unknown> & { people: Record<string, { id: string; pseudonym: string }> } };
}

/** The sessionId of the person with this pseudonym, as this page's room store knows them. */
export function idOf(page: Page, pseudonym: string): Promise<string> {
  return page.evaluate((name) => {
    const people = (window as unknown as { __brTest: Hooks }).__brTest.roomStore.getState().people;
    return Object.values(people).find((p) => p.pseudonym === name)?.id ?? "";
  }, pseudonym);
}

/** Something read from this page's room store (`read` runs in the page, on the store's state). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function roomValue<T>(page: Page, read: (s: any) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__brTest.roomStore.getState())`) as Promise<T>;
}
