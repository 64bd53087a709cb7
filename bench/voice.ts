// Voice in the circle, peer to peer (mesh) and through Janus (SFU): what each person sends and
// receives on the wire, and what one page spends receiving 8 voices. Real pages in Debian's Chromium (DOM view, no WebGL), each with
// a microphone that "talks" (a tone switched on 1.6 s, off 1 s: Opus DTX sends almost nothing in the
// pauses), against `npm start` on loopback. Wire bytes are the transports' (RTP, RTCP, SRTP, STUN).
import "../server/polyfills";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { Client, type Room } from "@colyseus/sdk";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOM_NAME } from "../core/protocol";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium";
import { janusInstalled, startJanus, type RunningJanus } from "../scripts/janus";
import { buildTestClient, startServer, type RunningServer } from "../scripts/serveApp";
import { machine, writeBenchmark } from "./report";

const quick = process.env.BENCH_MODE === "quick" || process.env.BENCH_MODE === "tiny";
const MEASURE_S = quick ? 4 : 12;
const SETTLE_S = quick ? 3 : 5;

const ARGS = [
  ...CHROMIUM_ARGS,
  "--autoplay-policy=no-user-gesture-required",
  "--allow-loopback-in-peer-connection",
  "--disable-features=WebRtcHideLocalIpsWithMdns",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--disable-3d-apis",
];

