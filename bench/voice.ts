// Voice in the circle, peer to peer (mesh) and through Janus (SFU): what each person sends and
// receives on the wire in circles of 4, 8 and 16, and what one real page spends receiving 8 voices,
// against `npm start` on loopback. Wire bytes are the transports' (RTP, RTCP, SRTP, STUN).
//
// The people who speak are WebRTC peers in this Node process (bench/bots/VoiceBot.ts): libwebrtc
// M106 through @roamhq/wrtc, running the client's own VoiceMesh / VoiceSfu (perfect negotiation,
// the SFU's publisher and subscriber, Opus with DTX asked for) and the same room messages as a page
// — so a circle of 16 fits a 2-core machine, where 8 Chromium pages did not (BENCHMARKS.md). Each
// one's microphone "talks": a tone 1.6 s on, 1 s off, 10 ms frames of PCM into an RTCAudioSource.
// How they differ from a browser: their audio bypasses the audio processing module (no echo
// cancellation, noise suppression or gain control — the pages' fake microphones, a Web Audio
// oscillator, bypassed it too), they play nothing (no Web Audio, no panners, no loopback mix, no
// output device pulling decoded audio), have no voice-activity detector (`speaking` follows the
// tone) and never render. The wire carries what a browser's would: libwebrtc's Opus at its default
// rate with DTX, in the same SDP. The one page whose CPU is measured is a real Chromium page.
//
//   npm run bench -- voice                      mesh, then Janus where it is installed
//   VOICE_PARTS=mesh npm run bench -- voice     only the mesh (the SFU's figures stay as they were)
//   VOICE_PARTS=sfu npm run bench -- voice      only Janus
//   VOICE_SIZES=4,8 npm run bench -- voice      other circle sizes (the listener's circle must be one of them)
import "../server/polyfills";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { Client, type Room } from "@colyseus/sdk";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOM_NAME } from "../core/protocol";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium";
import { janusInstalled, startJanus, type RunningJanus } from "../scripts/janus";
import { buildTestClient, startServer, type RunningServer } from "../scripts/serveApp";
import { installNodeWebRtc, TalkingMics } from "./bots/nodeWebRtc";
import { VoiceBot, type Wire } from "./bots/VoiceBot";
import { mode, saveResult, sized } from "./lib/results";
import { machine, writeBenchmark } from "./report";

/** Whole cycles of the talking microphone (2.6 s), so no figure catches more pauses than another. */
const MEASURE_S = sized({ full: 13, quick: 5.2, tiny: 2.6 });
/** After every link is up, before measuring: encoders and DTX settle. */
const SETTLE_S = sized({ full: 3, quick: 2, tiny: 0.5 });
const SIZES = process.env.VOICE_SIZES ? process.env.VOICE_SIZES.split(",").map(Number) : sized({ full: [4, 8, 16], quick: [4, 8], tiny: [3] });
/** The circle a page joins to listen (its size = the voices it receives). */
const LISTEN_TO = sized({ full: 8, quick: 8, tiny: 3 });
/** How long a circle may take to link everyone before it counts as not fitting this machine, ms. */
const LINK_WAIT_MS = sized({ full: 45_000, quick: 30_000, tiny: 20_000 });
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
 * pages get the default route's address alone, and this namespace has none (only loopback). So the
 * listening page is granted the fake device first, as in tests/e2e/voice.test.ts (on a real network
 * it has a default route). It never opens its microphone, and it listens in HRTF (the default).
 */
const GRANT = `(() => {
    navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => s.getTracks().forEach((t) => t.stop()));
  })();`;

/** Wire bytes of a page's voice connections, mesh or SFU (not its own loopback pair): as VoiceBot.wire. */
function pageWire(page: Page): Promise<Wire> {
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
  lead.onMessage("*", () => {});
  for (let i = 0; i < 100 && !lead.state?.session; i++) await new Promise((r) => setTimeout(r, 50));
  lead.send("openCircle");
  lead.send("setAdmission", { on: false });
  for (let i = 0; i < 100 && lead.state.session.admission !== false; i++) await new Promise((r) => setTimeout(r, 50));
  return { code, lead };
}

