import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanUp, start, until, type Run } from "./childServer";
import { certificateExpiry, selfSignedCertificate } from "../../server/tls";

const DAY = 24 * 3600 * 1000;

afterEach(cleanUp);

const listening = (r: Run) => until("listening", () => r.out().includes("listening on"));
const noInternals = (text: string) => {
  expect(text).not.toContain("Quiet Fox 77");
  expect(text).not.toContain("10.1.2.3");
  expect(text).not.toMatch(/\n\s+at /);
};

describe("JWT_SECRET", () => {
  it("a secret shorter than 32 characters stops the start with one clear line, no stack", async () => {
    const r = await start({ JWT_SECRET: "too-short-secret" });
    expect(await r.exited).toBe(1);
    expect(r.err()).toContain("JWT_SECRET must be at least 32 characters");
    expect(r.err()).not.toMatch(/\n\s+at /);
    expect(r.out()).not.toContain("listening on");
  }, 60_000);

  it("with nothing set, the server starts on a generated secret kept in DATA_DIR for this user only", async () => {
    const r = await start({});
    await listening(r);
    const file = path.join(r.dataDir, "jwt-secret");
    expect(fs.readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(64);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    r.child.kill("SIGTERM");
    expect(await r.exited).toBe(0);
  }, 60_000);
});

describe("HTTPS=1 (the self-signed certificate)", () => {
  it("a kept certificate about to expire is renewed at start; no HSTS with a self-signed certificate", async () => {
    const soon = await selfSignedCertificate(fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-proc-cert-")), Date.now() - 350 * DAY);
    const r = await start({ HTTPS: "1" }, [], (dataDir) => {
      fs.writeFileSync(path.join(dataDir, "cert.pem"), soon.cert);
      fs.writeFileSync(path.join(dataDir, "key.pem"), soon.key);
    });
    await listening(r);
    expect(certificateExpiry(fs.readFileSync(path.join(r.dataDir, "cert.pem"), "utf8")) - Date.now()).toBeGreaterThan(300 * DAY);
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      https.get({ host: "127.0.0.1", port: r.port, path: "/api/join/AAA-AAA-AAA", rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.headers);
      }).on("error", reject);
    });
    expect(headers["content-security-policy"]).toBeTruthy();
    expect(headers["strict-transport-security"]).toBeUndefined();
  }, 90_000);
});

describe("errors nobody caught", () => {
  it("an unhandled rejection is logged without its payload, and the server keeps serving", async () => {
    const r = await start({ TROUBLE: "reject" }, ["./tests/server/fixtures/trouble.ts"]);
    await listening(r);
    r.child.kill("SIGUSR2");
    await until("the rejection logged", () => r.err().includes("unhandled rejection"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.child.exitCode).toBeNull();
    const res = await fetch(`http://127.0.0.1:${r.port}/api/join/AAA-AAA-AAA`);
    expect(res.status).toBe(404);
    noInternals(r.err());
    expect(r.err()).toContain("Error: could not seat");
  }, 60_000);

  it("an uncaught exception is logged without its payload, then the server shuts down cleanly and exits 1", async () => {
    const r = await start({ TROUBLE: "throw" }, ["./tests/server/fixtures/trouble.ts"]);
    await listening(r);
    const t0 = Date.now();
    r.child.kill("SIGUSR2");
    expect(await r.exited).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.err()).toContain("uncaught exception, shutting down");
    noInternals(r.err());
  }, 60_000);
});
