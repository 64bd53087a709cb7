import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootApp, type Booted } from "./harness";
import { oldCostHash } from "./passwordFixtures";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const PASSWORD = "correct horse battery";

async function post(url: string, body: unknown) {
  const res = await fetch(`${b.url}${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field below
  return { status: res.status, body: (await res.json()) as any, retryAfter: res.headers.get("retry-after") };
}

const count = (statuses: number[], s: number) => statuses.filter((x) => x === s).length;

describe("sign-in and sign-up limits hold when attempts arrive together", () => {
  it("24 wrong passwords for one email sent at once: 5 are checked, the rest are refused with 429", async () => {
    expect((await post("/api/auth/signup", { email: "owner@example.org", password: PASSWORD })).status).toBe(201);
    const all = await Promise.all(Array.from({ length: 24 }, () => post("/api/auth/signin", { email: "owner@example.org", password: "wrong password!" })));
    const statuses = all.map((r) => r.status);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(19);
    expect(Number(all.find((r) => r.status === 429)!.retryAfter)).toBeGreaterThan(0);
    // and the right password does not get through until the window has passed
    expect((await post("/api/auth/signin", { email: "owner@example.org", password: PASSWORD })).status).toBe(429);
  }, 60_000);

  it("24 sign-ups from one address sent at once: 20 in 15 minutes are looked at (the first account was one), the rest 429", async () => {
    const all = await Promise.all(
      Array.from({ length: 24 }, (_, i) => post("/api/auth/signup", { email: `n${i}@example.org`, password: PASSWORD, invite: "not-an-invite" })),
    );
    const statuses = all.map((r) => r.status);
    expect(count(statuses, 403)).toBe(19);
    expect(count(statuses, 429)).toBe(5);
  });
});

describe("password hashes are upgraded", () => {
  it("an account with an old, cheaper hash signs in, and its stored hash is replaced with today's", async () => {
    const id = "old-cost-account";
    b.app.store.facilitators.create({ id, email: "old@example.org", passwordHash: oldCostHash(PASSWORD), isAdmin: false, createdAt: Date.now() });
    expect((await post("/api/auth/signin", { email: "old@example.org", password: PASSWORD })).status).toBe(200);
    const stored = b.app.store.facilitators.byId(id)!.passwordHash;
    expect(stored.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect((await post("/api/auth/signin", { email: "old@example.org", password: PASSWORD })).status).toBe(200);
  }, 60_000);
});
