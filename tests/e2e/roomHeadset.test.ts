import "../../server/polyfills";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSE_FRAME_TYPE } from "../../core/pose/frame";
import { ROOM_NAME } from "../../core/protocol";
import { ORB_BELOW_EYES } from "../../client/room/scene/CircleOrb";
import { SEATED_EYE_HEIGHT, STANDING_EYE_HEIGHT } from "../../client/xr/comfort";
import { postJson, roomToken } from "../../scripts/api";
import { startServer, type RunningServer } from "../../scripts/serveApp";
import { ARTIFACTS, openApp, type Session } from "./browser";
import { expectComfortable, framesPass, useInput, vrLabels, vrPress, vrPressUntil, vrScreenshot, vrTap, vrView, vrWords } from "./xrDriver";

/**
 * The group room in an emulated Meta Quest 3 (IWER, test build only), against `npm start`'s
 * server: a participant waits at the door in VR and breathes alone with the orb meanwhile (ray and
 * pinch), is let in before the circle opens, then raises a hand with the controller ray (the server sees it), asks for a
 * moment with a hand pinch (crisis help in front of the circle, the facilitator told), and uses
 * A and B; then a facilitator in a headset starts breathing together from the console.
 */

const EMAIL = "sam@example.org";
const PASSWORD = "a calm and steady breath";
const TOKEN_KEY = "breathing-room.facilitator-token";

interface RoomWindow {
  __brTest: {
    store: { getState(): { xrMode: string | null; crisisOpen: boolean } };
    roomStore: {
      getState(): { phase: string; me: string; cuesSilenced: boolean; moment: string; waitingSince: number; people: Record<string, { role: string }>; checkIns: Record<"before" | "after", { state: string; value: number | null }> };
    };
    scene: { getObjectByName(name: string): { updateWorldMatrix(parents: boolean, children: boolean): void; matrixWorld: { elements: number[] } } | undefined };
    gl: { xr: { getCamera(): { matrixWorld: { elements: number[] } } } };
    xrDevice: unknown;
  };
}

const app = (page: Page) => page.evaluate(() => (window as unknown as RoomWindow).__brTest.store.getState());
const room = (page: Page) => page.evaluate(() => (window as unknown as RoomWindow).__brTest.roomStore.getState());
const shot = (page: Page, name: string) => vrScreenshot(page, join(ARTIFACTS, `${name}.png`));

/** Where the middle of the circle (the orb's place) is in the world, m. */
const circleCentre = (page: Page) =>
  page.evaluate(() => {
    const o = (window as unknown as RoomWindow).__brTest.scene.getObjectByName("circle-world")!;
    o.updateWorldMatrix(true, false);
    const e = o.matrixWorld.elements;
    return { x: e[12]!, y: e[13]!, z: e[14]! };
  });

/** Whether the circle's orb is drawn now (in the scene and visible). */
const orbShown = (page: Page) =>
  page.evaluate(() => {
    const o = (window as unknown as RoomWindow).__brTest.scene.getObjectByName("circle-orb") as unknown as { visible: boolean } | undefined;
    return Boolean(o?.visible);
  });

/** The head to `y` m above the floor (sitting down, standing up), where it is over the floor. */
const headTo = (page: Page, y: number) =>
  page.evaluate((h) => {
    const d = (window as unknown as { __brTest: { xrDevice: { position: { x: number; z: number; set(...v: number[]): void } } } }).__brTest.xrDevice;
    d.position.set(d.position.x, h, d.position.z);
  }, y);

/** Height of the circle's orb (its centre) above the floor, m. */
const orbHeight = (page: Page) =>
  page.evaluate(() => {
    const o = (window as unknown as RoomWindow).__brTest.scene.getObjectByName("breathing-orb")!;
    o.updateWorldMatrix(true, false);
    return o.matrixWorld.elements[13]!;
  });

/**
 * How far (degrees, level) the orb's face (its halo, ring and caption, which face the orb's +z)
 * is turned away from the head.
 */
