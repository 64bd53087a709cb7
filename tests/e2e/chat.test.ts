import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../../scripts/api";
import { startServer, type RunningServer } from "../../scripts/serveApp";
import { ARTIFACTS, DESKTOP, type Device } from "./browser";
import { joinAsParticipant, launchBrowser, openPerson, roomValue, shot, waitSeated, type Person } from "./roomHelpers";
import { framesPass, vrLabels, vrPressUntil, vrScreenshot, vrWords } from "./xrDriver";

/**
 * Words in the circle, in three browser windows against `npm start`'s server: a facilitator on a
 * desktop (the console beside the circle), a participant on a desktop and a participant in an
 * emulated Quest 3. They chat; words of crisis in one person's message open crisis help for that
 * person alone and tell the facilitator privately; a learning card the facilitator shares opens
 * for both participants — on the page, and on the headset's board.
 */

const WIDE: Device = { viewport: { width: 1100, height: 720 } };
const TOKEN_KEY = "breathing-room.facilitator-token";
const LEAD = "Robin";
const ASH = "Ash Tree";
const RIVER = "Quiet River";
const WELCOME = "Welcome, everyone. Write here if you'd rather not speak.";
const REPLY = "Thank you, glad to be here";
const CRISIS = "Honestly I can't go on like this";
const OFFER = "It sounds like things are really hard right now";
const CARD = "Grounding: coming back to now";

/** Opens this page's chat (from the toolbar) unless it is open; returns its log. */
async function chatLog(page: Page) {
  const panel = page.locator("#room-chat");
  if (!(await panel.isVisible())) await page.getByRole("region", { name: "Your actions" }).getByRole("button", { name: /^Chat/ }).click();
  return panel.getByRole("log");
}

/** Writes `text` in this page's chat and sends it. */
async function write(page: Page, text: string) {
  await chatLog(page);
  await page.getByLabel("Write to the circle").fill(text);
  await page.locator("#room-chat").getByRole("button", { name: "Send" }).click();
}

/** Something read from this page's chat store (`read` runs in the page, on the store's state). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const chatValue = <T>(page: Page, read: (s: any) => T) => page.evaluate(`(${read.toString()})(window.__brTest.chatStore.getState())`) as Promise<T>;
/** More → Simple view, as a person on a slow computer would. */
async function useSimpleView(page: Page) {
  await page.getByRole("region", { name: "Your actions" }).getByRole("button", { name: "More" }).click();
  await page.getByRole("button", { name: /^Simple view/ }).click();
  await expect.poll(() => roomValue(page, (s) => s.simpleView)).toBe(true);
  await page.keyboard.press("Escape");
}

const xrMode = (page: Page) => page.evaluate(() => (window as unknown as { __brTest: { store: { getState(): { xrMode: string | null } } } }).__brTest.store.getState().xrMode);
const crisisOpen = (page: Page) => page.evaluate(() => (window as unknown as { __brTest: { store: { getState(): { crisisOpen: boolean } } } }).__brTest.store.getState().crisisOpen);

