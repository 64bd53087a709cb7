import "../../server/polyfills";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopbackAddress } from "../../core/voice";
import { ROOM_NAME } from "../../core/protocol";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium";
import { janusInstalled, startJanus, type RunningJanus } from "../../scripts/janus";
import { startServer, type RunningServer } from "../../scripts/serveApp";

/**
 * Voice in a real circle: pages in one Chromium, each with a microphone that plays its own tone,
 * in a loopback-only network namespace (run it under `unshare -n`, see README "Tests").
 *
 * The microphones: each page's `getUserMedia` is replaced (before the app loads) by an
 * OscillatorNode at that page's frequency, sent out through a MediaStreamAudioDestinationNode.
 * Chromium's `--use-file-for-fake-audio-capture` gives every page of one browser the same file,
 * so distinct tones would need one browser per person — three times the processes on a small
 * machine; and a real capture path would run noise suppression, which removes a steady tone. From
 * the returned track on, everything is the app's own path: its peer connections, Opus, the gates
 * that drop a voice, the spatial mix. What a page hears is measured on AnalyserNodes after each
 * voice's gate: energy at each tone's frequency.
 */

const TONES = { Ash: 350, Birch: 560, Cedar: 830, Dune: 1240, Elm: 1480 } as const;
type Name = keyof typeof TONES;
/** dB at a tone's frequency bin above which a page hears it (silence sits near -100 dB, a tone near -30 dB). */
const HEARD_DB = -65;

const micScript = (hz: number, deny: boolean, rogue = false) => `
  (() => {
    const NativePC = window.RTCPeerConnection;
    window.__candidates = [];
    window.RTCPeerConnection = class extends NativePC {
      constructor(config) {
        super(config);
        this.addEventListener("icecandidate", (e) => { if (e.candidate && e.candidate.candidate) window.__candidates.push(e.candidate.address || e.candidate.candidate); });
      }
    };
    // Chromium lists every interface (here only loopback) to pages with media permission, and only the
    // default route to others; this namespace has no default route. So every page is granted the fake
    // device first (--use-fake-ui-for-media-stream); the app's own request is answered below.
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const granted = real({ audio: true }).then((s) => s.getTracks().forEach((t) => t.stop()));
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      await granted;
      if (${deny}) throw new DOMException("Permission denied", "NotAllowedError");
      if (!constraints || !constraints.audio) throw new DOMException("audio only", "NotFoundError");
      const ctx = new AudioContext();
      const osc = new OscillatorNode(ctx, { frequency: ${hz} });
      const level = new GainNode(ctx, { gain: 0.3 });
      const out = ctx.createMediaStreamDestination();
      osc.connect(level).connect(out);
      osc.start();
      window.__mic = ctx;
      // A modified client that ignores every mute: its track stays on whatever the app sets.
      if (${rogue}) for (const t of out.stream.getAudioTracks()) Object.defineProperty(t, "enabled", { get: () => true, set: () => {} });
      return out.stream;
    };
  })();`;

/** For each tone, the loudest dB at its frequency among the voices this page plays (after their gates). */
function hearing(page: Page): Promise<Record<string, number>> {
  return page.evaluate((tones) => {
    const w = window as unknown as { __brTest?: { voice?: { output: { ids(): string[]; analyser(id: string): AnalyserNode } | null } } };
    const out = w.__brTest?.voice?.output;
    const loudest: Record<string, number> = {};
    for (const name of Object.keys(tones)) loudest[name] = -Infinity;
    if (!out) return loudest;
    for (const id of out.ids()) {
      const a = out.analyser(id);
      const bins = new Float32Array(a.frequencyBinCount);
      a.getFloatFrequencyData(bins);
      const width = a.context.sampleRate / a.fftSize;
      for (const [name, hz] of Object.entries(tones)) {
        const k = Math.round(hz / width);
        loudest[name] = Math.max(loudest[name]!, bins[k - 1]!, bins[k]!, bins[k + 1]!);
      }
    }
    return loudest;
  }, TONES);
}