/** A microphone that talks: a tone gated on and off like speech with pauses (see tests/e2e/voice.test.ts for why a fake). */
const talkingMic = (hz: number) => `
  (() => {
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const granted = real({ audio: true }).then((s) => s.getTracks().forEach((t) => t.stop()));
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

interface Wire {
  sent: number;
  received: number;
}

/** Wire bytes of every voice connection of this page, mesh or SFU (not its own loopback pair). */
function wireBytes(page: Page): Promise<Wire> {
  return page.evaluate(async () => {
    const w = window as unknown as {
      __brTest?: { voice?: { mesh: { connections(): IterableIterator<{ pc: RTCPeerConnection }> } | null; sfu: { connections(): RTCPeerConnection[] } | null } };
    };
    const total = { sent: 0, received: 0 };
    const pcs = [...[...(w.__brTest?.voice?.mesh?.connections() ?? [])].map((link) => link.pc), ...(w.__brTest?.voice?.sfu?.connections() ?? [])];
    for (const pc of pcs) {
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
  if (hz !== null) await context.addInitScript(talkingMic(hz));
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
const kbit = (bytes: number, s: number) => (bytes * 8) / 1000 / s;

/** Per person, kbit/s up and down over MEASURE_S, everyone speaking. */
async function measureMesh(pages: Page[]): Promise<{ up: number; down: number }[]> {
  await sleep(SETTLE_S);
  const before = await Promise.all(pages.map(wireBytes));
  await sleep(MEASURE_S);
  const after = await Promise.all(pages.map(wireBytes));
  return pages.map((_, i) => ({ up: kbit(after[i]!.sent - before[i]!.sent, MEASURE_S), down: kbit(after[i]!.received - before[i]!.received, MEASURE_S) }));
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

/** The pid of the Chromium that `browser` drives (the newest chromium process started after `since`). */
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

export async function run(): Promise<void> {
  // The harness pins itself to the bots' core; these pages are the system under test, so Chromium
  // (which inherits this process's affinity) gets every core.
  execFileSync("taskset", ["-a", "-pc", `0-${cpus().length - 1}`, String(process.pid)], { stdio: "ignore" });
  await buildTestClient();
  const server = await startServer();
  const browsers: Browser[] = [];
  const leads: Room[] = [];
  try {
    const { token } = (await api(server, "/auth/signup", { email: "bench@example.org", password: "slow breath, long walk" })) as { token: string };
    // 1. Circles of 4 everyone speaking: measured per person.
    const speakers = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    browsers.push(speakers);
    // VOICE_PARTS=sfu: only the SFU's figures (the mesh's stay as they were).
    if (process.env.VOICE_PARTS === "sfu") return await sfuParts(speakers, leads, browsers);
    const four = await openCircle(server, token, 8);
    leads.push(four.lead);
    const pages: Page[] = [];
    for (let i = 0; i < 4; i++) pages.push(await seat(speakers, server, four.code, `Speaker ${i + 1}`, 300 + 110 * i));
    const mesh4 = await measureMesh(pages);
    const perStream = mesh4.reduce((sum, p) => sum + p.up, 0) / mesh4.length / 3;
    const up4 = mesh4.reduce((s, p) => s + p.up, 0) / 4;
    const down4 = mesh4.reduce((s, p) => s + p.down, 0) / 4;
    // 1b. The same circle in talking-piece mode: one speaker, three listeners.
    four.lead.send("setPieceMode", { on: true });
    const holder = [...four.lead.state.participants.entries()].find(([, p]) => p.pseudonym === "Speaker 1")![0];
    four.lead.send("givePiece", { to: holder });
    const piece = await measureMesh(pages);
    for (const page of pages) await page.context().close();
    const f = (n: number) => n.toFixed(1);
    const row = (n: number, mesh: { up: string; down: string }) => `| ${n} | ${mesh.up} | ${mesh.down} |`;
    const meshAll = (n: number) => ({ up: f(perStream * (n - 1)), down: f(perStream * (n - 1)) });
    writeBenchmark(
      "Voice",
      "Audio per person, mesh",
      `Command: \`npm run bench -- voice\` (${machine()}; Debian Chromium, ${MEASURE_S} s per figure)

Each page's microphone "talks" (a tone 1.6 s on, 1 s off; Opus with DTX sends next to nothing in the
pauses). Wire bytes of the voice connections (RTP + RTCP + SRTP + STUN, from the transports' stats).

**Measured** — a circle of 4, everyone speaking: up ${f(up4)} kbit/s and down ${f(down4)} kbit/s per
person, so **${f(perStream)} kbit/s per voice stream**. The same 4 in talking-piece mode: the holder
sends ${f(piece[0]!.up)} kbit/s (to 3 listeners) and receives ${f(piece[0]!.down)}; each listener
receives ${f((piece[1]!.down + piece[2]!.down + piece[3]!.down) / 3)} kbit/s and sends ${f((piece[1]!.up + piece[2]!.up + piece[3]!.up) / 3)}
(RTCP only: listeners are not linked to each other).

**Everyone speaking** (worst case), per person, kbit/s — mesh figures for 8 and 16 are the measured
per-stream rate × (n − 1): a mesh is exactly linear, one stream per linked person each way. Through
Janus the same circles are measured below ("Audio per person through Janus (SFU)").

| people | mesh up | mesh down |
|---|---|---|
${row(4, { up: f(up4), down: f(down4) })}
${row(8, meshAll(8))}
${row(16, meshAll(16))}

With the talking piece, a mesh costs the holder one stream per listener (${f(perStream * 15)} kbit/s up
in a circle of 16) and each listener one stream down; a phone or a Quest on a weak uplink is where
the SFU pays off: its upstream stays at one stream whatever the circle's size.
`,
    );
    console.log({ up4, down4, perStream, piece });
    if (process.env.VOICE_PARTS === "mesh") return;

    // 2. One page (its own browser, so its whole process tree is its cost) receiving 8 voices.
    const eight = await openCircle(server, token, 12);
    leads.push(eight.lead);
    const others: Page[] = [];
    for (let i = 0; i < 8; i++) others.push(await seat(speakers, server, eight.code, `Voice ${i + 1}`, 300 + 90 * i));
    const known = allPids();
    const listenerBrowser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    browsers.push(listenerBrowser);
    const root = newestChromium(known);
    const listener = await seat(listenerBrowser, server, eight.code, "Listener", null);
    await sleep(SETTLE_S);
    const [wire] = [await wireBytes(listener)];
    const cpu0 = treeCpuSeconds(root);
    const t0 = performance.now();
    await sleep(MEASURE_S);
    const cpu1 = treeCpuSeconds(root);
    const wall = (performance.now() - t0) / 1000;
    const wireAfter = await wireBytes(listener);
    const voices = await listener.evaluate(() => (window as unknown as { __brTest: { voice: { output: { ids(): string[] } } } }).__brTest.voice.output.ids().length);
    const cpuPercent = ((cpu1 - cpu0) / wall) * 100;
    const down8 = kbit(wireAfter.received - wire.received, wall);

    writeBenchmark(
      "Voice",
      "One page receiving 8 voices (mesh)",
      `Command: \`npm run bench -- voice\` (${machine()}; Debian Chromium, ${MEASURE_S} s)

**One page receiving ${voices} voices** (its own Chromium, every process of it counted: renderer,
audio and network services; DOM view, HRTF panners, the loopback mix): **${f(cpuPercent)} % of one
core** over ${f(wall)} s, ${f(down8)} kbit/s down. Measured on a shared 2-core machine under other
load; the figure is CPU time, not wall time.
`,
    );
    console.log({ cpuPercent, down8, voices });
    for (const page of [...others, listener]) await page.context().close();
    if (janusInstalled()) await sfuParts(speakers, leads, browsers);
  } finally {
    for (const lead of leads) await lead.leave().catch(() => {});
    for (const b of browsers) await b.close().catch(() => {});
    server.stop();
  }
}

