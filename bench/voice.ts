// Voice in the circle, peer to peer (mesh) and through Janus (SFU): what each person sends and
// receives on the wire in circles of 4, 8 and 16, and what one page spends receiving 8 voices. Real
// pages in Debian's Chromium (DOM view, no WebGL), each with a microphone that "talks" (a tone
// switched on 1.6 s, off 1 s: Opus DTX sends almost nothing in the pauses), against `npm start` on
// loopback. Wire bytes are the transports' (RTP, RTCP, SRTP, STUN).
//
//   npm run bench -- voice                      mesh, then Janus where it is installed
//   VOICE_PARTS=mesh npm run bench -- voice     only the mesh (the SFU's figures stay as they were)
//   VOICE_PARTS=sfu npm run bench -- voice      only Janus
//   VOICE_SIZES=4,8 npm run bench -- voice      other circle sizes (the listener's circle must be one of them)
import "../server/polyfills";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { Client, type Room } from "@colyseus/sdk";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOM_NAME } from "../core/protocol";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium";
import { janusInstalled, startJanus, type RunningJanus } from "../scripts/janus";
import { buildTestClient, startServer, type RunningServer } from "../scripts/serveApp";
import { mode, saveResult, sized } from "./lib/results";
import { machine, writeBenchmark } from "./report";

/** Whole cycles of the talking microphone (2.6 s), so no figure catches more pauses than another. */
const MEASURE_S = sized({ full: 13, quick: 5.2, tiny: 2.6 });
/** After every link is up, before measuring: encoders and DTX settle. */
const SETTLE_S = sized({ full: 3, quick: 2, tiny: 0.5 });
const SIZES = process.env.VOICE_SIZES ? process.env.VOICE_SIZES.split(",").map(Number) : sized({ full: [4, 8, 16], quick: [4, 8], tiny: [3] });
/** The circle a separate page joins to listen (its size = the voices it receives). */
const LISTEN_TO = sized({ full: 8, quick: 8, tiny: 3 });
/** How long a circle may take to link everyone before it counts as not fitting this machine, ms. */
const LINK_WAIT_MS = sized({ full: 120_000, quick: 60_000, tiny: 30_000 });
const PARTS = process.env.VOICE_PARTS ?? "all";

const ARGS = [
  ...CHROMIUM_ARGS,
  "--autoplay-policy=no-user-gesture-required",
  "--allow-loopback-in-peer-connection",
  "--disable-features=WebRtcHideLocalIpsWithMdns",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--disable-3d-apis",
];

/**
 * Chromium gathers ICE candidates on every interface only for a page with media permission; other
 * pages get the default route's address alone, and this namespace has none (only loopback). So every
 * page is granted the fake device first, as in tests/e2e/voice.test.ts — the listener too, which
 * otherwise gathers no candidate at all and connects to nobody (on a real network it has a default
 * route). It never opens its microphone.
 */
const GRANT = `
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const granted = real({ audio: true }).then((s) => s.getTracks().forEach((t) => t.stop()));`;

/**
 * A microphone that talks: a tone gated on and off like speech with pauses (see tests/e2e/voice.test.ts
 * for why a fake). Speakers listen in plain stereo (the app's own setting, More → Plain stereo): what
 * travels on the wire is the same, and a circle of 16 pages on one small machine spends its CPU on the
 * codecs rather than on 15 × 16 HRTF panners. The listener whose CPU is measured keeps HRTF.
 * (The key is VOICE_PREFS_KEY, client/room/voice/voiceStore.ts.)
 */
const talkingMic = (hz: number) => `
  (() => {${GRANT}
    try { localStorage.setItem("breathing-room:voice:v1", JSON.stringify({ pushToTalk: false, plainStereo: true })); } catch {}
    navigator.mediaDevices.getUserMedia = async () => {
      await granted;
      const ctx = new AudioContext();
      const osc = new OscillatorNode(ctx, { frequency: ${hz} });
      const gate = new GainNode(ctx, { gain: 0 });
      const out = ctx.createMediaStreamDestination();
      osc.connect(gate).connect(out);
      osc.start();
      let on = false;
      const flip = () => { on = !on; gate.gain.setTargetAtTime(on ? 0.3 : 0, ctx.currentTime, 0.02); setTimeout(flip, on ? 1600 : 1000); };
      flip();
      return out.stream;
    };
  })();`;
