import { afterEach, describe, expect, it } from "vitest";
import { JoinError, ROOM_NAME } from "../../core/protocol";
import { CODE_GUESS_LIMIT } from "../../server/http/codeGuesses";
import { parseTrustProxy } from "../../server/http/clientAddress";
import { readConfig } from "../../server/config";
import { Client } from "@colyseus/sdk";
import { bootApp, facilitator, joinError, joinOptions, session, type Booted } from "./harness";

/**
 * Which address the per-address limits see. Without TRUST_PROXY a client's X-Forwarded-For changes
 * nothing (the socket's address counts); with it, only the listed proxies' header is believed, read
 * from the nearest hop back, so a client still cannot pick its address through the proxy. Tried on
 * unknown join codes (the preview and matchmaking, i.e. the room's own check) and sign-ups.
 */
let b: Booted | undefined;
afterEach(async () => {
  await b?.stop();
  b = undefined;
});

const UNKNOWN = "ZZZ-ZZZ-ZZZ";

async function preview(forwardedFor?: string): Promise<number> {
  const res = await fetch(`${b!.url}/api/join/${UNKNOWN}`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  await res.body?.cancel();
  return res.status;
}

async function signUp(forwardedFor: string): Promise<number> {
  const res = await fetch(`${b!.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: `x${Math.random()}@example.org`, password: "long enough password" }),
  });
  await res.body?.cancel();
  return res.status;
}

/** A matchmaking join for `code` as seen through a proxy that sent `forwardedFor`. */
async function joinThrough(code: string, forwardedFor: string): Promise<number | undefined> {
  const client = new Client(`ws://127.0.0.1:${b!.port}`, { headers: { "x-forwarded-for": forwardedFor } });
  return joinError(client.joinOrCreate(ROOM_NAME, joinOptions(code, "Through Proxy")));
}

/** Use up one address's unknown-code allowance. */
async function exhaust(forwardedFor?: string): Promise<void> {
  for (let i = 0; i < CODE_GUESS_LIMIT; i++) expect(await preview(forwardedFor)).toBe(404);
}

describe("TRUST_PROXY unset (the default)", () => {
  it("a spoofed X-Forwarded-For makes no new address: the limits count the socket's", async () => {
    b = await bootApp();
    const f = await facilitator(b);
    const known = session(b, f.id).code;
    for (let i = 0; i < CODE_GUESS_LIMIT; i++) expect(await preview(`203.0.113.${i}`)).toBe(404);
    expect(await preview("198.51.100.7")).toBe(429);
    expect(await joinThrough(known, "198.51.100.8")).toBe(JoinError.TOO_MANY_ATTEMPTS);
  });

  it("sign-ups: 20 per address whatever X-Forwarded-For says", async () => {
    b = await bootApp();
    b.app.store.facilitators.create({ id: "admin", email: "admin@example.org", passwordHash: "x", isAdmin: true, createdAt: Date.now() });
    // Without an invite each is refused (403) before any hashing; every attempt still counts.
    for (let i = 0; i < 20; i++) expect(await signUp(`203.0.113.${i}`)).toBe(403);
    expect(await signUp("198.51.100.9")).toBe(429);
  });
});

describe("TRUST_PROXY names this server's reverse proxy", () => {
  it("the proxy's X-Forwarded-For is the address: one client used up does not lock out the others (preview, matchmaking, sign-up)", async () => {
    b = await bootApp({ trustProxy: ["127.0.0.1", "::1"] });
    const f = await facilitator(b);
    const known = session(b, f.id).code;
    await exhaust("203.0.113.5");
    expect(await preview("203.0.113.5")).toBe(429);
    expect(await joinThrough(known, "203.0.113.5")).toBe(JoinError.TOO_MANY_ATTEMPTS);
    // Another person behind the same proxy is not held up.
    expect(await preview("203.0.113.6")).toBe(404);
    expect(await joinThrough(known, "203.0.113.6")).toBeUndefined();
    b.app.store.facilitators.create({ id: "admin", email: "admin@example.org", passwordHash: "x", isAdmin: true, createdAt: Date.now() });
    for (let i = 0; i < 20; i++) expect(await signUp("203.0.113.7")).toBe(403);
    expect(await signUp("203.0.113.7")).toBe(429);
    expect(await signUp("203.0.113.8")).toBe(403);
  });

  it("a client cannot slip its own address in front of the proxy's entry: the nearest untrusted hop counts", async () => {
    b = await bootApp({ trustProxy: ["127.0.0.1", "::1"] });
    // nginx appends the real peer: "whatever the client sent, real address".
    for (let i = 0; i < CODE_GUESS_LIMIT; i++) expect(await preview(`10.${i}.0.1, 203.0.113.20`)).toBe(404);
    expect(await preview("6.6.6.6, 203.0.113.20")).toBe(429);
    expect(await preview("203.0.113.21")).toBe(404);
  });

  it("a peer that is not a listed proxy is not believed", async () => {
    b = await bootApp({ trustProxy: ["10.1.2.3"] });
    await exhaust("203.0.113.30");
    expect(await preview("203.0.113.31")).toBe(429);
  });
});

describe("the setting", () => {
  it("takes addresses, CIDR ranges and loopback / linklocal / uniquelocal; refuses anything else (no trust-everyone)", () => {
    expect(parseTrustProxy(undefined)).toEqual([]);
    expect(parseTrustProxy(" ")).toEqual([]);
    expect(parseTrustProxy("127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,loopback")).toEqual(["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "loopback"]);
    for (const bad of ["*", "true", "all", "10.0.0.0/33", "proxy.example.org", "1.2.3"]) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    expect(readConfig({ TRUST_PROXY: "10.0.0.5" }, []).trustProxy).toEqual(["10.0.0.5"]);
    expect(readConfig({}, []).trustProxy).toEqual([]);
  });
});
