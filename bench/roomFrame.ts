// The group room's frame cost with 16 people in the circle, in headless Chromium (SwiftShader, no
// GPU): a facilitator's page (the console open beside the circle) with 15 simulated people seated
// and moving (client/room/simulatedCircle: poses fed into the pose buffers at the patch rate, as a
// real circle's patches would), box breathing running on the shared orb. Draw calls from
// renderer.info; scripting per frame from a Chrome trace (bench/lib/frameTrace). Test build and
// `npm start` on loopback.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP } from "../scripts/chromium";
import { postJson } from "../scripts/api";
import { buildTestClient, startServer } from "../scripts/serveApp";
import { traceFrames } from "./lib/frameTrace";
import { machine, writeBenchmark } from "./report";

const TRACE_MS = Number(process.env.TRACE_MS ?? (process.env.BENCH_MODE === "quick" ? 3_000 : 10_000));
const OTHERS = 15;
const VIEWPORT = DESKTOP.viewport;
const TOKEN_KEY = "breathing-room.facilitator-token";

export async function run(): Promise<void> {
  await buildTestClient();
  const server = await startServer();
  const rows: string[] = [];
  try {
    const { token } = await postJson<{ token: string }>(server.baseURL, "/api/auth/signup", { email: "bench@example.org", password: "a bench that breathes" });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    for (const environment of ["shore", "forest", "night"] as const) {
      const { code } = await postJson<{ code: string }>(server.baseURL, "/api/sessions", { title: `Bench ${environment}`, environment, capacity: 16 }, token);
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(server.baseURL);
      await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [TOKEN_KEY, token]);
      await page.goto(`${server.baseURL}/room/${code}`);
      await page.getByRole("button", { name: "Enter as facilitator" }).click({ timeout: 60_000 });
      await page.getByLabel("A name for this circle").fill("Bench");
      await page.getByRole("button", { name: "Enter the circle" }).click();
      await page.getByRole("button", { name: "Open the circle" }).click({ timeout: 60_000 });
      await page.waitForFunction(() => Boolean((window as never as { __brTest?: { gl?: unknown; simulateCircle?: unknown } }).__brTest?.simulateCircle), null, { timeout: 60_000 });
      await page.evaluate(() => (window as never as { __brTest: { roomStore: { getState(): { send(t: string, p: unknown): void } } } }).__brTest.roomStore.getState().send("startPractice", { patternId: "box", cycles: 10 }));
      // Seat the simulated people once the circle's own patches (open, practice) have come in: a
      // membership patch re-lists the circle from the server's state.
      await page.waitForTimeout(5000);
      await page.evaluate((n) => (window as never as { __brTest: { simulateCircle(n: number): void } }).__brTest.simulateCircle(n), OTHERS);
      await page.waitForTimeout(3000);
      const drawn = await page.evaluate(() => (window as never as { __brTest: { circle: { people: Map<string, unknown> } } }).__brTest.circle.people.size);
      if (drawn !== OTHERS) throw new Error(`expected ${OTHERS} others in the circle, found ${drawn}`);
      const f = await traceFrames(page, TRACE_MS);
      console.log(`${environment}: ${f.calls} draw calls, ${f.triangles} triangles, ${f.fps.toFixed(1)} fps, scripting p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms (CPU ${f.cpuP95.toFixed(2)} ms), JS only ${f.jsPerFrame.toFixed(2)} ms mean (${f.frames} frames)`);
      rows.push(`| ${environment} | ${f.calls} | ${f.triangles} | ${f.fps.toFixed(1)} | ${f.p50.toFixed(2)} | ${f.p95.toFixed(2)} | ${f.cpuP95.toFixed(2)} | ${f.jsPerFrame.toFixed(2)} | ${f.frames} |`);
      await page.close();
    }
    await browser.close();
  } finally {
    server.stop();
  }
  writeBenchmark(
    "Group room client",
    "Draw calls and scripting time per frame, 16 people",
    `Command: \`${process.env.BENCH_MODE === "quick" ? "BENCH_MODE=quick " : ""}npm run bench -- roomFrame\` (${machine()}; Debian Chromium, SwiftShader WebGL2, ${VIEWPORT.width}×${VIEWPORT.height})

A facilitator's page in a circle of 16: this person plus ${OTHERS} simulated people seated and moving (heads sway, hands
drift, at the patch rate, through the same pose buffers a real circle fills), box breathing running on the shared orb,
the console in the page. Draw calls and triangles from \`renderer.info\`; scripting time per frame is the summed
requestAnimationFrame callbacks of each frame in a ${TRACE_MS / 1000} s Chrome trace (\`FireAnimationFrame\`), and "JS only" the
CPU-profile samples inside JavaScript, leaving out native WebGL calls waiting on SwiftShader. Aim: ≤ 40 draw calls
(every avatar is instanced: the count does not grow per person). In a headset three.js 0.187 issues every draw
call once per eye (no multiview).

| place | draw calls | triangles | fps | scripting p50 (ms) | scripting p95 (ms) | CPU p95 (ms) | JS only, mean (ms) | frames |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}`,
  );
}