const listenerOnly = `(() => {${GRANT}
  })();`;

interface Wire {
  sent: number;
  received: number;
  /** voices this page plays (VoiceOutput) */
  voices: number;
  /** voice connections (mesh links, or the SFU's publisher and subscriber), and how many are up */
  pcs: number;
  connected: number;
}

/** Wire bytes of every voice connection of this page, mesh or SFU (not its own loopback pair). */
function wireBytes(page: Page): Promise<Wire> {
  return page.evaluate(async () => {
    const w = window as unknown as {
      __brTest?: {
        voice?: {
          mesh: { connections(): IterableIterator<{ pc: RTCPeerConnection }> } | null;
          sfu: { connections(): RTCPeerConnection[] } | null;
          output: { ids(): string[] } | null;
        };
      };
    };
    const voice = w.__brTest?.voice;
    const total = { sent: 0, received: 0, voices: voice?.output?.ids().length ?? 0, pcs: 0, connected: 0 };
    const pcs = [...[...(voice?.mesh?.connections() ?? [])].map((link) => link.pc), ...(voice?.sfu?.connections() ?? [])];
    for (const pc of pcs) {
      total.pcs++;
      if (pc.connectionState === "connected") total.connected++;
      const stats = await pc.getStats();
      stats.forEach((s: { type: string; bytesSent?: number; bytesReceived?: number }) => {
        if (s.type !== "transport") return;
        total.sent += s.bytesSent ?? 0;
        total.received += s.bytesReceived ?? 0;
      });
    }
    return total;
  });
}