const orbTurnedAway = (page: Page) =>
  page.evaluate(() => {
    const t = (window as unknown as RoomWindow).__brTest;
    const face = (t.scene.getObjectByName("breathing-orb") as unknown as { parent: { updateWorldMatrix(a: boolean, b: boolean): void; matrixWorld: { elements: number[] } } }).parent;
    face.updateWorldMatrix(true, false);
    const f = face.matrixWorld.elements;
    const h = t.gl.xr.getCamera().matrixWorld.elements;
    const facing = Math.atan2(f[8]!, f[10]!);
    const toHead = Math.atan2(h[12]! - f[12]!, h[14]! - f[14]!);
    const d = Math.abs(facing - toHead) % (2 * Math.PI);
    return (Math.min(d, 2 * Math.PI - d) * 180) / Math.PI;
  });

/**
 * The orb's caption (which hangs below the orb) is seen clear of the boards: above every button
 * and line of text on them, by more than a button's height, so no board stands in front of it;
 * within a comfortable look down, and facing the viewer (not at a slant from a seat to one side).
 */
async function expectCaptionClear(page: Page) {
  await framesPass(page, 3);
  const seen = await vrView(page);
  const caption = seen.texts.find((t) => t.role === "caption");
  expect(caption, "the orb's caption in view").toBeDefined();
  const top = Math.max(...seen.targets.map((b) => b.up), ...seen.texts.filter((t) => t !== caption).map((t) => t.up));
  expect(caption!.up, `the caption ${caption!.up.toFixed(1)}° up, the boards' highest ${top.toFixed(1)}°`).toBeGreaterThan(top + 5);
  expect(caption!.up, "the caption within an easy look down").toBeGreaterThanOrEqual(-25);
  expect(Math.abs(caption!.right), "the caption straight ahead").toBeLessThanOrEqual(10);
  expect(await orbTurnedAway(page), "the orb and its caption turned to face the viewer").toBeLessThan(3);
}

/** Where the head is in the world, m. */
const headAt = (page: Page) =>
  page.evaluate(() => {
    const e = (window as unknown as RoomWindow).__brTest.gl.xr.getCamera().matrixWorld.elements;
    return { x: e[12]!, y: e[13]!, z: e[14]! };
  });

/** The room page is in the circle, then in VR with its boards up. */
async function enterVr(page: Page, firstButton: string) {
  await expect.poll(async () => (await room(page)).phase, { timeout: 30_000 }).toBe("in");
  await page.getByRole("button", { name: "Enter VR" }).first().click({ timeout: 60_000 });
  await expect.poll(async () => (await app(page)).xrMode, { timeout: 30_000 }).toBe("immersive-vr");
  await expect.poll(() => vrLabels(page), { timeout: 60_000 }).toContain(firstButton);
  await framesPass(page, 3);
}

