import "../../server/polyfills";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seatPlacement, seatToWorld } from "../../core/circle";
import { startServer, type RunningServer } from "../../scripts/serveApp";
import { ARTIFACTS, DESKTOP, type Device } from "./browser";
import { vrFontsReady, vrLabels, vrPressUntil, vrScreenshot, vrWords } from "./xrDriver";
import { idOf, joinAsParticipant, launchBrowser, openPerson, planSession, roomValue, shot, signUp, waitSeated, type Person } from "./roomHelpers";

/**
 * A whole circle in three browser windows against `npm start`'s server: a facilitator on a desktop
 * (wide enough for the console beside the circle), a desktop participant, and a participant in an
 * emulated Quest 3. Each step is what one of them does and what the others then see.
 */

/** Steps where a software-drawn headset page and three others share two cores: a few minutes. */
const SLOW_STEP_MS = 240_000;
const WIDE: Device = { viewport: { width: 1100, height: 720 } };
const LEAD = "Robin";
const ASH = "Ash Tree";
const RIVER = "Quiet River";

interface Avatar {
  at: number[];
  seat: number;
  places: number;
}

/** Where this page draws someone's avatar this frame (circle frame): head, left hand, right hand. */
const avatarOf = (page: Page, id: string) =>
  page.evaluate((who) => {
    const circle = (window as unknown as { __brTest: { circle: { people: Map<string, { at: Float32Array; seat: number }>; places: number } } }).__brTest.circle;
    const p = circle.people.get(who);
    return p ? { at: Array.from(p.at), seat: p.seat, places: circle.places } : null;
  }, id) as Promise<Avatar | null>;

/** How many others this page draws in the circle. */
const avatarCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __brTest: { circle?: { people: Map<string, unknown> } } }).__brTest.circle?.people.size ?? 0);

/** The headset's own pose, moved in its local (seated) space. */
const moveHeadset = (page: Page, head: [number, number, number], right: [number, number, number]) =>
  page.evaluate(
    ([h, r]) => {
      const d = (window as unknown as { __brTest: { xrDevice: { position: { set(...v: number[]): void }; controllers: { right: { position: { set(...v: number[]): void } } } } } }).__brTest.xrDevice;
      d.position.set(...h);
      d.controllers.right.position.set(...r);
    },
    [head, right] as const,
  );

/**
 * When this page's pacer says the shared practice began, on this machine's wall clock: what the
 * ticker reads every frame (`serverNow − startedAt`), taken back to a start time so that samples
 * from three pages taken a few milliseconds apart can be compared directly.
 */
const practiceStart = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as { __brTest: { roomClock: { serverNow(at: number): number }; roomStore: { getState(): { practice: { startedAt: number; running: boolean } } } } }).__brTest;
    const at = performance.now();
    const elapsed = t.roomClock.serverNow(at) - t.roomStore.getState().practice.startedAt;
    const { rtt, bound } = t.roomClock as unknown as { rtt: number; bound: number };
    return { start: performance.timeOrigin + at - elapsed, running: t.roomStore.getState().practice.running, rtt, bound };
  });

/** More → Simple view, as a person on a slow computer would. */
async function useSimpleView(page: Page) {
  await page.getByRole("region", { name: "Your actions" }).getByRole("button", { name: "More" }).click();
  await page.getByRole("button", { name: /^Simple view/ }).click();
  await expect.poll(() => roomValue(page, (s) => s.simpleView)).toBe(true);
  await page.keyboard.press("Escape");
}

const caption = (page: Page) => page.evaluate(() => (window as unknown as { __brTest: { frame: { caption: string } } }).__brTest.frame.caption);