describe("words in the circle: chat, a safety net for words of crisis, and a shared card", () => {
  let server: RunningServer;
  let browser: Browser;
  let code = "";
  let token = "";
  let lead: Person;
  let ash: Person;
  let river: Person;

  beforeAll(async () => {
    server = await startServer();
    // Its own server: the first account of a fresh install is the admin and needs no invite.
    ({ token } = await postJson<{ token: string }>(server.baseURL, "/api/auth/signup", { email: "robin@example.org", password: "slow breath, long walk" }));
    ({ code } = await postJson<{ code: string }>(server.baseURL, "/api/sessions", { title: "Thursday circle", environment: "shore", capacity: 8 }, token));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it("the facilitator opens the circle, and lets in a desktop participant and a headset participant", async () => {
    const t0 = Date.now();
    const lap = (what: string) => process.env.E2E_DEBUG && console.error(`[chat e2e] ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // Everyone arrives at once; the participants knock while the facilitator sits down and opens the circle.
    [lead, ash, river] = await Promise.all([
      openPerson(browser, server.baseURL, "/facilitate", WIDE),
      openPerson(browser, server.baseURL, `/room/${code}`, DESKTOP),
      openPerson(browser, server.baseURL, `/room/${code}?xr=emulate`, DESKTOP),
    ]);
    lap("pages open");
    const facilitate = async () => {
      const { page } = lead;
      await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [TOKEN_KEY, token]);
      await page.goto(new URL(`/room/${code}`, server.baseURL).href);
      await page.getByRole("button", { name: "Enter as facilitator" }).click();
      await page.getByLabel("A name for this circle").fill(LEAD);
      await page.getByRole("button", { name: "Enter the circle" }).click();
      await waitSeated(page);
      lap("facilitator seated");
      // The desktops use the simple view (the circle without 3D), as on a slow computer: this test
      // is about words, and the headset's software-drawn frames need the two cores.
      await useSimpleView(page);
      await page.getByRole("button", { name: "Open the circle" }).click();
      await expect.poll(() => roomValue(page, (s) => s.session.status)).toBe("open");
      lap("circle open");
    };
    await Promise.all([facilitate(), joinAsParticipant(ash.page, ASH), joinAsParticipant(river.page, RIVER)]);
    lap("both knocking");
    for (const [who, name] of [[ash, ASH], [river, RIVER]] as const) {
      await lead.page.getByRole("button", { name: `Admit ${name}` }).click();
      await waitSeated(who.page);
      // Nothing was refused while they waited (what the page sends by itself included).
      expect(await roomValue(who.page, (s) => s.notice)).toBe("");
      if (who === ash) await useSimpleView(ash.page);
    }
    lap("both seated");
  }, 180_000);

  it("the facilitator and the desktop participant chat: each reads what the other wrote", async () => {
    await write(lead.page, WELCOME);
    await (await chatLog(ash.page)).getByText(WELCOME).waitFor();
    await write(ash.page, REPLY);
    await (await chatLog(lead.page)).getByText(REPLY).waitFor();
    expect(await (await chatLog(lead.page)).locator(".chat-line", { hasText: REPLY }).locator(".chat-who").innerText()).toBe(`${ASH}:`);
    await shot(ash.page, "chat-desktop");
  });

  it("the headset participant reads the chat on the board in VR and answers with a quick phrase that the others read", async () => {
    const { page } = river;
    await page.getByRole("button", { name: "Enter VR" }).first().click();
    await expect.poll(() => xrMode(page), { timeout: 30_000 }).toBe("immersive-vr");
    await expect.poll(() => vrLabels(page), { timeout: 60_000 }).toContain("Chat");
    await vrPressUntil(page, "Chat", async () => (await vrLabels(page)).includes(`Say "I'm here"`));
    await expect.poll(() => vrWords(page), { timeout: 15_000 }).toContain(`${LEAD}: ${WELCOME}`);
    expect(await vrWords(page)).toContain(`${ASH}: ${REPLY}`);
    await vrScreenshot(page, join(ARTIFACTS, "chat-vr.png"));
    await vrPressUntil(page, `Say "I'm here"`, async () => (await chatValue(lead.page, (s) => s.lines.filter((l: { text: string }) => l.text === "I'm here").length)) > 0);
    for (const who of [lead, ash]) await (await chatLog(who.page)).locator(".chat-line", { hasText: `${RIVER}:` }).getByText("I'm here").waitFor();
    await expect.poll(() => vrWords(page), { timeout: 15_000 }).toContain("You: I'm here");
  }, 180_000);

  it("words of crisis open crisis help for their writer alone, and tell only the facilitator, by pseudonym", async () => {
    await write(ash.page, CRISIS);
    // The writer: crisis lines right where they wrote, and word that a facilitator was told.
    const offer = ash.page.getByRole("region", { name: OFFER });
    await offer.waitFor();
    await offer.getByText("A facilitator has been told privately that you may need support.").waitFor();
    await shot(ash.page, "chat-crisis-offer");
    // The facilitator: the message as written, and a private alert naming its writer.
    await (await chatLog(lead.page)).getByText(CRISIS).waitFor();
    const alert = lead.page.getByRole("region", { name: /Private alerts/ }).getByText(`${ASH} may need support.`);
    await alert.waitFor();
    await shot(lead.page, "chat-facilitator-alert");
    // The other participant reads the message, unchanged, on the headset's board — and nothing else.
    await expect.poll(() => vrWords(river.page), { timeout: 20_000 }).toContain(`${ASH}: ${CRISIS}`);
    await framesPass(river.page, 2);
    const words = await vrWords(river.page);
    expect(words).not.toContain(OFFER);
    expect(words).not.toContain("may need support");
    expect(await crisisOpen(river.page)).toBe(false);
    // Were they to open the chat on the page, there would be no crisis offer nor any alert either.
    expect(await chatValue(river.page, (s) => ({ offer: s.crisisOffer, alerts: s.alerts.length }))).toEqual({ offer: false, alerts: 0 });
    // Nor does the facilitator get the writer's offer, nor the writer the facilitator's alert.
    expect(await chatValue(lead.page, (s) => s.crisisOffer)).toBe(false);
    expect(await lead.page.getByRole("region", { name: OFFER }).count()).toBe(0);
    expect(await ash.page.getByText(`${ASH} may need support.`).count()).toBe(0);
    expect(await chatValue(ash.page, (s) => s.alerts.length)).toBe(0);
  }, 120_000);

  it("the facilitator shares a card and both participants see it: on the page, and on the headset's board without pressing anything", async () => {
    const { page } = lead;
    await page.getByLabel("Learning card").selectOption({ label: CARD });
    await page.getByRole("button", { name: "Share with everyone" }).click();
    const shared = ash.page.getByRole("complementary", { name: "A card the facilitator shared" });
    await shared.getByRole("heading", { name: CARD }).waitFor();
    await shot(ash.page, "chat-shared-card");
    await expect.poll(() => vrWords(river.page), { timeout: 30_000 }).toContain(CARD);
    expect(await vrLabels(river.page)).toContain("Put the card away");
    await framesPass(river.page, 3);
    await vrScreenshot(river.page, join(ARTIFACTS, "chat-vr-card.png"));
  }, 120_000);

  it("nobody's browser asked any other origin for anything", () => {
    for (const who of [lead, ash, river]) {
      expect(who.requests.length).toBeGreaterThan(5);
      expect(who.thirdParty()).toEqual([]);
    }
  });
});
