// Voice in the circle, peer to peer (mesh) and through Janus (SFU): what each person sends and
// receives on the wire in circles of 4, 8 and 16, and what one real page spends receiving 8 voices,
// against `npm start` on loopback. Wire bytes are the transports' (RTP, RTCP, SRTP, STUN).
//
// The people who speak are WebRTC peers in Node (bench/bots/VoiceBot.ts): libwebrtc M106 through
// @roamhq/wrtc, running the client's own VoiceMesh / VoiceSfu (perfect negotiation, the SFU's
// publisher and subscriber, Opus with DTX asked for) and the same room messages as a page — so a
// circle of 16 fits a 2-core machine, where 8 Chromium pages did not (BENCHMARKS.md). They are
// spread over child processes of the bench, PER_PROCESS people in each (bench/bots/voiceHost.ts), at
// every size: a mesh of 16 is 240 connections, and in one process its event loop starved and its
// room connections dropped while people were still arriving. Each one's microphone "talks": a tone
// 1.6 s on, 1 s off, 10 ms frames of PCM into an RTCAudioSource (one timer per process).
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
//   VOICE_SIZES=4,16 npm run bench -- voice     other circle sizes, a check: BENCHMARKS.md is left alone
//   VOICE_PER_PROCESS=2 npm run bench -- voice  people per Node process (4 unless told)
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
import { join } from "node:path";
import type { HostStats, JoinRequest, LoopDelay } from "./bots/voiceHost";
import type { Wire } from "./bots/VoiceBot";
import { startWorker, type Worker } from "./lib/processes";
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
const LINK_WAIT_MS = sized({ full: 90_000, quick: 30_000, tiny: 20_000 });
const PARTS = process.env.VOICE_PARTS ?? "all";
/** People per Node process: few enough that one event loop keeps up with their links. */
const PER_PROCESS = Math.max(1, Number(process.env.VOICE_PER_PROCESS ?? 4));

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

/** Until everyone receives `voices` voices over connections that are up, or LINK_WAIT_MS has passed. */
async function linking(sample: () => Promise<Wire[]>, voices: (i: number) => number): Promise<{ s: number; linked: boolean; wires: Wire[] }> {
  const t0 = performance.now();
  for (;;) {
    const wires = await sample();
    const s = (performance.now() - t0) / 1000;
    // The facilitator here is an SDK client without voice: a mesh link to it never comes up.
    if (wires.every((w, i) => w.voices >= voices(i) && w.pcs > 0 && w.connected >= Math.min(w.pcs, voices(i)))) return { s, linked: true, wires };
    if (s * 1000 > LINK_WAIT_MS) return { s, linked: false, wires };
    await sleep(0.5);
  }
}

/** As `linking`, and throws when not everyone linked in time. */
async function linkedUp(sample: () => Promise<Wire[]>, voices: (i: number) => number): Promise<number> {
  const { s, linked, wires } = await linking(sample, voices);
  if (linked) return s;
  const short = wires.map((w, i) => `${w.voices}/${voices(i)} voices, ${w.connected}/${w.pcs} up`).join("; ");
  throw new Error(`not everyone linked within ${LINK_WAIT_MS / 1000} s: ${short}`);
}

/** UDP datagrams the kernel dropped so far because a receiving socket's buffer was full (this namespace's). */
function udpDropped(): number {
  const lines = readFileSync("/proc/net/snmp", "utf8").split("\n").filter((l) => l.startsWith("Udp:"));
  const [names, values] = lines.map((l) => l.trim().split(/\s+/));
  const at = names?.indexOf("RcvbufErrors") ?? -1;
  return at > 0 ? Number(values?.[at] ?? 0) : 0;
}

const HOST = join(import.meta.dirname, "bots", "voiceHost.ts");
/** Every core: the people are the system under test, not the bench's harness. */
const ALL_CORES = `0-${cpus().length - 1}`;

/**
 * A circle's speakers, spread over ⌈n / PER_PROCESS⌉ Node processes: person i lives in process
 * i mod k. Answers are put back in the people's order. Every process is ended by its pid in `stop`.
 */
class People {
  readonly ids: string[] = [];

  private constructor(private readonly hosts: Worker[]) {}