describe("a circle in three windows: a facilitator, a desktop participant and a headset", () => {
  let server: RunningServer;
  let browser: Browser;
  let lead: Person;
  let ash: Person;
  let river: Person;
  let code = "";
  let ashId = "";
  let riverId = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it("the facilitator signs up, plans a session and opens its circle", async () => {
    lead = await openPerson(browser, server.baseURL, "/facilitate", WIDE);
    const { page } = lead;
    await signUp(page, "robin@example.org", "slow breath, long walk");
    code = await planSession(page, "Wednesday circle", "Shoreline at dusk");
    await page.getByRole("article", { name: "Wednesday circle" }).getByRole("link", { name: "Open the circle" }).click();
    await page.waitForURL(`${server.baseURL}/room/${code}`);
    await page.getByRole("button", { name: "Enter as facilitator" }).click();
    await page.getByLabel("A name for this circle").fill(LEAD);
    await page.getByRole("button", { name: "Enter the circle" }).click();
    await waitSeated(page);
    await page.getByRole("button", { name: "Open the circle" }).click();
    await expect.poll(() => roomValue(page, (s) => s.session.status)).toBe("open");
  });

  it("a desktop participant and a headset participant join by link, in any spelling of the code, and wait until the facilitator lets them in", async () => {
    // Lower case, spaces instead of dashes: the page still finds the circle.
    ash = await openPerson(browser, server.baseURL, `/room/${code.toLowerCase().replaceAll("-", " ")}`, DESKTOP);
    await joinAsParticipant(ash.page, ASH);
    await ash.page.getByRole("heading", { name: "Waiting to be let in" }).waitFor({ timeout: 30_000 });
    await shot(ash.page, "room-waiting-to-be-let-in");
    // Nobody in the circle is shown to someone still at the door.
    expect(await ash.page.getByText(LEAD).count()).toBe(0);
    await lead.page.getByRole("button", { name: `Admit ${ASH}` }).click();
    await waitSeated(ash.page);
    river = await openPerson(browser, server.baseURL, `/room/${code}?xr=emulate`, DESKTOP);
    await joinAsParticipant(river.page, RIVER);
    await lead.page.getByRole("button", { name: `Admit ${RIVER}` }).click({ timeout: 30_000 });
    await waitSeated(river.page);
    ashId = await idOf(lead.page, ASH);
    riverId = await idOf(lead.page, RIVER);
    expect(ashId).toBeTruthy();
    expect(riverId).toBeTruthy();
  }, SLOW_STEP_MS);

  it("each of them sees the other two as avatars in the circle", async () => {
    for (const who of [lead, ash, river]) await expect.poll(() => avatarCount(who.page), { timeout: 30_000 }).toBe(2);
    await shot(ash.page, "room-desktop-participant");
    await shot(lead.page, "room-facilitator");
  });

  it("the desktop participant looks around the circle by dragging it with the mouse and with the arrow keys", async () => {
    const { page } = ash;
    // Which way the view faces now, rad (growing as the view turns left).
    const yaw = () =>
      page.evaluate(() => {
        const e = (window as unknown as { __brTest: { camera: { matrixWorld: { elements: number[] } } } }).__brTest.camera.matrixWorld.elements;
        return Math.atan2(-e[8]!, -e[10]!);
      });
    const turned = async (from: number) => {
      const d = (await yaw()) - from;
      return Math.atan2(Math.sin(d), Math.cos(d));
    };
    // A point on the circle itself (the 3D canvas), not on the toolbar or a card.
    const spot = await page.evaluate(() => {
      for (let y = Math.round(innerHeight * 0.3); y < innerHeight * 0.7; y += 20)
        for (let x = 40; x < innerWidth - 40; x += 20) if (document.elementFromPoint(x, y)?.tagName === "CANVAS") return { x, y };
      return null;
    });
    expect(spot, "some of the circle is open to the mouse").not.toBeNull();
    let from = await yaw();
    // Dragged to the right, the circle follows the mouse: the view turns left.
    await page.mouse.move(spot!.x, spot!.y);
    await page.mouse.down();
    await page.mouse.move(spot!.x + 120, spot!.y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => turned(from), { timeout: 15_000 }).toBeGreaterThan(0.3);
    // Then the keyboard, straight after that click on the scene: right arrow turns right.
    from = await yaw();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => turned(from), { timeout: 15_000 }).toBeLessThan(-0.3);
  });

  it("the facilitator starts box breathing and all three pacers show the same moment (before the headset enters VR: software-drawn VR here answers clock pings a second late)", async () => {
    const { page } = lead;
    // The facilitator leads from the simple view from here on, as on a slow computer: this machine
    // draws their wide 3D circle in software at two frames a second, and a page that busy reads
    // every clock reply a frame late (its clock stayed 200–300 ms unsure for a minute in clean-clone
    // runs). The two participants keep their 3D circles, pacers and all.
    await useSimpleView(lead.page);
    // Until each page's clock says it is within 25 ms of the server's (on a machine this busy every
    // page's replies are slow at first; see "The shared breathing clock"): waited for before the
    // start, so the exercise's time goes to the samples and the headset's steps below.
    const bounds = async () => (await Promise.all([lead, ash, river].map((who) => practiceStart(who.page)))).map((c) => Math.round(c.bound));
    const clocksClose = async () => {
      await expect
        .poll(async () => Math.max(...(await bounds())), { timeout: 60_000, interval: 500 })
        .toBeLessThanOrEqual(25)
        .catch(async (e: Error) => {
          throw new Error(`clocks still unsure (facilitator, desktop, headset): ${(await bounds()).join(", ")} ms`, { cause: e });
        });
    };
    await clocksClose();
    await page.getByLabel("Pattern").selectOption({ label: "Box breathing" });
    // Three cycles (51 s with the lead-in): time for the samples and the headset's steps, without a long wait after them.
    await page.getByLabel("Cycles").fill("3");
    await page.getByRole("button", { name: "Start together" }).click();
    for (const who of [lead, ash, river]) await expect.poll(() => roomValue(who.page, (s) => s.practice.running)).toBe(true);
    // Past the 3-2-1 lead-in; the clocks still agree.
    await lead.page.waitForTimeout(3000);
    await clocksClose();
    const spreads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const starts = await Promise.all([lead, ash, river].map((who) => practiceStart(who.page)));
      expect(starts.every((s) => s.running)).toBe(true);
      const at = starts.map((s) => s.start);
      spreads.push(Math.max(...at) - Math.min(...at));
      await lead.page.waitForTimeout(700);
    }
    const clocks = await Promise.all([lead, ash, river].map((who) => practiceStart(who.page)));
    expect(Math.max(...spreads), `spreads ${spreads.map(Math.round)} ms; clocks ${JSON.stringify(clocks.map(({ rtt, bound }) => ({ rtt, bound })))}`).toBeLessThanOrEqual(50);
    // And what each pacer shows now: the same step of box breathing.
    const captions = await Promise.all([lead, ash, river].map((who) => caption(who.page)));
    expect(captions.filter((c) => c === captions[0]).length).toBeGreaterThanOrEqual(2);
    expect(captions[0]).toMatch(/Breathe in|Hold|Breathe out/);
    await shot(ash.page, "room-breathing-together");
  });

  it("the headset person enters VR, and their head and right hand move their avatar on the desktop screen", async () => {
    const { page } = river;
    await page.getByRole("button", { name: "Enter VR" }).first().click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __brTest: { store: { getState(): { xrMode: string | null } } } }).__brTest.store.getState().xrMode), { timeout: 30_000 }).toBe("immersive-vr");

    // Move, then wait until the desktop's avatar has moved and come to rest (poses arrive in 25 Hz
    // pose frames and are drawn 150 ms behind, POSE_DELAY_MS; SwiftShader draws the headset at a few frames a second).
    let before = await avatarOf(ash.page, riverId);
    const settle = async (head: [number, number, number], right: [number, number, number]) => {
      await moveHeadset(page, head, right);
      const moved = (x: Avatar | null, y: Avatar | null, by: number) => x !== null && y !== null && x.at.some((v, i) => Math.abs(v - y.at[i]!) > by);
      await expect.poll(async () => moved(await avatarOf(ash.page, riverId), before, 0.01), { timeout: 20_000, interval: 250 }).toBe(true);
      let last = await avatarOf(ash.page, riverId);
      let still = 0;
      await expect
        .poll(
          async () => {
            const now = await avatarOf(ash.page, riverId);
            still = moved(now, last, 0.002) ? 0 : still + 1;
            last = now;
            return still >= 2;
          },
          { timeout: 20_000, interval: 400 },
        )
        .toBe(true);
      before = last;
      return last!;
    };
    const a = await settle([0, 1.1, 0], [0.25, 0.8, -0.3]);
    const b = await settle([0.2, 1.0, 0.15], [0.35, 1.05, -0.45]);
    // What the headset moved in its own seat's frame, turned into the circle's frame at its seat.
    const placement = seatPlacement(b.seat, b.places);
    const turn = (d: [number, number, number]) => {
      const o = [0, 0, 0];
      const zero = [0, 0, 0];
      seatToWorld(placement, d[0], d[1], d[2], o);
      seatToWorld(placement, 0, 0, 0, zero);
      return [o[0]! - zero[0]!, o[1]! - zero[1]!, o[2]! - zero[2]!];
    };
    const headMoved = turn([0.2, -0.1, 0.15]);
    const handMoved = turn([0.1, 0.25, -0.15]);
    for (let i = 0; i < 3; i++) {
      expect(b.at[i]! - a.at[i]!).toBeCloseTo(headMoved[i]!, 1); // within 5 cm
      expect(Math.abs(b.at[i]! - a.at[i]! - headMoved[i]!)).toBeLessThan(0.03);
      expect(Math.abs(b.at[6 + i]! - a.at[6 + i]! - handMoved[i]!)).toBeLessThan(0.03);
    }
  });

  it("the headset person skips the check-in on their board after the exercise, raises a hand and opens crisis help from it", async () => {
    const { page } = river;
    // From here on the desktops are read through their words and stores, not their 3D circles: the
    // desktop participant switches to the simple view too (the circle without 3D, as on a slow
    // computer; the facilitator already has), so the headset's software-drawn frames get the two cores.
    await useSimpleView(ash.page);
    // Once the circle's exercise has ended, its check-in waits on their own board until answered or skipped.
    await expect.poll(() => roomValue(page, (s) => s.finished !== null), { timeout: 120_000, interval: 1000 }).toBe(true);
    await expect.poll(() => vrWords(page), { timeout: 60_000 }).toContain("How do you feel now?");
    await vrPressUntil(page, "Skip", async () => (await vrLabels(page)).includes("Raise hand"));
    expect(await roomValue(page, (s) => s.checkIns.after.state)).toBe("skipped");
    await vrPressUntil(page, "Raise hand", async () => (await roomValue(lead.page, (s) => s.handQueue.length)) > 0);
    expect(await roomValue(lead.page, (s) => s.handQueue)).toEqual([riverId]);
    await lead.page.locator(".console").getByText(RIVER).first().waitFor();
    // What the headset shows now: the board says where the hand is in line.
    await expect.poll(() => vrWords(page), { timeout: 30_000 }).toContain("Lower hand · 1st in line");
    await vrFontsReady(page);
    await vrScreenshot(page, join(ARTIFACTS, "room-headset.png"));
    const crisisOpen = () => page.evaluate(() => (window as unknown as { __brTest: { store: { getState(): { crisisOpen: boolean } } } }).__brTest.store.getState().crisisOpen);
    await vrPressUntil(page, "Need help now?", crisisOpen);
    await shot(page, "room-headset-crisis");
    await vrPressUntil(page, "Close", async () => !(await crisisOpen()));
  }, SLOW_STEP_MS);

  it("a reaction shows on the others' screens", async () => {
    await ash.page.getByRole("button", { name: "React" }).click();
    await ash.page.getByRole("button", { name: "Heart" }).click();
    for (const who of [lead, river])
      await expect.poll(() => roomValue(who.page, (s) => s.reactions.map((r: { kind: string; from: string }) => `${r.from}:${r.kind}`))).toContain(`${ashId}:heart`);
    // In the circle's words too (the DOM view every screen reader follows).
    await lead.page.locator(".seat", { hasText: ASH }).locator(".seat-reaction", { hasText: "Heart" }).waitFor();
  });

  it("the facilitator mutes the headset person and gives the talking piece to the desktop participant", async () => {
    const { page } = lead;
    await page.getByRole("button", { name: `Mute ${RIVER}` }).click();
    await expect.poll(() => roomValue(river.page, (s) => s.people[s.me].muted)).toBe(true);
    await page.getByRole("button", { name: `Give the talking piece to ${ASH}` }).click();
    for (const who of [ash, river]) await expect.poll(() => roomValue(who.page, (s) => s.pieceHolder)).toBe(ashId);
    await ash.page.locator(".seat.holds-piece", { hasText: ASH }).waitFor();
  });

  it("'I need a moment' opens crisis help for its sender, reaches only the facilitator, and the sender sees it was seen", async () => {
    await ash.page.getByRole("button", { name: "I need a moment" }).click();
    await ash.page.getByRole("dialog").filter({ has: ash.page.locator("#crisis-heading") }).waitFor();
    await ash.page.keyboard.press("Escape");
    const alert = lead.page.locator(".console li.alert", { hasText: ASH });
    await alert.waitFor();
    await shot(lead.page, "room-facilitator-alert");
    // Nobody else hears of it.
    expect(await roomValue(river.page, (s) => s.alerts.length)).toBe(0);
    expect(await river.page.getByText(`${ASH} needs a moment`).count()).toBe(0);
    await alert.getByRole("button", { name: /Mark as seen/ }).click();
    await ash.page.getByText("A facilitator has seen that you need a moment.").waitFor();
  });

  it("removing the desktop participant shows them a clear message, and their reconnection token no longer works", async () => {
    const token = await ash.page.evaluate(() => (window as unknown as { __brTest: { reconnectionToken(): string } }).__brTest.reconnectionToken());
    expect(token).toBeTruthy();
    await lead.page.getByRole("button", { name: `Remove ${ASH}` }).click();
    await lead.page.getByRole("group", { name: `Remove ${ASH} from the circle? They cannot come back to this session.` }).getByRole("button", { name: "Remove" }).click();
    await ash.page.getByRole("heading", { name: "The facilitator has asked you to leave this circle" }).waitFor();
    await shot(ash.page, "room-removed");
    await expect(new Client(server.baseURL.replace(/^http/, "ws")).reconnect(token)).rejects.toThrow();
    await expect.poll(() => avatarCount(river.page)).toBe(1);
  });

  it("a locked circle refuses a fourth person with the right words", async () => {
    await lead.page.getByRole("button", { name: "Lock to new people" }).click();
    await expect.poll(() => roomValue(river.page, (s) => s.session.locked)).toBe(true);
    const late = await openPerson(browser, server.baseURL, `/room/${code}`, DESKTOP);
    await joinAsParticipant(late.page, "Late Owl");
    await late.page.getByRole("heading", { name: "The circle is closed to new people for now" }).waitFor();
    expect(late.thirdParty()).toEqual([]);
    await late.context.close();
  });

  it("nobody's browser asked any other origin for anything", () => {
    for (const who of [lead, ash, river]) {
      expect(who.requests.length).toBeGreaterThan(5);
      expect(who.thirdParty()).toEqual([]);
    }
  });
});