/** The tones this page hears, sorted. */
async function heardBy(page: Page): Promise<string[]> {
  const dB = await hearing(page);
  return Object.keys(dB).filter((name) => dB[name]! > HEARD_DB).sort();
}

interface Person {
  name: Name;
  context: BrowserContext;
  page: Page;
  id: string;
}

/** Audio packets each page has received from each person through the SFU (before the page's own gates). */
function packets(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const w = window as unknown as { __brTest?: { voice?: { sfu: { packetsByVoice(): Promise<Record<string, number>> } | null } } };
    return (await w.__brTest?.voice?.sfu?.packetsByVoice()) ?? {};
  });
}

/** The tests of the suites below (mesh; and through Janus where it is installed), each reported by name when the file runs itself again. */
const INNER_TESTS = 5 + (janusInstalled() ? 5 : 0);

/** Only loopback here: WebRTC can gather no other candidate, and no traffic can leave. */
const loopbackOnly = Object.keys(networkInterfaces()).every((name) => name === "lo");

// Anywhere else (a plain `npm test`), the same file runs again in a namespace of its own, and each
// of its tests is reported here by name. Only one of the two suites is declared, so a run never
// counts the other as skipped.
if (!loopbackOnly) {
  describe("voice in the circle, outside a loopback-only namespace", () => {
    it("runs itself again inside one (unshare -n, loopback up), and every test there passes", () => {
      const report = join(mkdtempSync(join(tmpdir(), "br-voice-")), "voice.json");
      const inner = spawnSync(
        "unshare",
        ["-n", "bash", "-c", `ip link set lo up && exec npx vitest run --project e2e tests/e2e/voice.test.ts --reporter=default --reporter=json --outputFile.json=${report}`],
        { cwd: `${import.meta.dirname}/../..`, encoding: "utf8", timeout: 480_000, env: { ...process.env, CI: "", E2E_CLIENT_BUILT: "1" } },
      );
      if (inner.status !== 0) console.error(inner.stdout, inner.stderr);
      const results = existsSync(report)
        ? (JSON.parse(readFileSync(report, "utf8")) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] }).testResults.flatMap((f) => f.assertionResults)
        : [];
      const byTitle = Object.fromEntries(results.map((t) => [t.fullName, t.status]));
      console.log("voice e2e inside its namespace:", byTitle);
      expect(results.length, "tests that ran inside the namespace").toBe(INNER_TESTS);
      expect(Object.entries(byTitle).filter(([, status]) => status !== "passed")).toEqual([]);
      expect(inner.status, "the voice e2e inside its namespace").toBe(0);
    }, 490_000);
  });
}