  static async start(n: number): Promise<People> {
    const count = Math.max(1, Math.ceil(n / PER_PROCESS));
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => startWorker({ script: HOST, core: ALL_CORES, readyTimeoutMs: 60_000 })),
    );
    const hosts = started.flatMap((r) => (r.status === "fulfilled" ? [r.value.worker] : []));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) {
      await Promise.all(hosts.map((h) => h.stop()));
      throw failed.reason as Error;
    }
    return new People(hosts);
  }

  get processes(): number {
    return this.hosts.length;
  }

  /** The next person arrives (in process `ids.length` mod k) and speaks with a tone of `hz`. */
  async join(baseURL: string, code: string, name: string, hz: number): Promise<void> {
    const request: JoinRequest = { baseURL, code, name, hz };
    const { sessionId } = await this.hosts[this.ids.length % this.hosts.length]!.request<{ sessionId: string }>("join", request, 30_000);
    this.ids.push(sessionId);
  }

  /** Each process's answer to `type` (a list, its people in joining order), in the people's order. */
  private async each<T>(type: string): Promise<T[][]> {
    return Promise.all(this.hosts.map((h) => h.request<T[]>(type, undefined, 30_000)));
  }

  private inOrder<T>(perHost: T[][]): T[] {
    const k = this.hosts.length;
    return this.ids.map((_, i) => perHost[i % k]![Math.floor(i / k)]!);
  }

  links = async (): Promise<Wire[]> => this.inOrder(await this.each<Wire>("links"));

  /** Each process's answer: its people's wires, its CPU so far, and when. */
  stats = (): Promise<HostStats[]> => Promise.all(this.hosts.map((h) => h.request<HostStats>("stats", undefined, 90_000)));

  /** Person i's wire from the processes' answers. */
  wiresOf = (answers: HostStats[]): Wire[] => this.inOrder(answers.map((a) => a.wires));

  /** The process person i lives in. */
  hostOf = (i: number): number => i % this.hosts.length;

  /** The worst event-loop delay of any of the processes since the last ask, ms. */
  lag = async (): Promise<LoopDelay> => {
    const all = await Promise.all(this.hosts.map((h) => h.request<LoopDelay>("lag", undefined, 10_000)));
    return { p99: Math.max(...all.map((d) => d.p99)), max: Math.max(...all.map((d) => d.max)) };
  };

  cpu = async (): Promise<number> => (await Promise.all(this.hosts.map((h) => h.request<number>("cpu", undefined, 10_000)))).reduce((a, b) => a + b, 0);

  /** Errors the room answered, over everyone ("action code ×count"), as far as the processes still answer. */
  async errors(): Promise<string> {
    const all = new Map<string, number>();
    const answers = await Promise.all(this.hosts.map((h) => h.request<[string, number][]>("errors", undefined, 5_000).catch(() => [])));
    for (const [key, count] of answers.flat()) all.set(key, (all.get(key) ?? 0) + count);
    return [...all].map(([key, count]) => `${key} ×${count}`).join(", ");
  }

  /** Everyone leaves (at most 10 s), then every process is ended by its pid. */
  async stop(): Promise<void> {
    await Promise.all(this.hosts.map((h) => bounded(h.request("leave", undefined, 10_000))));
    await Promise.all(this.hosts.map((h) => h.stop()));
  }
}

interface PerPerson {
  up: number;
  down: number;
}

/** Audio packets a second from each voice at each person who receives it: mean and lowest pair. */
interface Packets {
  mean: number;
  min: number;
  /** receiver–voice pairs counted */
  pairs: number;
  /**
   * packets a second found missing (RTP sequence gaps), mean over the same pairs: lost on the way, not
   * left unsent (JSON only: a connection made again meanwhile restarts its count, so this can go below 0)
   */
  lostMean: number;
  /** audio packets a second each connection sent, mean over the senders' connections */
  sentMean: number;
}

/** How much a counter grew between two samples; one that went down belongs to a connection made again meanwhile. */
const grew = (before: number | undefined, after: number) => (before !== undefined && after >= before ? after - before : after);