describe("the group room in a headset", () => {
  let server: RunningServer;
  let token = "";
  let code = "";
  /** the facilitator, connected from Node: what the server says */
  let lead: Room;
  const moments: { id: string; from: string }[] = [];

  // Its own server: the first account of a fresh install is the admin and needs no invite.
  beforeAll(async () => {
    server = await startServer();
    ({ token } = await postJson<{ token: string }>(server.baseURL, "/api/auth/signup", { email: EMAIL, password: PASSWORD }));
    // The shore: under the emulator the forest's fog covers everything below ~15° (the boards' lower rows too).
    ({ code } = await postJson<{ code: string }>(server.baseURL, "/api/sessions", { title: "Headset circle", environment: "shore", capacity: 8 }, token));
    const client = new Client(server.baseURL.replace(/^http/, "ws"));
    client.auth.token = await roomToken(server.baseURL, token);
    lead = await client.joinOrCreate(ROOM_NAME, { code, pseudonym: "Robin", look: "sage" });
    lead.onMessage("moment", (m: { id: string; from: string }) => void moments.push(m));
    for (const type of ["report", "alertSeen", "alertStatus", "reaction", "chat", "admission", "error", "pong", "time"]) lead.onMessage(type, () => undefined);
    // The others' poses, in binary frames: the facilitator here has no circle to draw them in.
    lead.onMessage(POSE_FRAME_TYPE, () => undefined);
    // The circle stays closed, with admission on, until the participant has waited at the door in VR.
  });

  /** The facilitator (from Node) opens the circle and lets newcomers straight in from now on. */
  async function openWithoutAdmission() {
    lead.send("setAdmission", { on: false });
    lead.send("openCircle");
    const session = () => (lead.state as { session?: { status: string; admission: boolean } }).session;
    for (let i = 0; i < 100 && !(session()?.status === "open" && session()?.admission === false); i++) await new Promise((r) => setTimeout(r, 100));
    if (session()?.status !== "open" || session()?.admission !== false) throw new Error("the circle did not open without admission");
  }

  afterAll(async () => {
    await lead?.leave(true).catch(() => undefined);
    server?.stop();
  });

  describe("a participant", () => {
    let s: Session;

    beforeAll(async () => {
      s = await openApp(server.baseURL, `/room/${code}?xr=emulate`);
      await s.page.waitForFunction(() => Boolean((window as unknown as Partial<RoomWindow>).__brTest?.xrDevice));
      // Seated, as everyone in a circle is: eyes at a seated height (the emulator stands at 1.6 m).
      await s.page.evaluate((y) => (window as unknown as { __brTest: { xrDevice: { position: { set(...v: number[]): void } } } }).__brTest.xrDevice.position.set(0, y, 0), SEATED_EYE_HEIGHT);
    });

    afterAll(async () => {
      await s?.close();
    });

    it("joins by link and waits at the door in VR: a board that says so, and breathing alone with the orb by controller ray", async () => {
      const { page } = s;
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByLabel("I have read the agreement and the notice, and I agree to them").check();
      await page.getByRole("button", { name: "I agree, continue" }).click();
      await page.getByLabel("A name for this circle").fill("Calm Heron");
      await page.getByRole("button", { name: "Enter the circle" }).click();
      await page.getByRole("heading", { name: "Waiting to be let in" }).waitFor({ timeout: 30_000 });
      await enterVr(page, "Breathe on your own while you wait");
      expect(await vrWords(page)).toContain("Waiting to be let in");
      const labels = await vrLabels(page);
      expect(labels).toEqual(expect.arrayContaining(["Stop waiting", "Exit VR", "Need help now?"]));
      for (const label of ["Raise hand", "I need a moment", "Circle", "People", "Chat"]) expect(labels).not.toContain(label);
      await expectComfortable(page);
      await shot(page, "room-vr-waiting");
      await vrPress(page, "Breathe on your own while you wait", "controller-right");
      await expect.poll(async () => (await room(page)).waitingSince, { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
      // The pacer runs, and the orb is drawn in the middle of the circle with its caption.
      await expect.poll(() => page.evaluate(() => (window as unknown as { __brTest: { frame: { caption: string } } }).__brTest.frame.caption), { timeout: 20_000 }).toMatch(/Breathe|Hold/);
      await expect.poll(() => orbShown(page), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => vrWords(page), { timeout: 20_000 }).toContain("practice caption");
      // The board folds down to its buttons (still waiting, crisis help still one press away), so
      // the orb's caption, below the orb, stands clear above everything on the board.
      await expect.poll(() => vrWords(page), { timeout: 15_000 }).not.toContain("Waiting to be let in");
      expect(await vrLabels(page)).toEqual(expect.arrayContaining(["Stop breathing on my own", "Stop waiting", "Exit VR", "Need help now?"]));
      await expectCaptionClear(page);
      await page.waitForTimeout(3000);
      await expectComfortable(page);
      await shot(page, "room-vr-waiting-breathing");
    });

    it("let in before the circle opens: their own board says the circle will open soon, and breathing alone stops and starts by pinch", async () => {
      const { page } = s;
      const me = (await room(page)).me;
      lead.send("admit", { target: me });
      await expect.poll(() => vrWords(page), { timeout: 30_000 }).toContain("The facilitator will open the circle soon");
      expect(await vrLabels(page)).toEqual(expect.arrayContaining(["Stop breathing on my own", "Raise hand", "You", "Circle"]));
      await useInput(page, "hand");
      await vrPress(page, "Stop breathing on my own", "hand-right");
      await expect.poll(async () => (await room(page)).waitingSince, { timeout: 15_000 }).toBe(-1);
      await vrPress(page, "Breathe on your own while you wait", "hand-right");
      await expect.poll(async () => (await room(page)).waitingSince, { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
      // The board folds out of the orb's way; the tabs (and crisis help) stay.
      await expect.poll(() => vrLabels(page), { timeout: 15_000 }).not.toContain("Raise hand");
      await expect.poll(() => vrWords(page), { timeout: 20_000 }).toContain("practice caption");
      await expectCaptionClear(page);
      await page.waitForTimeout(3000);
      await shot(page, "room-vr-circle-waits");
      await vrPress(page, "You", "hand-right");
      await expect.poll(() => vrLabels(page), { timeout: 15_000 }).toContain("Stop breathing on my own");
      await expectComfortable(page);
      await useInput(page, "controller");
    });

    it("standing up and recentering: the orb rises with the eyes, and its caption stays clear above the boards", async () => {
      const { page } = s;
      const seated = await orbHeight(page);
      expect(seated).toBeCloseTo(SEATED_EYE_HEIGHT - ORB_BELOW_EYES, 2);
      await headTo(page, STANDING_EYE_HEIGHT);
      // The new head pose is tracked in the next frames; a person presses Recenter after standing up, not with it.
      await framesPass(page, 3);
      // The orb settles within 5 mm of its new height (it glides there).
      const orbAt = (y: number) => async () => Math.abs((await orbHeight(page)) - y) < 0.005;
      await vrPressUntil(page, "Recenter", orbAt(STANDING_EYE_HEIGHT - ORB_BELOW_EYES));
      // The board folds away to see the circle whole.
      await vrPressUntil(page, "You", async () => !(await vrLabels(page)).includes("Raise hand"));
      await expectCaptionClear(page);
      await expectComfortable(page);
      await shot(page, "room-vr-standing");
      // Sitting down again, for the rest of the circle: the board back (a press is held over a few
      // frames: its effect is waited for before the ray moves on), then Recenter.
      await headTo(page, SEATED_EYE_HEIGHT);
      await framesPass(page, 3);
      await vrPressUntil(page, "You", async () => (await vrLabels(page)).includes("Raise hand"));
      await vrPressUntil(page, "Recenter", orbAt(seated));
    });

    it("once the circle opens, sees the check-in and then their own board, readable and within reach", async () => {
      const { page } = s;
      await openWithoutAdmission();
      // First the check-in before the exercise, on their own board: a number, then Answer.
      await expect.poll(() => vrLabels(page), { timeout: 30_000 }).toContain("Answer");
      expect(await vrWords(page)).toContain("Before we breathe together: how do you feel right now?");
      await expectComfortable(page);
      await shot(page, "room-vr-check-in");
      await vrPress(page, "6", "controller-right");
      await vrPress(page, "Answer", "controller-right");
      await expect.poll(async () => (await room(page)).checkIns.before, { timeout: 20_000 }).toEqual({ state: "counted", value: 6 });
      await expect.poll(() => vrLabels(page), { timeout: 20_000 }).toContain("Raise hand");
      for (const label of ["I need a moment", "Step away", "Me too", "Silence my cues", "Personal space", "Leave the circle", "Need help now?", "Circle", "People", "Chat"]) {
        expect(await vrLabels(page)).toContain(label);
      }
      expect(await vrLabels(page)).not.toContain("Console");
      await expectComfortable(page);
      await shot(page, "room-vr-board");
    });

    it("raises a hand with the controller ray, and the server has it raised, first in line", async () => {
      const { page } = s;
      const me = (await room(page)).me;
      await vrPress(page, "Raise hand", "controller-right");
      const state = lead.state as { participants: Map<string, { handRaised: boolean }>; handQueue: string[] };
      await expect.poll(() => state.participants.get(me)?.handRaised, { timeout: 15_000 }).toBe(true);
      expect([...state.handQueue]).toEqual([me]);
      await expect.poll(() => vrWords(page), { timeout: 10_000 }).toContain("Lower hand · 1st in line");
      await shot(page, "room-vr-hand-raised");
    });

    it("shows what is happening in the circle: the raised hands in order", async () => {
      const { page } = s;
      await vrPress(page, "Circle", "controller-right");
      await expect.poll(() => vrWords(page), { timeout: 10_000 }).toContain("1. Calm Heron (you)");
      expect(await vrWords(page)).toContain("Nobody has the talking piece.");
      await expectComfortable(page);
      await shot(page, "room-vr-circle");
      await vrPress(page, "You", "controller-right");
      await expect.poll(() => vrLabels(page), { timeout: 10_000 }).toContain("I need a moment");
    });

    it("'I need a moment' by hand pinch: crisis help in front of the circle at once, the facilitator told, and when it is seen", async () => {
      const { page } = s;
      const me = (await room(page)).me;
      await useInput(page, "hand");
      await vrPress(page, "I need a moment", "hand-right");
      await expect.poll(async () => (await app(page)).crisisOpen, { timeout: 15_000 }).toBe(true);
      await expect.poll(() => vrLabels(page), { timeout: 15_000 }).toContain("Next region");
      await expect.poll(() => moments.map((m) => m.from), { timeout: 10_000 }).toContain(me);
      await framesPass(page, 3);
      await expectComfortable(page);
      // Nearer than the middle of the circle: nothing of the circle is drawn over it.
      const [centre, head, seen] = [await circleCentre(page), await headAt(page), await vrView(page)];
      const furthest = Math.max(...seen.texts.map((t) => t.distance));
      expect(furthest).toBeLessThan(Math.hypot(centre.x - head.x, centre.z - head.z));
      lead.send("markSeen", { id: moments.find((x) => x.from === me)!.id });
      await expect.poll(() => vrWords(page), { timeout: 15_000 }).toContain("A facilitator has seen that you need a moment.");
      await shot(page, "room-vr-crisis");
      await vrPress(page, "Close", "hand-right");
      await expect.poll(async () => (await app(page)).crisisOpen, { timeout: 15_000 }).toBe(false);
    });

    it("A silences this person's cues and B opens crisis help, as in the calm space", async () => {
      const { page } = s;
      await useInput(page, "controller");
      await vrTap(page, "a-button");
      await expect.poll(async () => (await room(page)).cuesSilenced, { timeout: 10_000 }).toBe(true);
      await vrTap(page, "b-button");
      await expect.poll(async () => (await app(page)).crisisOpen, { timeout: 10_000 }).toBe(true);
      await vrPress(page, "Close", "controller-right");
      await expect.poll(async () => (await app(page)).crisisOpen, { timeout: 15_000 }).toBe(false);
    });

    it("asks no other origin", () => {
      expect(s.requests.some((u) => u.includes("atkinson-hyperlegible-400") && u.endsWith(".png"))).toBe(true);
      expect(s.thirdParty()).toEqual([]);
    });
  });

  describe("a facilitator", () => {
    let s: Session;

    beforeAll(async () => {
      s = await openApp(server.baseURL, "/facilitate");
      await s.page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [TOKEN_KEY, token]);
      await s.page.goto(new URL(`/room/${code}?xr=emulate`, server.baseURL).href);
      await s.page.waitForFunction(() => Boolean((window as unknown as Partial<RoomWindow>).__brTest?.xrDevice));
    });

    afterAll(async () => {
      await s?.close();
    });

    it("enters as the facilitator and starts breathing together from the console in VR", async () => {
      const { page } = s;
      await page.getByRole("button", { name: "Enter as facilitator" }).click();
      await page.getByLabel("A name for this circle").fill("Sam");
      await page.getByRole("button", { name: "Enter the circle" }).click();
      await enterVr(page, "Console");
      const me = await room(page);
      expect(me.people[me.me]?.role).toBe("facilitator");
      await vrPress(page, "Console", "controller-right");
      await vrPress(page, "Exercise", "controller-right");
      await expect.poll(() => vrLabels(page), { timeout: 10_000 }).toContain("Start together");
      await expectComfortable(page);
      await shot(page, "room-vr-console");
      await vrPress(page, "Start together", "controller-right");
      const practice = () => (lead.state as { practice: { running: boolean; patternId: string } }).practice;
      await expect.poll(() => practice().running, { timeout: 15_000 }).toBe(true);
      expect(practice().patternId).toBe("box");
      await expect.poll(() => vrLabels(page), { timeout: 15_000 }).toContain("Stop the group exercise");
      // The orb in the middle of the circle breathes; fold the board to see the circle whole.
      await vrPress(page, "Console", "controller-right");
      await page.waitForTimeout(5000);
      await shot(page, "room-vr-breathing");
    });

    it("asks no other origin", () => {
      expect(s.thirdParty()).toEqual([]);
    });
  });
});