/** A page that enters the circle as a person would (agreement, name) and listens, microphone off. */
async function seatListener(browser: Browser, server: RunningServer, code: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 480, height: 640 } });
  await context.addInitScript(GRANT);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.baseURL}/room/${code}`, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "I agree, continue" }).click();
  await page.getByLabel("A name for this circle").fill("Listener");
  await page.getByRole("button", { name: "Enter the circle" }).click();
  await page.getByRole("button", { name: "Microphone off" }).waitFor();
  return page;
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
/** At most `s` seconds of `work` (a page or a room that no longer answers does not hold the run). */
const bounded = (work: Promise<unknown>, s = 10) => Promise.race([work.catch(() => {}), sleep(s)]);
const kbit = (bytes: number, s: number) => (bytes * 8) / 1000 / s;
const load1 = () => Number(loadavg()[0]!.toFixed(2));
type WireOf = () => Promise<Wire>;

/** Until everyone receives `voices` voices over connections that are up (or throws after LINK_WAIT_MS). */
async function linkedUp(people: WireOf[], voices: (i: number) => number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const wires = await Promise.all(people.map((wire) => wire()));
    // The facilitator here is an SDK client without voice: a mesh link to it never comes up.
    if (wires.every((w, i) => w.voices >= voices(i) && w.pcs > 0 && w.connected >= Math.min(w.pcs, voices(i)))) return (performance.now() - t0) / 1000;
    if (performance.now() - t0 > LINK_WAIT_MS) {
      const short = wires.map((w, i) => `${w.voices}/${voices(i)} voices, ${w.connected}/${w.pcs} up`).join("; ");
      throw new Error(`not everyone linked within ${LINK_WAIT_MS / 1000} s: ${short}`);
    }
    await sleep(0.5);
  }
}

/** CPU seconds this process (the people in Node and the harness, every thread) has used so far. */
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

interface PerPerson {
  up: number;
  down: number;
}

/** Per person, kbit/s up and down over MEASURE_S; and the Node people's CPU meanwhile, % of one core. */
async function measure(people: WireOf[]): Promise<{ per: PerPerson[]; botsCpu: number }> {
  await sleep(SETTLE_S);
  const before = await Promise.all(people.map((wire) => wire()));
  const cpu0 = ownCpuSeconds();
  const t0 = performance.now();
  await sleep(MEASURE_S);
  const cpu1 = ownCpuSeconds();
  const after = await Promise.all(people.map((wire) => wire()));
  const s = (performance.now() - t0) / 1000;
  return {
    per: people.map((_, i) => ({ up: kbit(after[i]!.sent - before[i]!.sent, s), down: kbit(after[i]!.received - before[i]!.received, s) })),
    botsCpu: ((cpu1 - cpu0) / s) * 100,
  };
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
  /** the Node people's CPU over the same window, % of one core */
  botsCpu: number;
}

/** One page, in its own Chromium (so its whole process tree is its cost), receiving the circle's voices. */
async function listenerCost(server: RunningServer, code: string, speakers: number): Promise<Listener> {
  const known = allPids();
  const own = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const root = newestChromium(known);
    if (root < 0) throw new Error("could not find the listener's Chromium process");
    const page = await seatListener(own, server, code);
    const wire = () => pageWire(page);
    // Everyone now links to the listener too (the speakers' own figures are taken before this).
    await linkedUp([wire], () => speakers);
    await sleep(SETTLE_S);
    const before = await wire();
    const cpu0 = treeCpuSeconds(root);
    const bots0 = ownCpuSeconds();
    const t0 = performance.now();
    await sleep(MEASURE_S);
    const cpu1 = treeCpuSeconds(root);
    const bots1 = ownCpuSeconds();
    const wall = (performance.now() - t0) / 1000;
    const after = await wire();
    return {
      cpuPercent: ((cpu1 - cpu0) / wall) * 100,
      down: kbit(after.received - before.received, wall),
      voices: after.voices,
      wall,
      load: load1(),
      botsCpu: ((bots1 - bots0) / wall) * 100,
    };
  } finally {
    await bounded(own.close());
  }
}

interface Row {
  n: number;
  up: number;
  down: number;
  downMin: number;
  downMax: number;
  /** seconds until everyone received every other voice over connections that were up */
  linkS: number;
  load: number;
  /** the Node people's CPU while measured, % of one core (all of them together) */
  botsCpu: number;
}
interface Part {
  rows: Row[];
  /** sizes that did not fit this machine, and what stopped them */
  missing: { n: number; reason: string }[];
  listener: Listener | null;
  piece?: { holderUp: number; holderDown: number; listenerUp: number; listenerDown: number };
}

/** Circles of each size, everyone speaking; the listener in the circle of LISTEN_TO; the talking piece in the smallest (mesh). */
async function circles(server: RunningServer, token: string, label: string): Promise<Part> {
  const part: Part = { rows: [], missing: [], listener: null };
  for (const n of SIZES) {
    const c = await openCircle(server, token, n + 3);
    const mics = new TalkingMics();
    const bots: VoiceBot[] = [];
    try {
      // One after another, as people arrive (and as the pages were seated).
      for (let i = 0; i < n; i++) bots.push(await VoiceBot.join(server.baseURL, c.code, `Speaker ${i + 1}`, mics, 300 + 60 * i));
      const people = bots.map((bot) => () => bot.wire());
      const linkS = await linkedUp(
        bots.map((bot) => () => Promise.resolve(bot.links())),
        () => n - 1,
      );
      const { per, botsCpu } = await measure(people);
      const row: Row = {
        n,
        up: per.reduce((s, p) => s + p.up, 0) / n,
        down: per.reduce((s, p) => s + p.down, 0) / n,
        downMin: Math.min(...per.map((p) => p.down)),
        downMax: Math.max(...per.map((p) => p.down)),
        linkS,
        load: load1(),
        botsCpu,
      };
      part.rows.push(row);
      console.log(label, row);
      if (label === "mesh" && n === SIZES[0]) {
        // The same circle in talking-piece mode: one speaker, the rest listening.
        c.lead.send("setPieceMode", { on: true });
        c.lead.send("givePiece", { to: bots[0]!.room.sessionId });
        await sleep(sized({ full: 2, quick: 2, tiny: 1 }));
        const { per: piece } = await measure(people);
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
        part.listener = await listenerCost(server, c.code, n);
        console.log(label, { listener: part.listener });
      }
    } catch (e) {
      const errors = new Map<string, number>();
      for (const bot of bots) for (const [key, count] of bot.errors) errors.set(key, (errors.get(key) ?? 0) + count);
      const answered = [...errors].map(([key, count]) => `${key} ×${count}`).join(", ");
      const reason = `${(e as Error).message.split("\n")[0]!}${answered ? ` (the room answered: ${answered})` : ""}`;
      part.missing.push({ n, reason: `${bots.length} of ${n} people seated; ${reason}` });
      console.warn(label, n, "did not fit:", reason);
    } finally {
      await Promise.all(bots.map((bot) => bounded(bot.leave())));
      mics.close();
      await bounded(c.lead.leave());
    }
  }
  return part;
}

const f = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);

export async function run(): Promise<void> {
  if (!SIZES.includes(LISTEN_TO)) throw new Error(`VOICE_SIZES must include ${LISTEN_TO} (the listener's circle)`);
  // The harness pins itself to the bots' core; the people here and the listening page are the
  // system under test, so this process (its WebRTC threads) and Chromium get every core.
  execFileSync("taskset", ["-a", "-pc", `0-${cpus().length - 1}`, String(process.pid)], { stdio: "ignore" });
  installNodeWebRtc();
  const loadBefore = load1();
  // The listening page runs a test build of this same tree (the voice e2e builds it first).
  if (process.env.E2E_CLIENT_BUILT !== "1") await buildTestClient();
  const figures: { loadBefore: number; mesh?: Part; sfu?: Part | { missing: string } } = { loadBefore };
  if (PARTS !== "sfu") {
    const server = await startServer();
    try {
      const { token } = (await api(server, "/auth/signup", { email: "bench@example.org", password: "slow breath, long walk" })) as { token: string };
      figures.mesh = await circles(server, token, "mesh");
    } finally {
      server.stop();
    }
  }
  if (PARTS !== "mesh") figures.sfu = janusInstalled() ? await sfu() : { missing: "Janus is not installed (apt-get install janus)" };
  saveResult("voice", figures);
  if (mode() !== "full") return;
  const command = `${PARTS === "all" ? "" : `VOICE_PARTS=${PARTS} `}npm run bench -- voice`;
  if (figures.mesh) writeBenchmark("Voice", "Audio per person, mesh", meshText(figures.mesh, command, loadBefore));
  if (figures.sfu && "rows" in figures.sfu) writeBenchmark("Voice", "Audio per person through Janus (SFU)", sfuText(figures.sfu, command, loadBefore));
}