/** Bytes sent and received over the window, connection by connection (one made meanwhile counts from 0; one gone by the end, not at all). */
function wireDelta(before: Wire, after: Wire): { sent: number; received: number } {
  let sent = 0;
  let received = 0;
  for (const [id, [s, r]] of Object.entries(after.byConnection ?? {})) {
    const [s0, r0] = before.byConnection?.[id] ?? [0, 0];
    sent += s - s0;
    received += r - r0;
  }
  return { sent, received };
}

/** `s[i]`: the window over which person i's statistics were taken, s. */
function packetRates(before: Wire[], after: Wire[], s: number[], count: (receiver: number, voice: string) => boolean): Packets {
  const rates: number[] = [];
  let lost = 0;
  after.forEach((w, i) => {
    const byVoice = new Map<string, number>();
    for (const [key, n] of Object.entries(w.packets ?? {})) {
      const voice = key.slice(0, key.lastIndexOf("#"));
      if (!count(i, voice)) continue;
      byVoice.set(voice, (byVoice.get(voice) ?? 0) + grew(before[i]?.packets?.[key], n));
      lost += grew(before[i]?.lost?.[key], w.lost?.[key] ?? 0) / s[i]!;
    }
    for (const n of byVoice.values()) rates.push(n / s[i]!);
  });
  const sent: number[] = [];
  after.forEach((w, i) => {
    for (const [id, n] of Object.entries(w.packetsSent ?? {})) if (n > 0) sent.push(grew(before[i]?.packetsSent?.[id], n) / s[i]!);
  });
  const pairs = Math.max(1, rates.length);
  return { mean: rates.reduce((a, b) => a + b, 0) / pairs, min: rates.length ? Math.min(...rates) : 0, pairs: rates.length, lostMean: lost / pairs, sentMean: sent.reduce((a, b) => a + b, 0) / Math.max(1, sent.length) };
}

