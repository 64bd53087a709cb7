// A calm practice page drawn in software (SwiftShader, as on any machine without a graphics chip):
// how quickly the page answers a tap while the orb breathes, paced (what the app does there,
// client/scene/softwarePacing.tsx) against drawn freely (the same page told by an init script
// that its renderer is a graphics chip). Uses the test build and `npm start` on loopback.
import { loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { buildTestClient, startServer } from "../scripts/serveApp";
import { CHROMIUM, CHROMIUM_ARGS, PHONE, type Device } from "../scripts/chromium";
import { machine, writeBenchmark } from "./report";

const ROUNDS = Number(process.env.ROUNDS ?? (process.env.BENCH_MODE === "tiny" ? 3 : 30));
const DEVICES: [string, Device][] = [
  ["phone 390×760", PHONE],
  ["desktop 1100×720", { viewport: { width: 1100, height: 720 }, hasTouch: true }],
];
/** Makes the page believe it draws on a graphics chip, so it draws freely. */
const TOLD_A_CHIP = `(() => {
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const get = proto.getParameter;
    proto.getParameter = function (p) { return p === 0x9246 || p === this.RENDERER ? "a graphics chip (told so by the benchmark)" : get.call(this, p); };
  }
})()`;

/** Busy and total jiffies of the whole machine. */
function cpu(): { busy: number; all: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1).map(Number);
  return { busy: f[0]! + f[1]! + f[2]! + f[5]! + f[6]!, all: f.reduce((a, b) => a + b, 0) };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function measure(page: Page) {
  await page.waitForFunction(() => Boolean((window as never as { __brTest?: { gl?: unknown } }).__brTest?.gl), null, { timeout: 60_000 });
  await page.evaluate(() => {
    const s = (window as never as { __brTest: { store: { getState(): Record<string, (...a: unknown[]) => void> } } }).__brTest.store.getState();
    s.chooseExercise!("box");
    s.chooseLength!({ kind: "minutes", minutes: 10 });
    s.checkIn!(null);
  });
  // The pacer measures the free rate for 2 s after 10 frames.
  await page.waitForTimeout(6000);
  const frame = () => page.evaluate(() => (window as never as { __brTest: { gl: { info: { render: { frame: number } } } } }).__brTest.gl.info.render.frame);
  const c0 = cpu();
  const f0 = await frame();
  const t0 = performance.now();
  const rounds: number[] = [];
  const settings = page.getByRole("button", { name: "Settings" });
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await settings.tap();
    await page.locator(".settings-panel").waitFor();
    await page.keyboard.press("Escape");
    await page.locator(".settings-panel").waitFor({ state: "detached" });
    rounds.push(performance.now() - start);
  }
  const seconds = (performance.now() - t0) / 1000;
  const fps = ((await frame()) - f0) / seconds;
  const c1 = cpu();
  const info = await page.evaluate(() => {
    const t = (window as never as { __brTest: { gl: { domElement: HTMLCanvasElement }; pacing?: { freeFps: number; interval: number } } }).__brTest;
    return { buffer: `${t.gl.domElement.width}×${t.gl.domElement.height}`, pacing: t.pacing ? { ...t.pacing } : null };
  });
  return { median: quantile(rounds, 0.5), p95: quantile(rounds, 0.95), seconds, fps, busy: (100 * (c1.busy - c0.busy)) / (c1.all - c0.all), ...info };
}

await buildTestClient();
const server = await startServer();
const rows: string[] = [];
const loads: number[] = [];
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  for (const [name, device] of DEVICES) {
    for (const paced of [false, true]) {
      const context = await browser.newContext({ ...device, locale: "en-GB" });
      if (!paced) await context.addInitScript(TOLD_A_CHIP);
      const page = await context.newPage();
      await page.goto(server.baseURL);
      loads.push(loadavg()[0]!);
      const m = await measure(page);
      loads.push(loadavg()[0]!);
      const how = paced ? `paced (free ${m.pacing?.freeFps.toFixed(1)} fps → one frame per ${m.pacing?.interval.toFixed(0)} ms)` : "drawn freely";
      console.log(`${name}, ${how}: ${ROUNDS} rounds in ${m.seconds.toFixed(1)} s, median ${m.median.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms, ${m.fps.toFixed(1)} fps, buffer ${m.buffer}, machine busy ${m.busy.toFixed(0)} %`);
      rows.push(`| ${name} | ${how} | ${m.buffer} | ${m.fps.toFixed(1)} | ${m.median.toFixed(0)} | ${m.p95.toFixed(0)} | ${m.seconds.toFixed(1)} | ${m.busy.toFixed(0)} |`);
      await context.close();
    }
  }
  await browser.close();
} finally {
  server.stop();
}

writeBenchmark(
  "Calm space",
  "A page drawn in software: paced against drawn freely",
  `Command: \`npm run bench -- softwarePacing\` (${machine()}; Debian Chromium, SwiftShader; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)})

Box breathing running on the calm space's practice page, drawn by SwiftShader on the processor. One
round is what a person does: tap Settings, wait for its panel, press Escape, wait for it to close.
${ROUNDS} rounds per row. "Drawn freely" is the same page told by an init script that its renderer is
a graphics chip, so it draws at full resolution as fast as it can (what every page did before the
pacer); "paced" is what the app does when its renderer's name says software
(client/scene/softwarePacing.tsx). Frames a second from \`renderer.info\` over the rounds; machine busy
is every process on the machine (/proc/stat) over the rounds.

| page | drawing | drawing buffer | fps | round, median (ms) | round, p95 (ms) | all rounds (s) | machine busy (%) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}`,
);