/** The same circles through Debian's Janus on loopback, with our server told where it is. */
async function sfu(): Promise<Part> {
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
    return await circles(server, token, "sfu");
  } finally {
    server?.stop();
    janus?.stop();
  }
}

const table = (part: Part) =>
  [
    "| people | up (mean) | down (mean) | down (lowest–highest person) | all linked after | people in Node: CPU, % of one core | load average (1 min) |",
    "|---|---|---|---|---|---|---|",
    ...part.rows.map((r) => `| ${r.n} | ${f(r.up)} | ${f(r.down)} | ${f(r.downMin)}–${f(r.downMax)} | ${f(r.linkS)} s | ${f0(r.botsCpu)} | ${r.load.toFixed(2)} |`),
    ...part.missing.map((m) => `| ${m.n} | — | — | did not fit: ${m.reason} | | | |`),
  ].join("\n");

const listenerText = (l: Listener | null, how: string) =>
  l
    ? `**One page receiving ${l.voices} voices** ${how} (its own Chromium, every process of it counted:
renderer, audio and network services; DOM view, HRTF panners, the loopback mix): **${f(l.cpuPercent)} % of
one core** over ${f(l.wall)} s, ${f(l.down)} kbit/s down; meanwhile the ${l.voices} people in Node used
${f0(l.botsCpu)} % of one core, and the load average was ${l.load.toFixed(2)} at the end. CPU time, not wall time.`
    : `One page receiving ${LISTEN_TO} voices ${how}: not measured (the circle of ${LISTEN_TO} did not fit, see the table).`;

