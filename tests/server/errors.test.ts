import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootApp, type Booted } from "./harness";

let b: Booted;
let dir: string;
const env = process.env.NODE_ENV;
beforeAll(async () => {
  // As `npm start` runs it: NODE_ENV unset.
  delete process.env.NODE_ENV;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-client-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Breathing Room</title>");
  fs.writeFileSync(path.join(dir, "assets", "app-1234.js"), "console.log(1)");
  b = await bootApp({ clientDir: dir });
});
afterAll(async () => {
  await b.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.env.NODE_ENV = env;
});

/** A raw request (fetch would normalise the path). */
function raw(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: b.port, method, path: url, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** What must never be in an answer: stack frames, file paths, module names. */
function expectNothingInternal(text: string, what: string) {
  expect(text, what).not.toMatch(/\n\s+at |at [\w.<>]+ \(|node:internal|node_modules/);
  expect(text, what).not.toContain(os.tmpdir());
  expect(text, what).not.toContain(process.cwd());
  expect(text, what).not.toMatch(/Error:|TypeError|SyntaxError|ENOENT|EISDIR/);
}

const CASES: [string, string, string?, Record<string, string>?][] = [
  ["GET", "/assets/..%2f..%2fx"],
  ["GET", "/assets/..%2f..%2f..%2fetc%2fpasswd"],
  ["GET", "/assets/%E0%A4%A"],
  ["GET", "/assets/missing.js"],
  ["GET", "/assets/"],
  ["GET", "/missing.js"],
  ["POST", "/", "x"],
  ["PUT", "/anything", "x"],
  ["DELETE", "/assets/app-1234.js"],
  ["POST", "/api/auth/signin", "{not json", { "content-type": "application/json" }],
  ["POST", "/api/auth/signin", '{"email": 5}', { "content-type": "application/json" }],
  ["GET", "/api/join/%E0%A4%A"],
  ["POST", "/matchmake/joinOrCreate/circle", "{not json", { "content-type": "application/json" }],
  ["POST", "/matchmake/joinOrCreate/nosuchroom", "{}", { "content-type": "application/json" }],
  ["POST", "/matchmake/nosuchmethod/circle", "{}", { "content-type": "application/json" }],
  ["POST", "/matchmake/joinById/%E0%A4%A", "{}", { "content-type": "application/json" }],
  ["POST", "/matchmake/reconnect/abc", '{"reconnectionToken": 5}', { "content-type": "application/json" }],
  ["GET", "/matchmake/joinOrCreate/circle"],
];

describe("error answers show no internals (NODE_ENV unset, as `npm start` runs)", () => {
  it.each(CASES)("%s %s", async (method, url, body, headers) => {
    const r = await raw(method, url, body, headers);
    expect(r.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
    expectNothingInternal(r.text, `${method} ${url} → ${r.status} ${r.text.slice(0, 300)}`);
    // JSON under /api and /matchmake, plain text elsewhere: never an HTML error page
    if (r.text) expect(r.type, `${method} ${url}`).toMatch(url.startsWith("/api") || url.startsWith("/matchmake") ? /json/ : /text\/plain|json/);
  });
});