/** Per person, kbit/s up and down over MEASURE_S; packets per voice; and the people's CPU meanwhile, % of one core. */
async function measure(
  people: People,
  count: (receiver: number, voice: string) => boolean = () => true,
): Promise<{ per: PerPerson[]; packets: Packets; botsCpu: number; udpDropsPerS: number; loopDelay: LoopDelay; gatherS: number }> {
  await sleep(SETTLE_S);
  const before = await people.stats();
  const dropped0 = udpDropped();
  await people.lag();
  const t0 = performance.now();
  await sleep(MEASURE_S);
  const after = await people.stats();
  const dropS = (performance.now() - t0) / 1000;
  // Each process's own window (when it gathered its people's statistics), s.
  const window = after.map((a, h) => (a.at - before[h]!.at) / 1000);
  const [w0, w1] = [people.wiresOf(before), people.wiresOf(after)];
  const per = w1.map((w, i) => {
    const s = window[people.hostOf(i)]!;
    const { sent, received } = wireDelta(w0[i]!, w);
    return { up: kbit(sent, s), down: kbit(received, s) };
  });
  const rates = people.ids.map((_, i) => window[people.hostOf(i)]!);
  const gathering = Math.max(...before.map((b) => b.took), ...after.map((a) => a.took));
  if (gathering > 1000) console.warn(`the people's statistics took up to ${f(gathering / 1000)} s to gather`);
  return {
    per,
    packets: packetRates(w0, w1, rates, count),
    botsCpu: after.reduce((sum, a, h) => sum + (a.cpu - before[h]!.cpu) / window[h]!, 0) * 100,
    udpDropsPerS: (udpDropped() - dropped0) / dropS,
    loopDelay: await people.lag(),
    gatherS: gathering / 1000,
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
async function listenerCost(server: RunningServer, code: string, speakers: number, peopleCpu: () => Promise<number>): Promise<Listener> {
  const known = allPids();
  const own = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const root = newestChromium(known);
    if (root < 0) throw new Error("could not find the listener's Chromium process");
    const page = await seatListener(own, server, code);
    const wire = () => pageWire(page);
    // Everyone now links to the listener too (the speakers' own figures are taken before this).
    await linkedUp(async () => [await wire()], () => speakers);
    await sleep(SETTLE_S);
    const before = await wire();
    const cpu0 = treeCpuSeconds(root);
    const bots0 = await peopleCpu();
    const t0 = performance.now();
    await sleep(MEASURE_S);
    const cpu1 = treeCpuSeconds(root);
    const bots1 = await peopleCpu();
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
  /** audio packets a second from each voice at each person who receives it */
  packets: Packets;
  /** seconds until everyone received every other voice over connections that were up (or LINK_WAIT_MS, not linked) */
  linkS: number;
  /** whether everyone was linked to everyone: when not, the figures are what flowed over the links that were up */
  linked: boolean;
  /** connection ends up (each link counted at both ends, links to the voiceless facilitator left out) of n × (n − 1) */
  endsUp: number;
  load: number;
  /** the Node people's CPU while measured, % of one core (all of them together) */
  botsCpu: number;
  /** Node processes the people were spread over */
  processes: number;
  /** UDP datagrams a second the kernel dropped for full receive buffers while measured (all of the bench's sockets) */
  udpDropsPerS: number;
  /** the people's event loops: worst delay of any process while measured, ms */
  loopDelay: LoopDelay;
  /** the longest any process took to gather its people's statistics, s */
  gatherS: number;
}
/** A circle in talking-piece mode from its start: person 1 holds the piece, the rest listen. */
interface Piece {
  n: number;
  holderUp: number;
  holderDown: number;
  listenerUp: number;
  listenerDown: number;
  /** the holder's voice at each listener */
  packets: Packets;
  linkS: number;
  load: number;
  botsCpu: number;
  udpDropsPerS: number;
}
interface Part {
  rows: Row[];
  /** sizes that did not fit this machine, and what stopped them */
  missing: { n: number; reason: string }[];
  listener: Listener | null;
  /** the mesh's sizes again, in talking-piece mode */
  pieces?: Piece[];
  piecesMissing?: { n: number; reason: string }[];
}

const ends = (wires: Wire[]) => wires.reduce((sum, w) => sum + w.connected, 0);

/** Seat n people one after another, as people arrive (and as the pages were seated); `first` runs after person 1. */
async function seat(people: People, server: RunningServer, code: string, n: number, first: () => Promise<void> = async () => {}): Promise<void> {
  for (let i = 0; i < n; i++) {
    await people.join(server.baseURL, code, `Speaker ${i + 1}`, 300 + 60 * i);
    if (i === 0) await first();
  }
}

/**
 * A circle of n in talking-piece mode from before anyone arrives, as a facilitator would run a big
 * circle: person 1 gets the piece on arriving, the others come in listening. Listeners keep one link
 * (to the holder) and none between themselves; the holder keeps one to each listener.
 */
async function piece(server: RunningServer, token: string, n: number): Promise<Piece> {
  const c = await openCircle(server, token, n + 3);
  let people: People | null = null;
  try {
    c.lead.send("setPieceMode", { on: true });
    people = await People.start(n);
    const all = people;
    await seat(all, server, c.code, n, async () => void c.lead.send("givePiece", { to: all.ids[0]! }));
    const holder = all.ids[0]!;
    const t0 = performance.now();
    for (;;) {
      const links = await all.links();
      const [h, ...rest] = links;
      if (h!.connected >= n - 1 && rest.every((w) => w.pcs === 1 && w.connected === 1 && w.voices >= 1)) break;
      if (performance.now() - t0 > LINK_WAIT_MS) {
        throw new Error(`not everyone linked within ${LINK_WAIT_MS / 1000} s: ${links.map((w) => `${w.voices} voices, ${w.connected}/${w.pcs} up`).join("; ")}`);
      }
      await sleep(0.5);
    }
    const linkS = (performance.now() - t0) / 1000;
    const { per, packets, botsCpu, udpDropsPerS } = await measure(all, (i, voice) => i > 0 && voice === holder);
    const rest = per.slice(1);
    return {
      n,
      holderUp: per[0]!.up,
      holderDown: per[0]!.down,
      listenerUp: rest.reduce((sum, p) => sum + p.up, 0) / rest.length,
      listenerDown: rest.reduce((sum, p) => sum + p.down, 0) / rest.length,
      packets,
      linkS,
      load: load1(),
      botsCpu,
      udpDropsPerS,
    };
  } catch (e) {
    const answered = people ? await people.errors() : "";
    throw new Error(`${people?.ids.length ?? 0} of ${n} people seated; ${(e as Error).message.split("\n")[0]!}${answered ? ` (the room answered: ${answered})` : ""}`, { cause: e });
  } finally {
    await people?.stop();
    await bounded(c.lead.leave());
  }
}

/**
 * Circles of each size, everyone speaking; the listener in the circle of LISTEN_TO; then, in the
 * mesh, each size again in talking-piece mode. A circle that does not link everyone within
 * LINK_WAIT_MS is still measured, over the links that are up, and its row says so.
 */
async function circles(server: RunningServer, token: string, label: string): Promise<Part> {
  const part: Part = { rows: [], missing: [], listener: null };
  for (const n of SIZES) {
    const c = await openCircle(server, token, n + 3);
    let people: People | null = null;
    try {
      people = await People.start(n);
      await seat(people, server, c.code, n);
      const linked = await linking(people.links, () => n - 1);
      if (!linked.linked) console.warn(label, n, `not everyone linked within ${LINK_WAIT_MS / 1000} s:`, await people.errors(), linked.wires.map((w) => `${w.voices} voices, ${w.connected}/${w.pcs} up`).join("; "));
      const { per, ...measured } = await measure(people);
      const row: Row = {
        n,
        up: per.reduce((sum, p) => sum + p.up, 0) / n,
        down: per.reduce((sum, p) => sum + p.down, 0) / n,
        downMin: Math.min(...per.map((p) => p.down)),
        downMax: Math.max(...per.map((p) => p.down)),
        linkS: linked.s,
        linked: linked.linked,
        endsUp: ends(await people.links()),
        load: load1(),
        processes: people.processes,
        ...measured,
      };
      part.rows.push(row);
      console.log(label, row);
      // At tiny size (npm test) the listener is measured once, in the mesh: the same code as through Janus.
      if (n === LISTEN_TO && linked.linked && !(label === "sfu" && mode() === "tiny")) {
        part.listener = await listenerCost(server, c.code, n, people.cpu);
        console.log(label, { listener: part.listener });
      }
    } catch (e) {
      const answered = people ? await people.errors() : "";
      const reason = `${(e as Error).message.split("\n")[0]!}${answered ? ` (the room answered: ${answered})` : ""}`;
      part.missing.push({ n, reason: `${people?.ids.length ?? 0} of ${n} people seated; ${reason}` });
      console.warn(label, n, "did not fit:", reason);
    } finally {
      await people?.stop();
      await bounded(c.lead.leave());
    }
  }
  if (label !== "mesh") return part;
  part.pieces = [];
  part.piecesMissing = [];
  for (const n of SIZES) {
    try {
      part.pieces.push(await piece(server, token, n));
      console.log(label, { piece: part.pieces.at(-1) });
    } catch (e) {
      part.piecesMissing.push({ n, reason: (e as Error).message });
      console.warn(label, n, "talking piece:", (e as Error).message);
    }
  }
  return part;
}

const f = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);

export async function run(): Promise<void> {
  if (!SIZES.includes(LISTEN_TO)) console.warn(`no circle of ${LISTEN_TO}: the listening page is not measured`);
  // The harness pins itself to the bots' core; the people (in processes of their own, on every
  // core) and the listening page are the system under test, so Chromium gets every core too.
  execFileSync("taskset", ["-a", "-pc", ALL_CORES, String(process.pid)], { stdio: "ignore" });
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
  // Other sizes are checks: BENCHMARKS.md keeps the figures of the documented ones.
  if (mode() !== "full" || process.env.VOICE_SIZES) return;
  const env = [PARTS === "all" ? "" : `VOICE_PARTS=${PARTS} `, process.env.VOICE_PER_PROCESS ? `VOICE_PER_PROCESS=${PER_PROCESS} ` : ""].join("");
  const command = `${env}npm run bench -- voice`;
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

/** When everyone was linked, and how many connection ends were still up after the figure when not all. */
function linkedText(r: Row): string {
  const ends = `${r.endsUp} of ${r.n * (r.n - 1)} connection ends up after the figure`;
  if (!r.linked) return `not within ${f0(r.linkS)} s: ${ends}`;
  return r.endsUp < r.n * (r.n - 1) ? `${f(r.linkS)} s; ${ends}` : `${f(r.linkS)} s`;
}

const table = (part: Part) =>
  [
    "| people | up (mean) | down (mean) | down (lowest–highest person) | packets a second per voice: sent / received (mean, lowest) | all linked after | people in Node: CPU, % of one core (processes) | UDP datagrams dropped a second (full receive buffers) | load average (1 min) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...part.rows.map(
      (r) =>
        `| ${r.n} | ${f(r.up)} | ${f(r.down)} | ${f(r.downMin)}–${f(r.downMax)} | ${f(r.packets.sentMean)} / ${f(r.packets.mean)}, ${f(r.packets.min)} | ${linkedText(r)} | ${f0(r.botsCpu)} (${r.processes}) | ${f0(r.udpDropsPerS)} | ${r.load.toFixed(2)} |`,
    ),
    ...part.missing.map((m) => `| ${m.n} | — | — | did not fit: ${m.reason} | | | | | |`),
  ].join("\n");

const pieceTable = (part: Part) =>
  [
    "| people | holder up | holder down | listener up (mean) | listener down (mean) | holder's packets a second at each listener (mean, lowest) | all linked after | people in Node: CPU, % of one core | UDP datagrams dropped a second | load average (1 min) |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...(part.pieces ?? []).map(
      (p) =>
        `| ${p.n} | ${f(p.holderUp)} | ${f(p.holderDown)} | ${f(p.listenerUp)} | ${f(p.listenerDown)} | ${f(p.packets.mean)}, ${f(p.packets.min)} | ${f(p.linkS)} s | ${f0(p.botsCpu)} | ${f0(p.udpDropsPerS)} | ${p.load.toFixed(2)} |`,
    ),
    ...(part.piecesMissing ?? []).map((m) => `| ${m.n} | — | — | — | — | no figure: ${m.reason} | | | | |`),
  ].join("\n");