const HOW = `The people who speak are WebRTC peers in the bench's Node process (libwebrtc M106 through
@roamhq/wrtc) running the client's own VoiceMesh / VoiceSfu and the same room messages as a page; each
microphone "talks" (a tone 1.6 s on, 1 s off; Opus with DTX sends next to nothing in the pauses).
Unlike a browser they play nothing and their audio skips echo cancellation, noise suppression and gain
control (bench/voice.ts says more); the wire carries what a page's would.
`;

function meshText(part: Part, command: string, loadBefore: number): string {
  const p = part.piece;
  return `Command: \`${command}\` (${machine()}; ${MEASURE_S} s per figure; load average
${loadBefore.toFixed(2)} before the run)

${HOW}Everyone speaks; each figure is taken once everyone receives every other voice over
connections that are up. Wire bytes of the voice connections (RTP + RTCP + SRTP + STUN, from the
transports' stats), per person, kbit/s:

${table(part)}

${
  p
    ? `The circle of ${SIZES[0]} in talking-piece mode: the holder sends ${f(p.holderUp)} kbit/s (to
${SIZES[0]! - 1} listeners) and receives ${f(p.holderDown)}; each listener receives ${f(p.listenerDown)} and sends ${f(p.listenerUp)}
(their tracks are disabled: reports and silence only; listeners are not linked to each other).`
    : ""
}

${listenerText(part.listener, "in the mesh")}`;
}

function sfuText(part: Part, command: string, loadBefore: number): string {
  return `Command: \`${command}\` (${machine()}; Debian Janus ${janusVersion()} on loopback,
${MEASURE_S} s per figure; load average ${loadBefore.toFixed(2)} before the run)

${HOW}Here the circle's voices go through Janus' VideoRoom (\`JANUS_URL\`), everyone speaking.
Wire bytes of each person's two SFU connections (publisher and subscriber: RTP + RTCP + SRTP +
STUN), per person, kbit/s:

${table(part)}

Up stays at one stream whatever the circle's size; down grows by one stream per other speaker.

${listenerText(part.listener, "through the SFU")}`;
}

function janusVersion(): string {
  try {
    // Janus prints its version and then exits 1 ("Unknown option --version"): read what it printed either way.
    const r = spawnSync("janus", ["--version"], { encoding: "utf8", timeout: 10_000 });
    return /\(([\d.]+)\)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? "";
  } catch {
    return "";
  }
}