async function api(server: RunningServer, path: string, body: unknown, token?: string) {
  const r = await fetch(`${server.baseURL}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await r.json()) as Record<string, unknown>;
}

/** A new circle with its facilitator connected through the SDK (no voice of their own), admission off. */
async function openCircle(server: RunningServer, token: string, capacity: number): Promise<{ code: string; lead: Room }> {
  const { code } = (await api(server, "/sessions", { title: "Voice bench", environment: "shore", capacity }, token)) as { code: string };
  const client = new Client(server.baseURL.replace(/^http/, "ws"));
  // Rooms take a short-lived room token, not the sign-in itself.
  client.auth.token = ((await api(server, "/auth/room-token", {}, token)) as { token: string }).token;
  const lead = await client.joinOrCreate(ROOM_NAME, { code, pseudonym: "Lead", look: "sage" });
  for (let i = 0; i < 100 && !lead.state?.session; i++) await new Promise((r) => setTimeout(r, 50));
  lead.send("openCircle");
  lead.send("setAdmission", { on: false });
  for (let i = 0; i < 100 && lead.state.session.admission !== false; i++) await new Promise((r) => setTimeout(r, 50));
  return { code, lead };
}

async function seat(browser: Browser, server: RunningServer, code: string, name: string, hz: number | null): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 480, height: 640 } });
  await context.addInitScript(hz === null ? listenerOnly : talkingMic(hz));
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  await page.goto(`${server.baseURL}/room/${code}`, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "I agree, continue" }).click();
  await page.getByLabel("A name for this circle").fill(name);
  await page.getByRole("button", { name: "Enter the circle" }).click();
  await page.getByRole("button", { name: "Microphone off" }).waitFor();
  if (hz !== null) await page.getByRole("button", { name: "Microphone off" }).click();
  return page;
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
/** At most `s` seconds of `work` (a page or a room that no longer answers does not hold the run). */
const bounded = (work: Promise<unknown>, s = 10) => Promise.race([work.catch(() => {}), sleep(s)]);
const kbit = (bytes: number, s: number) => (bytes * 8) / 1000 / s;
const load1 = () => Number(loadavg()[0]!.toFixed(2));

/** Until every page plays `voices` voices over connections that are up (or throws after LINK_WAIT_MS). */
async function linkedUp(pages: Page[], voices: (i: number) => number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const wires = await Promise.all(pages.map(wireBytes));
    // The facilitator here is an SDK client without voice: a mesh page's link to it never comes up.
    if (wires.every((w, i) => w.voices >= voices(i) && w.pcs > 0 && w.connected >= Math.min(w.pcs, voices(i)))) return (performance.now() - t0) / 1000;
    if (performance.now() - t0 > LINK_WAIT_MS) {
      const short = wires.map((w, i) => `${w.voices}/${voices(i)} voices, ${w.connected}/${w.pcs} up`).join("; ");
      throw new Error(`not everyone linked within ${LINK_WAIT_MS / 1000} s: ${short}`);
    }
    await sleep(0.5);
  }
}

interface PerPerson {
  up: number;
  down: number;
}

/** Per person, kbit/s up and down over MEASURE_S. */
async function measure(pages: Page[]): Promise<PerPerson[]> {
  await sleep(SETTLE_S);
  const before = await Promise.all(pages.map(wireBytes));
  const t0 = performance.now();
  await sleep(MEASURE_S);
  const after = await Promise.all(pages.map(wireBytes));
  const s = (performance.now() - t0) / 1000;
  return pages.map((_, i) => ({ up: kbit(after[i]!.sent - before[i]!.sent, s), down: kbit(after[i]!.received - before[i]!.received, s) }));
}

/** CPU seconds used so far by a process and all its descendants (Linux /proc). */
function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    ticks += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / 100;
}

/** The pid of the Chromium just launched: the one browser process not in `known`. */
function newestChromium(known: Set<number>): number {
  const pids = readdirSync("/proc").filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) => !known.has(pid));
  for (const pid of pids.sort((a, b) => a - b)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (/chromium/.test(cmd) && !/--type=/.test(cmd) && !/crashpad/.test(cmd)) return pid;
    } catch {
      // gone
    }
  }
  return -1;
}
const allPids = () => new Set(readdirSync("/proc").filter((e) => /^\d+$/.test(e)).map(Number));

interface Listener {
  cpuPercent: number;
  down: number;
  voices: number;
  wall: number;
  load: number;
}

/** One more page, in its own Chromium (so its whole process tree is its cost), receiving the circle's voices. */
async function listenerCost(server: RunningServer, code: string, speakers: Page[], browsers: Browser[]): Promise<Listener> {
  const known = allPids();
  const own = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  browsers.push(own);
  const root = newestChromium(known);
  if (root < 0) throw new Error("could not find the listener's Chromium process");
  const listener = await seat(own, server, code, "Listener", null);
  // Everyone now links to the listener too (the speakers' own figures are taken before this).
  await linkedUp([listener], () => speakers.length);
  await sleep(SETTLE_S);
  const wire = await wireBytes(listener);
  const cpu0 = treeCpuSeconds(root);
  const t0 = performance.now();
  await sleep(MEASURE_S);
  const cpu1 = treeCpuSeconds(root);
  const wall = (performance.now() - t0) / 1000;
  const after = await wireBytes(listener);
  await bounded(own.close());
  return { cpuPercent: ((cpu1 - cpu0) / wall) * 100, down: kbit(after.received - wire.received, wall), voices: after.voices, wall, load: load1() };
}

interface Row {
  n: number;
  up: number;
  down: number;
  downMin: number;
  downMax: number;
  /** seconds until every page played every other voice over connections that were up */
  linkS: number;
  load: number;
}
interface Part {
  rows: Row[];
  /** sizes that did not fit this machine, and what stopped them */
  missing: { n: number; reason: string }[];
  listener: Listener | null;
  piece?: { holderUp: number; holderDown: number; listenerUp: number; listenerDown: number };
}

/** Circles of each size, everyone speaking; the listener in the circle of LISTEN_TO; the talking piece in the smallest (mesh). */
async function circles(server: RunningServer, token: string, speakers: Browser, browsers: Browser[], label: string): Promise<Part> {
  const part: Part = { rows: [], missing: [], listener: null };
  for (const n of SIZES) {
    const c = await openCircle(server, token, n + 3);
    const pages: Page[] = [];
    try {
      for (let i = 0; i < n; i++) pages.push(await seat(speakers, server, c.code, `Speaker ${i + 1}`, 300 + 60 * i));
      const linkS = await linkedUp(pages, () => n - 1);
      const per = await measure(pages);
      const row: Row = {
        n,
        up: per.reduce((s, p) => s + p.up, 0) / n,
        down: per.reduce((s, p) => s + p.down, 0) / n,
        downMin: Math.min(...per.map((p) => p.down)),
        downMax: Math.max(...per.map((p) => p.down)),
        linkS,
        load: load1(),
      };
      part.rows.push(row);
      console.log(label, row);
      if (label === "mesh" && n === SIZES[0]) {
        // The same circle in talking-piece mode: one speaker, the rest listening.
        c.lead.send("setPieceMode", { on: true });
        const holder = [...c.lead.state.participants.entries()].find(([, p]) => p.pseudonym === "Speaker 1")![0];
        c.lead.send("givePiece", { to: holder });
        await sleep(sized({ full: 2, quick: 2, tiny: 1 }));
        const piece = await measure(pages);
        const rest = piece.slice(1);
        part.piece = {
          holderUp: piece[0]!.up,
          holderDown: piece[0]!.down,
          listenerUp: rest.reduce((s, p) => s + p.up, 0) / rest.length,
          listenerDown: rest.reduce((s, p) => s + p.down, 0) / rest.length,
        };
        c.lead.send("setPieceMode", { on: false });
      }
      // At tiny size (npm test) the listener is measured once, in the mesh: the same code as through Janus.
      if (n === LISTEN_TO && !(label === "sfu" && mode() === "tiny")) {
        part.listener = await listenerCost(server, c.code, pages, browsers);
        console.log(label, { listener: part.listener });
      }
    } catch (e) {
      const reason = (e as Error).message.split("\n")[0]!;
      part.missing.push({ n, reason: `${pages.length} of ${n} pages seated; ${reason}` });
      console.warn(label, n, "did not fit:", reason);
    } finally {
      for (const page of pages) await bounded(page.context().close());
      await bounded(c.lead.leave());
    }
  }
  return part;
}

const f = (n: number) => n.toFixed(1);

export async function run(): Promise<void> {
  if (!SIZES.includes(LISTEN_TO)) throw new Error(`VOICE_SIZES must include ${LISTEN_TO} (the listener's circle)`);
  // The harness pins itself to the bots' core; these pages are the system under test, so Chromium
  // (which inherits this process's affinity) gets every core.
  execFileSync("taskset", ["-a", "-pc", `0-${cpus().length - 1}`, String(process.pid)], { stdio: "ignore" });
  const loadBefore = load1();
  // The voice e2e and its harness test run after a test build of this same tree.
  if (process.env.E2E_CLIENT_BUILT !== "1") await buildTestClient();
  const browsers: Browser[] = [];
  const figures: { loadBefore: number; mesh?: Part; sfu?: Part | { missing: string } } = { loadBefore };
  try {
    const speakers = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    browsers.push(speakers);
    if (PARTS !== "sfu") {
      const server = await startServer();
      try {
        const { token } = (await api(server, "/auth/signup", { email: "bench@example.org", password: "slow breath, long walk" })) as { token: string };
        figures.mesh = await circles(server, token, speakers, browsers, "mesh");
      } finally {
        server.stop();
      }
    }
    if (PARTS !== "mesh") figures.sfu = janusInstalled() ? await sfu(speakers, browsers) : { missing: "Janus is not installed (apt-get install janus)" };
  } finally {
    for (const b of browsers) await bounded(b.close());
  }
  saveResult("voice", figures);
  if (mode() !== "full") return;
  const command = `${PARTS === "all" ? "" : `VOICE_PARTS=${PARTS} `}npm run bench -- voice`;
  if (figures.mesh) writeBenchmark("Voice", "Audio per person, mesh", meshText(figures.mesh, command, loadBefore));
  if (figures.sfu && "rows" in figures.sfu) writeBenchmark("Voice", "Audio per person through Janus (SFU)", sfuText(figures.sfu, command, loadBefore));
}

/** The same circles through Debian's Janus on loopback, with our server told where it is. */
async function sfu(speakers: Browser, browsers: Browser[]): Promise<Part> {
  let janus: RunningJanus | null = null;
  let server: RunningServer | null = null;
  try {
    janus = await startJanus();
    Object.assign(process.env, { JANUS_URL: janus.url, JANUS_ADMIN_KEY: janus.adminKey });
    try {
      server = await startServer();
    } finally {
      delete process.env.JANUS_URL;
      delete process.env.JANUS_ADMIN_KEY;
    }
    const { token } = (await api(server, "/auth/signup", { email: "bench@example.org", password: "slow breath, long walk" })) as { token: string };
    return await circles(server, token, speakers, browsers, "sfu");
  } finally {
    server?.stop();
    janus?.stop();
  }
}

const table = (part: Part) =>
  [
    "| people | up (mean) | down (mean) | down (lowest–highest page) | load average (1 min) |",
    "|---|---|---|---|---|",
    ...part.rows.map((r) => `| ${r.n} | ${f(r.up)} | ${f(r.down)} | ${f(r.downMin)}–${f(r.downMax)} | ${r.load.toFixed(2)} |`),
    ...part.missing.map((m) => `| ${m.n} | — | — | did not fit: ${m.reason} | |`),
  ].join("\n");

const listenerText = (l: Listener | null, how: string) =>
  l
    ? `**One page receiving ${l.voices} voices** ${how} (its own Chromium, every process of it counted:
renderer, audio and network services; DOM view, HRTF panners, the loopback mix): **${f(l.cpuPercent)} % of
one core** over ${f(l.wall)} s, ${f(l.down)} kbit/s down (load average ${l.load.toFixed(2)} at the end). CPU
time, not wall time.`
    : `One page receiving ${LISTEN_TO} voices ${how}: not measured (the circle of ${LISTEN_TO} did not fit, see the table).`;

function meshText(part: Part, command: string, loadBefore: number): string {
  const p = part.piece;
  return `Command: \`${command}\` (${machine()}; Debian Chromium, ${MEASURE_S} s per figure; load average
${loadBefore.toFixed(2)} before the run, the pages' own load included in the column)

Every page's microphone "talks" (a tone 1.6 s on, 1 s off; Opus with DTX sends next to nothing in the
pauses), all pages in one Chromium, everyone speaking. Each figure is taken once every page plays
every other voice over connections that are up; the speakers listen in plain stereo (an app setting:
the wire carries the same), the listening page below in HRTF. Wire bytes of the voice connections (RTP + RTCP +
SRTP + STUN, from the transports' stats), per person, kbit/s:

${table(part)}

${
  p
    ? `The circle of ${SIZES[0]} in talking-piece mode: the holder sends ${f(p.holderUp)} kbit/s (to
${SIZES[0]! - 1} listeners) and receives ${f(p.holderDown)}; each listener receives ${f(p.listenerDown)} and sends ${f(p.listenerUp)}
(RTCP only: listeners are not linked to each other).`
    : ""
}

${listenerText(part.listener, "in the mesh")}`;
}

function sfuText(part: Part, command: string, loadBefore: number): string {
  return `Command: \`${command}\` (${machine()}; Debian Chromium, Debian Janus ${janusVersion()} on loopback,
${MEASURE_S} s per figure; load average ${loadBefore.toFixed(2)} before the run)

The same talking microphones in circles whose voices go through Janus' VideoRoom (\`JANUS_URL\`),
everyone speaking, all pages in one Chromium. Wire bytes of each page's two SFU connections
(publisher and subscriber: RTP + RTCP + SRTP + STUN), per person, kbit/s:

${table(part)}

Up stays at one stream whatever the circle's size; down grows by one stream per other speaker.

${listenerText(part.listener, "through the SFU")}`;
}

function janusVersion(): string {
  try {
    return /\(([\d.]+)\)/.exec(execFileSync("janus", ["--version"], { encoding: "utf8" }))?.[1] ?? "";
  } catch {
    return "";
  }
}
