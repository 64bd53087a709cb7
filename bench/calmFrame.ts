// Per environment, in headless Chromium (SwiftShader, no GPU): draw calls per frame (renderer.info)
// and main-thread scripting time per frame (the requestAnimationFrame callback, from a Chrome trace),
// while the box-breathing pacer runs. Uses the test build and `npm start` on loopback.
import { loadavg } from "node:os";
import { chromium } from "playwright-core";
import { ENVIRONMENT_IDS } from "../core/environments";
import { buildTestClient, startServer } from "../scripts/serveApp";
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP } from "../scripts/chromium";
import { traceFrames } from "./lib/frameTrace";
import { machine, writeBenchmark } from "./report";

const TRACE_MS = Number(process.env.TRACE_MS ?? 10_000);
const VIEWPORT = DESKTOP.viewport;

await buildTestClient();
const server = await startServer();
const rows: string[] = [];
const p95s: number[] = [];
const cpuP95s: number[] = [];
const jsMeans: number[] = [];
/** The machine's 1-minute load average at each trace's start and end: on 2 shared cores it decides the timings. */
const loads: number[] = [];
try {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  for (const env of ENVIRONMENT_IDS) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(server.baseURL);
    await page.waitForFunction(() => Boolean((window as never as { __brTest?: { gl?: unknown } }).__brTest?.gl), null, { timeout: 60_000 });
    await page.evaluate((environment) => {
      const { store } = (window as never as { __brTest: { store: { getState(): Record<string, (...a: unknown[]) => void> } } }).__brTest;
      const s = store.getState();
      s.updateSettings!({ environment });
      s.chooseExercise!("box");
      s.chooseLength!({ kind: "minutes", minutes: 1 });
      s.checkIn!(null);
    }, env);
    await page.waitForTimeout(4000);
    loads.push(loadavg()[0]!);
    const { calls, triangles, fps, p50, p95, cpuP95, jsPerFrame, frames } = await traceFrames(page, TRACE_MS);
    loads.push(loadavg()[0]!);
    p95s.push(p95);
    cpuP95s.push(cpuP95);
    jsMeans.push(jsPerFrame);
    console.log(`${env}: ${calls} draw calls, ${triangles} triangles, ${fps.toFixed(1)} fps, scripting p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (CPU ${cpuP95.toFixed(2)} ms), JS only ${jsPerFrame.toFixed(2)} ms mean (${frames} frames)`);
    rows.push(`| ${env} | ${calls} | ${triangles} | ${fps.toFixed(1)} | ${p50.toFixed(2)} | ${p95.toFixed(2)} | ${cpuP95.toFixed(2)} | ${jsPerFrame.toFixed(2)} | ${frames} |`);
    await page.close();
  }
  await browser.close();
} finally {
  server.stop();
}

writeBenchmark(
  "Calm space",
  "Draw calls and scripting time per frame",
  `Command: \`npm run bench -- calmFrame\` (${machine()}; Debian Chromium, SwiftShader WebGL2, ${VIEWPORT.width}×${VIEWPORT.height})

Box breathing running in each environment; the machine's 1-minute load average during the traces was
${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (2 cores: above 2, the page waits for a core). Draw calls and triangles from \`renderer.info\` after 4 s;
scripting time per frame is the summed duration of the requestAnimationFrame callbacks of that frame in a
${TRACE_MS / 1000} s Chrome trace (\`FireAnimationFrame\`, devtools.timeline): three.js's loop with every \`useFrame\`
and the WebGL commands it issues, plus the DOM caption driver.
Aims: ≤ 30 draw calls, ≤ 2 ms p95 scripting. Frame rate here is bounded by software rendering, not by our code,
and since 2026-12-03 the stage paces itself where it is drawn in software (half its free rate, at pixel
ratio 0.5; see "A page drawn in software" below), so fps is the paced rate.

"JS only" is the mean per frame of CPU-profile samples that fall in JavaScript functions (ours and the
libraries'), leaving out time inside native WebGL calls, which here wait on SwiftShader.

"CPU p95" uses the same callbacks' thread time (trace \`tdur\`), which leaves out time the main thread was
descheduled: on 2 cores, SwiftShader's raster threads compete with it.

| environment | draw calls | triangles | fps | scripting p50 (ms) | scripting p95 (ms) | CPU p95 (ms) | JS only, mean (ms) | frames |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
${verdict()}`,
);

/** One honest sentence on the scripting aim. */
function verdict(): string {
  const over = p95s.filter((v) => v > 2).length;
  const cpuOver = cpuP95s.filter((v) => v > 2).length;
  if (over === 0) return "\nEvery environment is within the 2 ms p95 aim.";
  return `\n**Wall-clock p95 is over the 2 ms aim in ${over} of ${p95s.length} environments** (CPU-time p95 over it in ${cpuOver}). JavaScript itself takes ${Math.max(...jsMeans).toFixed(2)} ms a frame or less on average; the rest of each callback is native WebGL calls and time the thread waited for a core. Re-measure on a machine with a GPU before drawing conclusions.`;
}
