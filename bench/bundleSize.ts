// JavaScript a visitor downloads for the calm space (gzip): what index.html loads before the first
// screen, and everything the browser actually fetched once the 3D stage is up, versus chunks that
// stay lazy (rooms, emulator). Production build into a temporary folder, served by `npm start`.
import "../server/polyfills";
import { Client } from "@colyseus/sdk";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { build } from "vite";
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP } from "../scripts/chromium";
import { postJson, roomToken } from "../scripts/api";
import { startServer } from "../scripts/serveApp";
import { ROOM_NAME } from "../core/protocol";
import { machine, writeBenchmark } from "./report";

const ROOT = join(import.meta.dirname, "..");
const AIM_KB = 400;
/** The calm space's first screen before the group room was built (issue: it must not grow). */
const FIRST_SCREEN_KB = 84.2;
const out = mkdtempSync(join(tmpdir(), "breathing-room-bundle-"));
const gzKb = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length / 1024;
const short = (file: string) => file.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, ".js");

try {
  process.env.NODE_ENV = "production";
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn", build: { outDir: out, emptyOutDir: true } });
  const html = readFileSync(join(out, "index.html"), "utf8");
  const initial = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?(assets\/[^"]+\.js)"/g)) initial.add(m[1]!);
  const initialKb = [...initial].reduce((sum, f) => sum + gzKb(f), 0);

  // What the browser really fetches until the stage is drawing.
  const server = await startServer(out);
  const fetched = new Set<string>();
  const joining = new Set<string>();
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage(DESKTOP);
    page.on("request", (r) => {
      const path = new URL(r.url()).pathname.replace(/^\//, "");
      if (path.endsWith(".js")) fetched.add(path);
    });
    await page.goto(server.baseURL);
    await page.locator("canvas").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Shoreline at dusk" }).click();
    await page.getByRole("button", { name: "Box breathing" }).click();
    await page.waitForTimeout(3000);

    // A participant opening a circle's link: from the link to seated in the 3D circle.
    const { token } = await postJson<{ token: string }>(server.baseURL, "/api/auth/signup", { email: "bundle@example.org", password: "counting every byte" });
    const { code } = await postJson<{ code: string }>(server.baseURL, "/api/sessions", { title: "Bundle circle", environment: "shore", capacity: 8 }, token);
    const lead = new Client(server.baseURL.replace(/^http/, "ws"));
    lead.auth.token = await roomToken(server.baseURL, token);
    const room = await lead.joinOrCreate(ROOM_NAME, { code, pseudonym: "Host", look: "sage" });
    room.onMessage("*", () => undefined);
    room.send("setAdmission", { on: false });
    room.send("openCircle");
    const joiner = await browser.newPage(DESKTOP);
    joiner.on("request", (r) => {
      const path = new URL(r.url()).pathname.replace(/^\//, "");
      if (path.endsWith(".js")) joining.add(path);
    });
    await joiner.goto(`${server.baseURL}/room/${code}`);
    await joiner.getByRole("button", { name: "Continue" }).click({ timeout: 60_000 });
    await joiner.getByLabel("I have read the agreement and the notice, and I agree to them").check();
    await joiner.getByRole("button", { name: "I agree, continue" }).click();
    await joiner.getByLabel("A name for this circle").fill("Counted");
    await joiner.getByRole("button", { name: "Enter the circle" }).click();
    await joiner.getByRole("region", { name: "Your actions" }).waitFor({ timeout: 60_000 });
    await joiner.locator("canvas").waitFor({ timeout: 60_000 });
    await joiner.waitForTimeout(3000);
    await room.leave(true);
    await browser.close();
  } finally {
    server.stop();
  }
  const fetchedKb = [...fetched].reduce((sum, f) => sum + gzKb(f), 0);
  const joiningKb = [...joining].reduce((sum, f) => sum + gzKb(f), 0);
  const all = readdirSync(join(out, "assets")).filter((f) => f.endsWith(".js")).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !fetched.has(f) && !joining.has(f));
  const rows = (files: string[]) =>
    files
      .map((f) => ({ f, kb: gzKb(f) }))
      .sort((a, b) => b.kb - a.kb)
      .map(({ f, kb }) => `| ${short(f)} | ${kb.toFixed(1)} KB |`)
      .join("\n");
  console.log(`first screen: ${initialKb.toFixed(1)} KB; calm space running: ${fetchedKb.toFixed(1)} KB in ${fetched.size} files; ${lazy.length} chunks never fetched; a participant joining a circle: ${joiningKb.toFixed(1)} KB in ${joining.size} files`);
  writeBenchmark(
    "Calm space",
    "JavaScript downloaded (gzip)",
    `Command: \`npm run bench -- bundleSize\` (${machine()})

Production build, gzip level 9. "First screen" is what index.html loads; the 3D stage follows lazily at once.
"Calm space running" is every script Chromium fetched from opening the app to box breathing being chosen
with the shoreline drawn. Aims: the first screen no larger than the ${FIRST_SCREEN_KB} KB it was before the group room
(the steps after choosing a place, History, Learn and Settings load on their own, fetched once the first screen is idle; the first screen keeps the
"Join a circle" form and the facilitator pages' loader), and ≤ ${AIM_KB} KB for what is needed to start.

| what | gzip |
| --- | --- |
| first screen (DOM flow usable) | **${initialKb.toFixed(1)} KB** — ${initialKb <= FIRST_SCREEN_KB ? "within" : `over by ${(initialKb - FIRST_SCREEN_KB).toFixed(1)} KB`} |
| calm space running (incl. three.js, R3F, XR, scene) | **${fetchedKb.toFixed(1)} KB** — ${fetchedKb <= AIM_KB ? "within" : "over"} the aim |

Fetched:

| chunk | gzip |
| --- | --- |
${rows([...fetched])}

Fetched by neither the calm space nor a participant joining a circle (loaded only when needed: the facilitator
pages, the headset's parts, the emulator…):

| chunk | gzip |
| --- | --- |
${rows(lazy) || "| (none) | |"}`,
  );
  writeBenchmark(
    "Group room client",
    "JavaScript fetched by a participant joining (gzip)",
    `Command: \`npm run bench -- bundleSize\` (${machine()})

Production build, gzip level 9: every script Chromium fetched from opening a circle's link (\`/room/CODE\`) through the
agreement and a name to sitting in the 3D circle, on a desktop. The room's code is its own lazy chunk: the calm
space's first screen does not carry it (${initialKb.toFixed(1)} KB, above).

| what | gzip |
| --- | --- |
| a participant joining, link to seated in the 3D circle | **${joiningKb.toFixed(1)} KB** in ${joining.size} files |

| chunk | gzip |
| --- | --- |
${rows([...joining])}`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
