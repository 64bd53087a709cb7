import "../../server/polyfills";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGREEMENT_VERSION } from "../../core/care";
import { ROOM_NAME, type JoinOptions } from "../../core/protocol";
import { startServer, type RunningServer } from "../../scripts/serveApp";
import { accessibilityProblems } from "./axe";
import { ARTIFACTS, openApp, PHONE, type Device, type Session } from "./browser";

/** The sizes the facilitator pages are judged at. */
const WIDE: Device = { viewport: { width: 1280, height: 800 } };
const TALL_PHONE: Device = { ...PHONE, viewport: { width: 390, height: 844 } };
const EMAIL = "robin@example.org";
const PASSWORD = "slow breath, long walk";
const TOKEN_KEY = "breathing-room.facilitator-token";

/** What the person sees in the window; `whole` adds the full page (the crisis button is fixed, so it sits mid-page there). */
const shot = async (page: Page, name: string, whole = false) => {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  if (whole) await page.screenshot({ path: join(ARTIFACTS, `${name}-full.png`), fullPage: true });
};
const storedToken = (page: Page) =>
  page.evaluate((key) => sessionStorage.getItem(key) ?? localStorage.getItem(key), TOKEN_KEY);

/** Tomorrow at 19:00, as a datetime-local value (the browser and this process share the machine's time zone). */
function tomorrowAt19(): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T19:00`;
}

/** Five people check in before and after in a real circle, then the facilitator ends it: the page has figures to show. */
async function runCircle(baseURL: string, token: string, code: string, answers: Array<[number, number]>) {
  const url = baseURL.replace(/^http/, "ws");
  const lead = new Client(url);
  // The page's sign-in buys a minutes-long room token, as the room page does before joining.
  const traded = await fetch(`${baseURL}/api/auth/room-token`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  lead.auth.token = ((await traded.json()) as { token: string }).token;
  const options = (pseudonym: string): JoinOptions => ({ code, pseudonym, look: "sage", agreementVersion: AGREEMENT_VERSION });
  const facilitator = await lead.joinOrCreate(ROOM_NAME, options("Robin"));
  facilitator.send("openCircle");
  // Seat the five at once (admission is on by default: they would wait to be let in).
  facilitator.send("setAdmission", { on: false });
  // The first state patch may still be on its way: wait for the session in it, with admission off.
  for (let i = 0; i < 200 && facilitator.state.session?.admission !== false; i++) await new Promise((r) => setTimeout(r, 50));
  const people = [];
  for (const [i, [before, after]] of answers.entries()) {
    const room = await new Client(url).joinOrCreate(ROOM_NAME, options(`Person ${i + 1}`));
    people.push(room);
    for (const [phase, value] of [["before", before], ["after", after]] as const) {
      const ack = new Promise((done) => room.onMessage("checkedIn", done));
      room.send("checkIn", { phase, value });
      await ack;
    }
  }
  const closed = new Promise((done) => facilitator.onLeave(done));
  facilitator.send("endSession");
  await closed;
}

describe("facilitating in the browser", () => {
  let server: RunningServer;
  let s: Session;
  let code = "";

  // Its own server: the first account of an install becomes the admin, which no other test may race for.
  beforeAll(async () => {
    server = await startServer();
    s = await openApp(server.baseURL, "/facilitate", WIDE);
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseURL });
  });

  afterAll(async () => {
    await s?.close();
    server?.stop();
  });

  it("the first account of a fresh install is the admin and needs no invite", async () => {
    const { page } = s;
    await page.getByRole("heading", { name: "Sign in to facilitate" }).waitFor();
    await shot(page, "facilitate-sign-in");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Create an account" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Create a facilitator account");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password", { exact: true }).fill("too short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 10 characters").waitFor();
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Your sessions" }).waitFor();
    expect(await page.locator(".account").innerText()).toContain(`${EMAIL} (admin)`);
    expect(await storedToken(page)).toMatch(/^ey/);
  });

  it("plans a session with a date and time, and shows its code and link", async () => {
    const { page } = s;
    // No session yet: the form is open.
    await page.getByLabel("Title").fill("Tuesday evening circle");
    await page.getByLabel("Place").selectOption({ label: "Forest clearing" });
    await page.getByLabel("How many people can join").fill("10");
    await page.getByLabel("Date and time (optional)").fill(tomorrowAt19());
    await shot(page, "facilitate-new-session");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Create session" }).click();
    const card = page.getByRole("article", { name: "Tuesday evening circle" });
    await card.waitFor();
    await page.getByRole("status").filter({ hasText: "is planned" }).waitFor();
    const details = await card.locator(".session-details").innerText();
    expect(details).toMatch(/19:00/);
    expect(details).toContain("Forest clearing");
    expect(details).toContain("up to 10 people");
    code = await card.locator(".join-code").innerText();
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/);
    expect(await card.getByLabel("Link to share").inputValue()).toBe(`${server.baseURL}/room/${code}`);
  });

  it("copies the join link", async () => {
    const { page } = s;
    const card = page.getByRole("article", { name: "Tuesday evening circle" });
    await card.getByRole("button", { name: "Copy link" }).click();
    await card.getByRole("status").filter({ hasText: "Link copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.baseURL}/room/${code}`);
    await shot(page, "facilitate-dashboard", true);
  });

  it("edits a session: a new title, and no set time", async () => {
    const { page } = s;
    const card = page.getByRole("article", { name: "Tuesday evening circle" });
    await card.getByRole("button", { name: "Edit" }).click();
    await card.getByLabel("Title").fill("Thursday evening circle");
    await card.getByRole("button", { name: "No set time" }).click();
    await card.getByRole("button", { name: "Save changes" }).click();
    const edited = page.getByRole("article", { name: "Thursday evening circle" });
    await edited.getByRole("status").filter({ hasText: "Changes saved" }).waitFor();
    expect(await edited.locator(".session-details").innerText()).toContain("No set time");
    // Kept by the server, not just on screen; the sign-in survives a reload of the tab.
    await page.reload();
    await page.getByRole("article", { name: "Thursday evening circle" }).locator(".join-code").waitFor();
    expect(await page.getByRole("article", { name: "Thursday evening circle" }).locator(".session-details").innerText()).toContain("No set time");
  });

  it("schedules and then cancels another session, which moves to past sessions", async () => {
    const { page } = s;
    await page.getByRole("button", { name: "Plan a session" }).click();
    await page.getByLabel("Title").fill("Morning breath");
    await page.getByLabel("Date and time (optional)").fill(tomorrowAt19().replace("T19:00", "T08:30"));
    await page.getByRole("button", { name: "Create session" }).click();
    const card = page.getByRole("article", { name: "Morning breath" });
    await card.waitFor();
    // Soonest first.
    expect(await page.locator(".upcoming-sessions h3").allInnerTexts()).toEqual(["Morning breath", "Thursday evening circle"]);
    await card.getByRole("button", { name: "Cancel session" }).click();
    await card.getByRole("group").getByText("Its code and link stop working").waitFor();
    await shot(page, "facilitate-cancel");
    expect(await accessibilityProblems(page)).toEqual([]);
    await card.getByRole("button", { name: "Yes, cancel session" }).click();
    await page.getByRole("status").filter({ hasText: "“Morning breath” is cancelled" }).waitFor();
    const past = page.locator(".past-sessions");
    await past.getByText("Morning breath").waitFor();
    await past.getByText(/^Cancelled /).waitFor();
    await past.getByText("Not enough answers to show").waitFor();
  });

  it("opens the circle as the facilitator: the room page can read the sign-in", async () => {
    const { page } = s;
    const token = await storedToken(page);
    await page.getByRole("article", { name: "Thursday evening circle" }).getByRole("link", { name: "Open the circle" }).click();
    await page.waitForURL(`${server.baseURL}/room/${code}`);
    expect(await storedToken(page)).toBe(token);
    await page.goto(`${server.baseURL}/facilitate`);
    await page.getByRole("heading", { name: "Your sessions" }).waitFor();
  });

  it("shows a past session's check-ins as a chart once five people answered", async () => {
    const { page } = s;
    await runCircle(server.baseURL, (await storedToken(page))!, code, [[3, 5], [4, 6], [2, 2], [7, 8], [4, 9]]);
    await page.reload();
    const figure = page.locator(".past-sessions figure");
    await figure.waitFor();
    expect(await figure.locator("figcaption").innerText()).toBe(
      "5 people answered both check-ins. On average they felt 4.0 out of 10 before and 6.0 after (up 2.0).",
    );
    expect(await page.getByRole("img", { name: /Average feeling out of 10: 4\.0 before, 6\.0 after/ }).count()).toBe(1);
    await shot(page, "facilitate-past", true);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("reads well with larger text and high contrast", async () => {
    const { page } = s;
    const settings = page.getByRole("button", { name: "Settings", exact: true });
    await settings.click();
    await page.getByLabel("Larger text").check();
    await page.getByLabel("High contrast").check();
    await settings.click();
    await shot(page, "facilitate-high-contrast", true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await settings.click();
    await page.getByLabel("Larger text").uncheck();
    await page.getByLabel("High contrast").uncheck();
    await settings.click();
  });

  let inviteLink = "";
  it("an admin creates an invite, shown once with a link to copy", async () => {
    const { page } = s;
    await page.getByLabel("Their email (optional)").fill("sam@example.org");
    await page.getByRole("button", { name: "Create invite" }).click();
    await page.getByRole("heading", { name: "Invite ready for sam@example.org" }).waitFor();
    inviteLink = await page.getByLabel("Invite link").inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.baseURL}/facilitate#invite=[\\w-]+&email=sam%40example.org$`));
    await page.getByRole("button", { name: "Copy invite link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);
    await shot(page, "facilitate-invite");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole("button", { name: "Done" }).click();
    expect(await page.getByLabel("Invite link").count()).toBe(0);
    await page.locator(".invite-item").filter({ hasText: "For sam@example.org" }).getByText("Not used yet").waitFor();

    // One made by mistake is withdrawn from the list.
    await page.getByRole("button", { name: "Create invite" }).click();
    await page.getByRole("heading", { name: "Invite ready", exact: true }).waitFor();
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Withdraw the invite for anyone with the link" }).click();
    await page.getByText("The invite for anyone with the link is withdrawn: it no longer works.").waitFor();
    expect(await page.locator(".invite-item").count()).toBe(1);
  });

  it("signs out (the token is gone and refused), and back in", async () => {
    const { page } = s;
    const token = await storedToken(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to facilitate" }).waitFor();
    await page.getByText(/You're signed out/).waitFor();
    expect(await storedToken(page)).toBeNull();
    // Signed out on the server too, where it offers sign-out (POST /api/auth/signout): the old token is refused.
    const offered = (await page.evaluate(() => fetch("/api/auth/signout", { method: "POST" }).then((r) => r.status))) !== 404;
    if (offered) {
      const me = () => page.evaluate((t) => fetch("/api/auth/me", { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status), token);
      await expect.poll(me).toBe(401);
    }

    // By keyboard alone: focus is on the heading after signing out; Tab reaches the fields, Enter sends.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Sign in to facilitate");
    await page.keyboard.press("Tab");
    await page.keyboard.type(EMAIL);
    await page.keyboard.press("Tab");
    await page.keyboard.type("not my password");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").filter({ hasText: "That email and password don't match an account" }).waitFor();
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Keep me signed in on this device").check();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(".past-sessions").getByText("Thursday evening circle").waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toMatch(/^ey/);
  });

  it("the invited facilitator signs up from the link, on a phone, by keyboard and touch", async () => {
    const phone = await s.browser.newContext({ ...TALL_PHONE, locale: "en-GB" });
    const requests: string[] = [];
    phone.on("request", (r) => requests.push(r.url()));
    try {
      const page = await phone.newPage();
      await page.goto(inviteLink);
      await page.getByRole("heading", { name: "Create a facilitator account" }).waitFor();
      // The invite is read, then taken out of the address bar.
      expect(new URL(page.url()).hash).toBe("");
      expect(await page.getByLabel("Email").inputValue()).toBe("sam@example.org");
      expect(await page.getByLabel("Invite", { exact: true }).inputValue()).not.toBe("");
      await shot(page, "facilitate-phone-sign-up");
      await page.getByLabel("Password", { exact: true }).tap();
      await page.keyboard.type("a quiet lake at dawn");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Your sessions" }).waitFor();
      expect(await page.locator(".account").innerText()).not.toContain("(admin)");
      expect(await page.getByRole("heading", { name: "Invite a facilitator" }).count()).toBe(0);
      await page.getByLabel("Title").fill("Lunchtime pause");
      await page.getByRole("button", { name: "Create session" }).tap();
      await page.getByRole("article", { name: "Lunchtime pause" }).waitFor();
      await shot(page, "facilitate-phone", true);
      expect(await accessibilityProblems(page)).toEqual([]);
      expect(requests.filter((url) => new URL(url).origin !== server.baseURL)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it("the admin's list shows the invite as used", async () => {
    const { page } = s;
    await page.reload();
    await page.locator(".invite-item").filter({ hasText: "For sam@example.org" }).getByText(/^Used /).waitFor();
    expect(await page.getByRole("button", { name: /^Withdraw/ }).count()).toBe(0);
  });

  it("makes no request to any origin but its own", () => {
    expect(s.thirdParty()).toEqual([]);
  });
});
