import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clientBuildIsStale } from "../../server/clientBuild";
import { jwtSecret, readConfig } from "../../server/config";
import { selfSignedCertificate } from "../../server/tls";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-setup-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("config", () => {
  it.each([
    [{}, [], { port: 2567, host: "0.0.0.0", https: false, skipClientBuild: false }],
    [{ PORT: "8080", HOST: "127.0.0.1", HTTPS: "1", SKIP_CLIENT_BUILD: "1" }, [], { port: 8080, host: "127.0.0.1", https: true, skipClientBuild: true }],
    [{}, ["node", "index.ts", "--https"], { https: true }],
  ])("%j %j", (env, argv, expected) => {
    expect(readConfig(env, argv)).toMatchObject(expected);
  });

  it("refuses a nonsense port", () => {
    expect(() => readConfig({ PORT: "http" }, [])).toThrow(/PORT/);
  });

  it("generates the JWT secret once and keeps it; JWT_SECRET wins", () => {
    const d = tmp();
    const first = jwtSecret(d, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(jwtSecret(d, {})).toBe(first);
    const fromEnv = "from-the-environment-0123456789abcdef";
    expect(jwtSecret(d, { JWT_SECRET: fromEnv })).toBe(fromEnv);
    expect(() => jwtSecret(d, { JWT_SECRET: "short" })).toThrow(/at least 32 characters/);
  });
});

describe("self-signed certificate", () => {
  it("covers localhost and 127.0.0.1, and is reused on the next start", async () => {
    const d = tmp();
    const { cert } = await selfSignedCertificate(d);
    const x = new X509Certificate(cert);
    expect(x.subjectAltName).toContain("DNS:localhost");
    expect(x.subjectAltName).toContain("IP Address:127.0.0.1");
    expect((await selfSignedCertificate(d)).cert).toBe(cert);
  });
});

describe("client build freshness", () => {
  it("is stale when missing or older than client/ or core/", () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, "client"), { recursive: true });
    fs.mkdirSync(path.join(root, "core", "x"), { recursive: true });
    fs.writeFileSync(path.join(root, "client", "main.tsx"), "");
    expect(clientBuildIsStale(root)).toBe(true);
    fs.mkdirSync(path.join(root, "dist", "client"), { recursive: true });
    const index = path.join(root, "dist", "client", "index.html");
    fs.writeFileSync(index, "");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(index, later, later);
    expect(clientBuildIsStale(root)).toBe(false);
    const newer = path.join(root, "core", "x", "rule.ts");
    fs.writeFileSync(newer, "");
    const evenLater = new Date(Date.now() + 120_000);
    fs.utimesSync(newer, evenLater, evenLater);
    expect(clientBuildIsStale(root)).toBe(true);
  });
});
