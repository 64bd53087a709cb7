import "../../server/polyfills";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_NAME } from "../../core/protocol";
import { postJson, roomToken } from "../../scripts/api";
import { startServer, type RunningServer } from "../../scripts/serveApp";
import { accessibilityProblems } from "./axe";
import { PHONE } from "./browser";
import { launchBrowser, openPerson, roomValue, shot, type Person } from "./roomHelpers";

/**
 * A participant on a phone: no mouse, no keyboard shortcuts, a small screen. Every step of joining
 * and every action in the circle is a tap on something they can see (Playwright's tap refuses a
 * target that is covered or off-screen), the page never scrolls sideways, and the facilitator
 * (connected from Node) sees each action arrive.
 */

interface LeadState {
  participants: Map<string, { pseudonym: string; handRaised: boolean; away: boolean }>;
  session: { status: string; admission: boolean };
}

/** The page is exactly as wide as the phone: nothing pokes out sideways. */
const noSideways = async (page: Page) => {
  const { doc, view } = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(doc, "document width").toBeLessThanOrEqual(view);
};

describe("a circle on a phone, by touch", () => {
  let server: RunningServer;
  let browser: Browser;
  let lead: Room;
  let phone: Person;
  let me = "";
  const reactions: { from: string; kind: string }[] = [];
  const chat: { text: string }[] = [];
  const moments: { from: string }[] = [];
  const reports: { from: string; target: string; reason: string }[] = [];
  const state = () => lead.state as unknown as LeadState;
  /**
   * The phone's network, switchable from the test: every WebSocket the page opens is kept, so the
   * test can cut them as a dropped network does (the page never closes them itself: the server
   * holds the seat), and while `offline` new ones fail before they connect.
   */
  const switchableNetwork = (context: BrowserContext) =>
    context.addInitScript(() => {
      const Native = window.WebSocket;
      const open: WebSocket[] = [];
      const net = { offline: false, cut: () => open.splice(0).forEach((ws) => ws.close(4010, "no network")) };
      (window as unknown as { __net: typeof net }).__net = net;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          if (net.offline) this.close(4010, "no network");
          else open.push(this);
        }
      };
    });
  const network = (page: Page, offline: boolean) =>
    page.evaluate((off) => {
      const net = (window as unknown as { __net: { offline: boolean; cut(): void } }).__net;
      net.offline = off;
      if (off) net.cut();
    }, offline);

  beforeAll(async () => {
    server = await startServer();
    // A fake microphone the browser gives without asking, so the toolbar's button can really start one.
    browser = await launchBrowser(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
    const { token } = await postJson<{ token: string }>(server.baseURL, "/api/auth/signup", { email: "lee@example.org", password: "in for four, out for six" });
    const { code } = await postJson<{ code: string }>(server.baseURL, "/api/sessions", { title: "Lunchtime circle", environment: "shore", capacity: 8 }, token);
    const client = new Client(server.baseURL.replace(/^http/, "ws"));
    client.auth.token = await roomToken(server.baseURL, token);
    lead = await client.joinOrCreate(ROOM_NAME, { code, pseudonym: "Lee", look: "sage" });
    lead.onMessage("reaction", (m: { from: string; kind: string }) => void reactions.push(m));
    lead.onMessage("chat", (m: { text: string }) => void chat.push(m));
    lead.onMessage("moment", (m: { from: string }) => void moments.push(m));
    lead.onMessage("report", (m: { from: string; target: string; reason: string }) => void reports.push(m));
    for (const type of ["alertSeen", "alertStatus", "admission", "error", "pong", "time", "checkedIn", "chatHistory", "chatDeleted", "mayNeedSupport"]) lead.onMessage(type, () => undefined);
    lead.send("openCircle");
    phone = await openPerson(browser, server.baseURL, `/room/${code}`, PHONE, switchableNetwork);
  });

  afterAll(async () => {
    await lead?.leave(true).catch(() => undefined);
    await browser?.close();
    server?.stop();
  });

  it("joins with taps alone, then waits at the door until let in", async () => {
    const { page } = phone;
    await noSideways(page);
    await page.getByRole("button", { name: "Continue" }).tap();
    await noSideways(page);
    await page.getByLabel("I have read the agreement and the notice, and I agree to them").tap();
    await page.getByRole("button", { name: "I agree, continue" }).tap();
    await page.getByRole("button", { name: "Suggest one" }).tap();
    expect(await page.getByLabel("A name for this circle").inputValue()).toMatch(/^\S+ \S+$/);
    await page.getByLabel("A name for this circle").fill("Small Fern");
    await noSideways(page);
    await page.getByRole("button", { name: "Enter the circle" }).tap();
    await page.getByRole("heading", { name: "Waiting to be let in" }).waitFor({ timeout: 30_000 });
    await noSideways(page);
    await shot(page, "room-phone-waiting");
    await expect.poll(() => [...state().participants.values()].some((p) => p.pseudonym === "Small Fern") || (lead.state as { knocking?: Map<string, unknown> }).knocking?.size).toBeTruthy();
    // The facilitator lets everyone in by turning admission off.
    lead.send("setAdmission", { on: false });
    await page.getByRole("region", { name: "Your actions" }).waitFor({ timeout: 30_000 });
    me = await roomValue(page, (s) => s.me);
    await noSideways(page);
    await shot(page, "room-phone");
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("raises and lowers a hand", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "Raise hand" }).tap();
    await expect.poll(() => state().participants.get(me)?.handRaised).toBe(true);
    await page.getByRole("button", { name: /Lower hand/ }).tap();
    await expect.poll(() => state().participants.get(me)?.handRaised).toBe(false);
  });

  it("reacts", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "React" }).tap();
    await noSideways(page);
    await page.getByRole("button", { name: "Me too" }).tap();
    await expect.poll(() => reactions.some((r) => r.from === me && r.kind === "metoo")).toBe(true);
  });

  it("steps away and comes back", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "Step away" }).tap();
    await expect.poll(() => state().participants.get(me)?.away).toBe(true);
    await page.getByRole("button", { name: "I'm back" }).tap();
    await expect.poll(() => state().participants.get(me)?.away).toBe(false);
  });

  it("turns the microphone on and off with a tap", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "Microphone off" }).tap();
    // The browser's (fake) microphone starts: the button says so, and is pressed.
    const on = page.getByRole("button", { name: "Microphone on" });
    await on.waitFor({ timeout: 15_000 });
    expect(await on.getAttribute("aria-pressed")).toBe("true");
    await noSideways(page);
    await on.tap();
    const off = page.getByRole("button", { name: "Microphone off" });
    await off.waitFor({ timeout: 15_000 });
    expect(await off.getAttribute("aria-pressed")).toBe("false");
  });

  it("writes in the chat", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: /^Chat/ }).tap();
    await page.getByLabel("Write to the circle").fill("glad to be here");
    await noSideways(page);
    await page.getByRole("button", { name: "Send", exact: true }).tap();
    await expect.poll(() => chat.some((m) => m.text === "glad to be here")).toBe(true);
    await shot(page, "room-phone-chat");
    await page.getByRole("button", { name: /^Chat/ }).tap();
  });

  it("sees the people in the circle, and can hide someone", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "People" }).tap();
    await noSideways(page);
    await page.getByRole("button", { name: "Hide Lee" }).tap();
    await expect.poll(() => roomValue(page, (s) => Object.keys(s.hidden).length)).toBe(1);
    await page.getByRole("button", { name: "Hide Lee" }).tap();
    await expect.poll(() => roomValue(page, (s) => Object.keys(s.hidden).length)).toBe(0);
    await page.getByRole("button", { name: "People" }).tap();
  });

  it("passes the talking piece on by touch once the facilitator gives it to them", async () => {
    const { page } = phone;
    lead.send("givePiece", { to: me });
    await expect.poll(() => roomValue(page, (s) => s.pieceHolder)).toBe(me);
    await page.getByRole("button", { name: "People" }).tap();
    await page.getByRole("button", { name: "Pass the talking piece to Lee" }).tap();
    await expect.poll(() => (lead.state as { pieceHolder: string }).pieceHolder).toBe(lead.sessionId);
    await page.getByRole("button", { name: "People" }).tap();
  });

  it("reports someone to the facilitators by touch, with a reason from the list", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "People" }).tap();
    await page.getByRole("button", { name: "Report Lee" }).tap();
    await page.getByLabel("Makes me feel unsafe").tap();
    await noSideways(page);
    await page.getByRole("button", { name: "Send report" }).tap();
    await expect.poll(() => reports.some((r) => r.from === me && r.reason === "unsafe")).toBe(true);
    await page.getByRole("button", { name: "Done" }).tap();
    await page.getByRole("button", { name: "People" }).tap();
  });

  it("answers the check-in when the facilitator starts breathing together", async () => {
    const { page } = phone;
    lead.send("startPractice", { patternId: "box", cycles: 2 });
    await page.getByText("Before we breathe together").waitFor({ timeout: 30_000 });
    await page.getByRole("radio", { name: /^6/ }).tap();
    await page.getByRole("button", { name: "Answer" }).tap();
    await expect.poll(() => roomValue(page, (s) => s.checkIns.before.state)).toBe("counted");
    await noSideways(page);
  });

  it("asks for a moment: crisis help opens at once, and the facilitator is told", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "I need a moment" }).tap();
    await page.getByRole("dialog").getByRole("heading").first().waitFor();
    await expect.poll(() => moments.some((m) => m.from === me)).toBe(true);
    await noSideways(page);
    await shot(page, "room-phone-crisis");
    await page.getByRole("button", { name: "Close" }).tap();
    // And crisis help on its own is one tap away from the circle.
    await page.getByRole("button", { name: "Need help now?" }).tap();
    await page.getByRole("dialog").getByRole("heading").first().waitFor();
    await page.getByRole("button", { name: "Close" }).tap();
  });

  it("looks around the circle by dragging a finger across it", async () => {
    const { page } = phone;
    // A point where the finger lands on the circle itself (the 3D canvas), not on a card or button.
    const spot = await page.evaluate(() => {
      for (let y = Math.round(innerHeight * 0.3); y < innerHeight * 0.7; y += 20)
        for (let x = 40; x < innerWidth - 40; x += 20) if (document.elementFromPoint(x, y)?.tagName === "CANVAS") return { x, y };
      return null;
    });
    expect(spot, "some of the circle is open to touch").not.toBeNull();
    const yaw = () =>
      page.evaluate(() => {
        const e = (window as unknown as { __brTest: { camera: { matrixWorld: { elements: number[] } } } }).__brTest.camera.matrixWorld.elements;
        return Math.atan2(-e[8]!, -e[10]!);
      });
    const before = await yaw();
    const cdp = await phone.context.newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y: spot!.y }] });
    await touch("touchStart", spot!.x);
    for (let i = 1; i <= 8; i++) await touch("touchMove", spot!.x + i * 15);
    await touch("touchEnd", spot!.x + 120);
    await expect.poll(async () => Math.abs((await yaw()) - before), { timeout: 15_000 }).toBeGreaterThan(0.3);
    await cdp.detach();
  });

  it("silences its own cues, turns personal space off and on, and uses the simple view", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "More" }).tap();
    // The menu opens above the bar at the foot of the screen, whole, below the page's header.
    await page.getByRole("button", { name: /Silence my cues/ }).waitFor();
    const where = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return { dock: box(".room-dock").bottom, menu: box("#room-more").top, header: Math.max(box(".app-header").bottom, box(".crisis-button").bottom), screen: innerHeight };
    });
    expect(where.dock, "the toolbar at the foot of the screen").toBeGreaterThan(where.screen - 24);
    expect(where.menu, "the menu's top below the header").toBeGreaterThanOrEqual(where.header);
    await page.getByRole("button", { name: /Silence my cues/ }).tap();
    await expect.poll(() => roomValue(page, (s) => s.cuesSilenced)).toBe(true);
    await page.getByRole("button", { name: /Silence my cues/ }).tap();
    await expect.poll(() => roomValue(page, (s) => s.cuesSilenced)).toBe(false);
    await page.getByRole("button", { name: /Personal space/ }).tap();
    await expect.poll(() => roomValue(page, (s) => s.bubble)).toBe(false);
    await page.getByRole("button", { name: /Personal space/ }).tap();
    await expect.poll(() => roomValue(page, (s) => s.bubble)).toBe(true);
    await page.getByRole("button", { name: /Simple view/ }).tap();
    await expect.poll(() => roomValue(page, (s) => s.simpleView)).toBe(true);
    await noSideways(page);
    await shot(page, "room-phone-simple");
  });

  it("after the exercise, answers how they feel now, sees their own change and keeps it in this phone's history", async () => {
    const { page } = phone;
    // The More menu is still open from the step before: closed, as a person would, to see the card.
    const more = page.getByRole("button", { name: "More" });
    if ((await more.getAttribute("aria-expanded")) === "true") await more.tap();
    await page.getByText("How do you feel now?").waitFor({ timeout: 90_000 });
    await page.getByRole("radio", { name: /^8/ }).tap();
    await page.getByRole("button", { name: "Answer" }).tap();
    await expect.poll(() => roomValue(page, (s) => s.checkIns.after)).toEqual({ state: "counted", value: 8 });
    const card = page.locator(".check-in", { hasText: "How you feel" });
    await card.waitFor();
    await noSideways(page);
    await card.getByRole("button", { name: "Save to my history on this device" }).tap();
    await card.getByText("Saved to your history. It stays on this device.").waitFor();
    await card.getByRole("button", { name: "Close" }).tap();
    await expect.poll(() => card.count()).toBe(0);
  });

  it("loses the network for a moment: 'Reconnecting…' shows, crisis help still opens with a tap, and the page comes back to the same seat by itself", async () => {
    const { page } = phone;
    const seat = (state().participants.get(me) as unknown as { seat: number }).seat;
    // Cut every open socket, as a dropped network does (4010: the server keeps the seat, the page may try again).
    await network(page, true);
    await page.getByText("Reconnecting…").waitFor({ timeout: 15_000 });
    await noSideways(page);
    await shot(page, "room-phone-reconnecting");
    // Crisis help is one tap away here too, with no network at all.
    await phone.context.setOffline(true);
    await page.getByRole("button", { name: "Need help now?" }).tap();
    await page.getByRole("dialog").getByRole("heading").first().waitFor();
    expect(await page.getByText("Reconnecting…").count(), "still reconnecting behind crisis help").toBeGreaterThan(0);
    await page.getByRole("button", { name: "Close" }).tap();
    await phone.context.setOffline(false);
    await network(page, false);
    await expect.poll(() => roomValue(page, (s) => s.phase), { timeout: 30_000 }).toBe("in");
    expect(await page.getByText("Reconnecting…").isVisible()).toBe(false);
    // Resumed by the SDK (same session), or, if that took too long, rejoined with the seat token: the same seat either way.
    me = await roomValue(page, (s) => s.me);
    const mine = () => [...state().participants.entries()].filter(([, p]) => p.pseudonym === "Small Fern") as unknown as [string, { seat: number; connected: boolean }][];
    await expect.poll(() => mine().map(([id, p]) => [id, p.seat, p.connected]), { timeout: 15_000 }).toEqual([[me, seat, true]]);
    await page.getByRole("button", { name: "Raise hand" }).tap();
    await expect.poll(() => state().participants.get(me)?.handRaised, { timeout: 15_000 }).toBe(true);
    await page.getByRole("button", { name: /Lower hand/ }).tap();
    await expect.poll(() => state().participants.get(me)?.handRaised, { timeout: 15_000 }).toBe(false);
  });

  it("leaves after being asked, and asked no other origin for anything", async () => {
    const { page } = phone;
    const more = page.getByRole("button", { name: "More" });
    if ((await more.getAttribute("aria-expanded")) !== "true") await more.tap();
    await page.getByRole("button", { name: "Leave the circle" }).tap();
    await page.getByRole("button", { name: "Leave", exact: true }).tap();
    await page.getByRole("heading", { name: "You have left the circle" }).waitFor();
    await expect.poll(() => state().participants.has(me)).toBe(false);
    expect(phone.thirdParty()).toEqual([]);
  });
});
