import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../server/app";
import { HSTS } from "../../server/http/requestGuard";
import { certificateExpiry, RENEW_BEFORE_MS, selfSignedCertificate } from "../../server/tls";
import { freePort } from "./harness";

const DAY = 24 * 3600 * 1000;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-tls-"));
  dirs.push(d);
  return d;
};
let app: App | undefined;
afterAll(async () => {
  await app?.close().catch(() => {});
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function get(port: number, url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: "127.0.0.1", port, path: url, rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      })
      .on("error", reject);
  });
}

describe("the self-signed certificate", () => {
  it("is made once, kept while it has more than 30 days left, and made anew before it expires", async () => {
    const dir = tmp();
    const first = await selfSignedCertificate(dir);
    expect(first.renewed).toBe(true);
    expect(certificateExpiry(first.cert) - Date.now()).toBeGreaterThan(360 * DAY);
    const kept = await selfSignedCertificate(dir);
    expect(kept).toMatchObject({ renewed: false, cert: first.cert });
    // 29 days before it expires: replaced, and the new one is kept in the data directory
    const later = certificateExpiry(first.cert) - RENEW_BEFORE_MS + DAY;
    const renewed = await selfSignedCertificate(dir, later);
    expect(renewed.renewed).toBe(true);
    expect(renewed.cert).not.toBe(first.cert);
    expect(certificateExpiry(renewed.cert) - later).toBeGreaterThan(360 * DAY);
    expect(fs.readFileSync(path.join(dir, "cert.pem"), "utf8")).toBe(renewed.cert);
  }, 60_000);

  it("an unreadable kept certificate is replaced", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "cert.pem"), "not a certificate");
    fs.writeFileSync(path.join(dir, "key.pem"), "not a key");
    expect((await selfSignedCertificate(dir)).renewed).toBe(true);
  }, 60_000);
});

describe("HTTPS with a certificate of one's own (TLS_CERT / TLS_KEY)", () => {
  it("sends HSTS, besides the CSP, on every answer", async () => {
    const pems = await selfSignedCertificate(tmp());
    app = createApp({ dataDir: tmp(), jwtSecret: "test-secret-" + randomUUID(), tls: { key: pems.key, cert: pems.cert, real: true } });
    const port = await freePort();
    await app.server.listen(port, "127.0.0.1");
    for (const url of ["/api/join/AAA-AAA-AAA", "/nothing", "/matchmake/joinOrCreate/circle"]) {
      const r = await get(port, url);
      expect(r.headers["strict-transport-security"], url).toBe(HSTS);
      expect(r.headers["content-security-policy"], url).toBeTruthy();
    }
  }, 60_000);
});