const listenerText = (l: Listener | null, how: string) =>
  l
    ? `**One page receiving ${l.voices} voices** ${how} (its own Chromium, every process of it counted:
renderer, audio and network services; DOM view, HRTF panners, the loopback mix): **${f(l.cpuPercent)} % of
one core** over ${f(l.wall)} s, ${f(l.down)} kbit/s down; meanwhile the ${l.voices} people in Node used
${f0(l.botsCpu)} % of one core, and the load average was ${l.load.toFixed(2)} at the end. CPU time, not wall time.`
    : `One page receiving ${LISTEN_TO} voices ${how}: not measured (the circle of ${LISTEN_TO} did not fit, see the table).`;

const HOW = `The people who speak are WebRTC peers in Node (libwebrtc M106 through @roamhq/wrtc)
running the client's own VoiceMesh / VoiceSfu and the same room messages as a page, spread over child
processes of the bench, ${PER_PROCESS} people in each (bench/bots/voiceHost.ts; their CPU is summed over those
processes, every thread); each microphone "talks" (a tone 1.6 s on, 1 s off; Opus with DTX sends next
to nothing in the pauses; 50 packets a second while the tone is on). Unlike a browser they play nothing and their audio skips echo
cancellation, noise suppression and gain control (bench/voice.ts says more); the wire carries what a
page's would.
`;

function meshText(part: Part, command: string, loadBefore: number): string {
  return `Command: \`${command}\` (${machine()}; ${MEASURE_S} s per figure; load average
${loadBefore.toFixed(2)} before the run)

${HOW}Everyone speaks; each figure is taken once everyone receives every other voice over
connections that are up (a circle that has not linked within ${LINK_WAIT_MS / 1000} s is measured all the same, over
the links that are up, and says so). Wire bytes of the voice connections (RTP + RTCP + SRTP + STUN,
from the transports' stats), per person, kbit/s; packets from the links' outbound and inbound RTP;
connection ends up counted again after the figure; dropped datagrams from the kernel's UDP counters of
the bench's own network namespace:

${table(part)}

The same sizes in talking-piece mode from the start, as a facilitator would run a big circle (person 1
gets the piece on arriving, the others come in listening: their tracks are disabled, reports and
silence only, and listeners are not linked to each other), kbit/s:

${pieceTable(part)}

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
