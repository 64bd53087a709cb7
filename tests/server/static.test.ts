import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { bootApp, type Booted } from "./harness";

let b: Booted;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-client-"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Breathing Room</title>");
  fs.writeFileSync(path.join(dir, "app.js"), "console.log(1)");
  b = await bootApp({ clientDir: dir });
});
afterAll(async () => {
  await b.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it.each(["/", "/room/K7P-M2Q-XW9", "/facilitate"])("serves the app shell for %s", async (url) => {
  const res = await fetch(`${b.url}${url}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("<title>Breathing Room</title>");
  expect(res.headers.get("content-security-policy")).toContain("worker-src 'self' blob:");
});

it("serves files, and missing files and API paths are 404s, not the shell", async () => {
  expect(await (await fetch(`${b.url}/app.js`)).text()).toBe("console.log(1)");
  expect((await fetch(`${b.url}/missing.js`)).status).toBe(404);
  const api = await fetch(`${b.url}/api/unknown`);
  expect(api.status).toBe(404);
  expect(await api.json()).toMatchObject({ error: "not_found" });
});

it("leaves matchmaking to Colyseus", async () => {
  const res = await fetch(`${b.url}/matchmake/joinOrCreate/circle`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(res.status).toBe(400); // our join options check, not the HTML shell
});

it("allows cross-origin requests from this origin only", async () => {
  const own = await fetch(`${b.url}/api/unknown`, { headers: { origin: b.url } });
  expect(own.headers.get("access-control-allow-origin")).toBe(b.url);
  const other = await fetch(`${b.url}/api/unknown`, { headers: { origin: "https://evil.example" } });
  expect(other.headers.get("access-control-allow-origin")).toBeNull();
  const preflight = await fetch(`${b.url}/matchmake/joinOrCreate/circle`, { method: "OPTIONS", headers: { origin: "https://evil.example" } });
  expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
});