function circleSuite(mode: "mesh" | "sfu") {
describe(`voice in the circle (${mode})`, () => {
  let server: RunningServer;
  let janus: RunningJanus | null = null;
  let browser: Browser;
  let lead: Room;
  let code = "";
  const people = new Map<Name, Person>();
  const all = () => [...people.values()];

  async function enter(name: Name, { deny = false, seated = true, rogue = false } = {}): Promise<Person> {
    const context = await browser.newContext({ viewport: { width: 480, height: 640 }, locale: "en-GB" });
    await context.addInitScript(micScript(TONES[name], deny, rogue));
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => console.error(`[${name} page error] ${e.message}`));
    await page.goto(`${server.baseURL}/room/${code}`);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "I agree, continue" }).click();
    await page.getByLabel("A name for this circle").fill(name);
    await page.getByRole("button", { name: "Enter the circle" }).click();
    let id = "";
    if (seated) {
      await expect.poll(() => [...lead.state.participants.entries()].find(([, p]) => p.pseudonym === name)?.[0], { timeout: 15_000 }).toBeTruthy();
      id = [...lead.state.participants.entries()].find(([, p]) => p.pseudonym === name)![0];
    }
    const person = { name, context, page, id };
    people.set(name, person);
    return person;
  }

  const micOn = (p: Person) => p.page.getByRole("button", { name: "Microphone off" }).click();

  beforeAll(async () => {
    if (mode === "sfu") {
      // Debian's Janus on loopback (scripts/janus.ts), and our server told where it is.
      janus = await startJanus();
      Object.assign(process.env, { JANUS_URL: janus.url, JANUS_ADMIN_KEY: janus.adminKey });
    }
    try {
      server = await startServer();
    } finally {
      delete process.env.JANUS_URL;
      delete process.env.JANUS_ADMIN_KEY;
    }
    const api = (path: string, body: unknown, token?: string) =>
      fetch(`${server.baseURL}/api${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const { token } = (await api("/auth/signup", { email: "wren@example.org", password: "slow breath, long walk" })) as { token: string };
    code = ((await api("/sessions", { title: "Voices", environment: "shore", capacity: 8 }, token)) as { code: string }).code;
    const client = new Client(server.baseURL.replace(/^http/, "ws"));
    // Rooms take a short-lived room token, not the sign-in itself.
    client.auth.token = ((await api("/auth/room-token", {}, token)) as { token: string }).token;
    lead = await client.joinOrCreate(ROOM_NAME, { code, pseudonym: "Wren", look: "sage" });
    for (let i = 0; i < 100 && !lead.state?.session?.title; i++) await new Promise((r) => setTimeout(r, 50));
    lead.send("openCircle");
    // Seat people at once where the circle has a waiting area (admission); a later step turns it back on.
    if (lead.state.session.admission !== undefined) lead.send("setAdmission", { on: false });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...CHROMIUM_ARGS,
        "--autoplay-policy=no-user-gesture-required",
        // Host candidates on 127.0.0.1 (the only interface in the test's namespace), not mDNS names.
        "--allow-loopback-in-peer-connection",
        "--disable-features=WebRtcHideLocalIpsWithMdns",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        // The DOM circle only: these pages are about sound, and SwiftShader would spend the CPU.
        "--disable-3d-apis",
      ],
    });
  });

  afterAll(async () => {
    const bounded = (work: Promise<unknown> | undefined) => Promise.race([work?.catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    for (const p of people.values()) await bounded(p.context.close());
    await bounded(browser?.close());
    await bounded(lead?.leave());
    server?.stop();
    janus?.stop();
  });

  it("three people each hear the other two, and a refused microphone still hears them", async () => {
    // Through the SFU, Birch's client ignores mutes (its track stays on): Janus must drop it.
    const [ash, birch, cedar] = [await enter("Ash"), await enter("Birch", { rogue: mode === "sfu" }), await enter("Cedar")];
    const dune = await enter("Dune", { deny: true });
    for (const p of [ash, birch, cedar]) await micOn(p);
    await micOn(dune);
    await dune.page.getByText(/can hear everyone; to speak, allow the microphone/).waitFor();
    await expect.poll(() => heardBy(ash.page), { timeout: 20_000 }).toEqual(["Birch", "Cedar"]);
    await expect.poll(() => heardBy(birch.page), { timeout: 5_000 }).toEqual(["Ash", "Cedar"]);
    await expect.poll(() => heardBy(cedar.page), { timeout: 5_000 }).toEqual(["Ash", "Birch"]);
    await expect.poll(() => heardBy(dune.page), { timeout: 5_000 }).toEqual(["Ash", "Birch", "Cedar"]);
  });

  it("after the facilitator mutes someone, their tone reaches nobody; they are told plainly", async () => {
    const [ash, birch, cedar, dune] = [people.get("Ash")!, people.get("Birch")!, people.get("Cedar")!, people.get("Dune")!];
    lead.send("mute", { target: birch.id });
    await birch.page.getByText("The facilitator has muted you.", { exact: false }).waitFor();
    await expect.poll(() => heardBy(ash.page), { timeout: 5_000 }).toEqual(["Cedar"]);
    await expect.poll(() => heardBy(cedar.page), { timeout: 5_000 }).toEqual(["Ash"]);
    await expect.poll(() => heardBy(dune.page), { timeout: 5_000 }).toEqual(["Ash", "Cedar"]);
    // Muted, they still hear the others.
    await expect.poll(() => heardBy(birch.page), { timeout: 5_000 }).toEqual(["Ash", "Cedar"]);
    if (mode === "sfu") {
      // Birch's client kept its track on, and Janus forwards nothing of it: the packets from Birch
      // that reach the others (before their own gates) stop, while Cedar's keep coming.
      expect(await birch.page.evaluate(() => (window as unknown as { __brTest: { voice: { sfu: { connections(): RTCPeerConnection[] } } } }).__brTest.voice.sfu.connections()[0]!.getSenders()[0]!.track!.enabled)).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      const before = await Promise.all([ash, cedar, dune].map((p) => packets(p.page)));
      await new Promise((r) => setTimeout(r, 2000));
      const after = await Promise.all([ash, cedar, dune].map((p) => packets(p.page)));
      after.forEach((got, i) => {
        expect(got[birch.id]! - before[i]![birch.id]!, "packets of the muted person").toBe(0);
      });
      expect(after[0]![cedar.id]! - before[0]![cedar.id]!, "packets of Cedar at Ash").toBeGreaterThan(20);
    }
    lead.send("unmute", { target: birch.id });
  });

  it("in talking-piece mode only the holder's tone is heard", async () => {
    const [ash, birch, cedar, dune] = [people.get("Ash")!, people.get("Birch")!, people.get("Cedar")!, people.get("Dune")!];
    await expect.poll(() => heardBy(ash.page), { timeout: 10_000 }).toEqual(["Birch", "Cedar"]);
    lead.send("setPieceMode", { on: true });
    lead.send("givePiece", { to: cedar.id });
    await expect.poll(() => heardBy(ash.page), { timeout: 5_000 }).toEqual(["Cedar"]);
    await expect.poll(() => heardBy(birch.page), { timeout: 5_000 }).toEqual(["Cedar"]);
    await expect.poll(() => heardBy(dune.page), { timeout: 5_000 }).toEqual(["Cedar"]);
    await expect.poll(() => heardBy(cedar.page), { timeout: 5_000 }).toEqual([]);
  });

  it("someone in the waiting area hears nothing and is connected to nobody", async () => {
    lead.send("setPieceMode", { on: false });
    lead.send("setAdmission", { on: true });
    await expect.poll(() => lead.state.session.admission).toBe(true);
    const elm = await enter("Elm", { seated: false });
    await expect.poll(() => lead.state.knocking?.size ?? 0).toBe(1);
    await expect.poll(() => heardBy(people.get("Ash")!.page), { timeout: 5_000 }).toEqual(["Birch", "Cedar"]);
    // Everyone else speaks meanwhile; the waiting page has no voice and no peer connection of the circle.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await heardBy(elm.page)).toEqual([]);
    expect(await elm.page.evaluate(() => (window as unknown as { __brTest?: { voice?: { mesh: unknown } } }).__brTest?.voice?.mesh ?? null)).toBeNull();
    expect(await elm.page.evaluate(() => (window as unknown as { __brTest?: { voice?: { sfu: unknown } } }).__brTest?.voice?.sfu ?? null)).toBeNull();
  });

  it("no page gathered an ICE candidate outside the loopback range", async () => {
    for (const p of all()) {
      const addresses = await p.page.evaluate(() => (window as unknown as { __candidates: string[] }).__candidates);
      if (p.id) expect(addresses.length, `${p.name} gathered candidates`).toBeGreaterThan(0);
      expect(addresses.filter((a) => !isLoopbackAddress(a)), p.name).toEqual([]);
    }
  });
});
}

if (loopbackOnly) {
  circleSuite("mesh");
  if (janusInstalled()) circleSuite("sfu");
}