/** One page receiving `n` voices in `code`'s circle: its own Chromium's CPU (% of one core) and kbit/s down. */
async function listenerCost(server: RunningServer, code: string, browsers: Browser[]): Promise<{ cpuPercent: number; down: number; voices: number; wall: number }> {
  const known = allPids();
  const listenerBrowser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  browsers.push(listenerBrowser);
  const root = newestChromium(known);
  const listener = await seat(listenerBrowser, server, code, "Listener", null);
  await sleep(SETTLE_S);
  const wire = await wireBytes(listener);
  const cpu0 = treeCpuSeconds(root);
  const t0 = performance.now();
  await sleep(MEASURE_S);
  const cpu1 = treeCpuSeconds(root);
  const wall = (performance.now() - t0) / 1000;
  const wireAfter = await wireBytes(listener);
  const voices = await listener.evaluate(() => (window as unknown as { __brTest: { voice: { output: { ids(): string[] } } } }).__brTest.voice.output.ids().length);
  await listenerBrowser.close();
  return { cpuPercent: ((cpu1 - cpu0) / wall) * 100, down: kbit(wireAfter.received - wire.received, wall), voices, wall };
}

/** The same through Debian's Janus on loopback: circles of 4, 8 and 16, everyone speaking; one page receiving 8. */
async function sfuParts(speakers: Browser, leads: Room[], browsers: Browser[]): Promise<void> {
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
    const { token: sfuToken } = (await api(server, "/auth/signup", { email: "bench@example.org", password: "slow breath, long walk" })) as { token: string };
    const sizes = quick ? [4, 8] : [4, 8, 16];
    const rows: string[] = [];
    const figures: Record<number, { up: number; down: number }> = {};
    for (const n of sizes) {
      const c = await openCircle(server, sfuToken, n + 2);
      leads.push(c.lead);
      const pages: Page[] = [];
      for (let i = 0; i < n; i++) pages.push(await seat(speakers, server, c.code, `Speaker ${i + 1}`, 300 + 60 * i));
      const per = await measureMesh(pages);
      const up = per.reduce((sum, p) => sum + p.up, 0) / n;
      const down = per.reduce((sum, p) => sum + p.down, 0) / n;
      figures[n] = { up, down };
      rows.push(`| ${n} | ${up.toFixed(1)} | ${down.toFixed(1)} | ${Math.min(...per.map((p) => p.down)).toFixed(1)}–${Math.max(...per.map((p) => p.down)).toFixed(1)} |`);
      console.log({ sfu: n, up, down });
      for (const page of pages) await page.context().close();
      await c.lead.leave().catch(() => {});
    }
    const eight = await openCircle(server, sfuToken, 12);
    leads.push(eight.lead);
    const others: Page[] = [];
    for (let i = 0; i < 8; i++) others.push(await seat(speakers, server, eight.code, `Voice ${i + 1}`, 300 + 90 * i));
    const cost = await listenerCost(server, eight.code, browsers);
    for (const page of others) await page.context().close();
    console.log({ sfuListener: cost });
    writeBenchmark(
      "Voice",
      "Audio per person through Janus (SFU)",
      `Command: \`npm run bench -- voice\` (${machine()}; Debian Chromium, Debian Janus ${janusVersion()} on loopback, ${MEASURE_S} s per figure)

The same talking microphones, in circles whose voices go through Janus' VideoRoom (\`JANUS_URL\`),
everyone speaking, all pages in one Chromium. Wire bytes of each page's two SFU connections
(publisher and subscriber: RTP + RTCP + SRTP + STUN), per person, kbit/s:

| people | up (mean) | down (mean) | down (lowest–highest page) |
|---|---|---|---|
${rows.join("\n")}

Up stays at one stream whatever the circle's size; down grows by one stream per other speaker
(the mesh carries n − 1 streams each way: table above). **One page receiving 8 voices through the
SFU** (its own Chromium, every process counted): **${cost.cpuPercent.toFixed(1)} % of one core** over
${cost.wall.toFixed(1)} s, ${cost.down.toFixed(1)} kbit/s down, ${cost.voices} voices played. Shared 2-core machine under
other load: CPU time, not wall time.
`,
    );
  } finally {
    server?.stop();
    janus?.stop();
  }
}

function janusVersion(): string {
  try {
    return /\(([\d.]+)\)/.exec(execFileSync("janus", ["--version"], { encoding: "utf8" }))?.[1] ?? "";
  } catch {
    return "";
  }
}
