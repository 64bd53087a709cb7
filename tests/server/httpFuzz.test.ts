import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorBody, createSessionBody, inviteBody, signInBody, signUpBody, updateSessionBody } from "../../core/protocol";
import { bootApp, facilitator, session, type Booted } from "./harness";

/**
 * Generated HTTP bodies (fast-check), not hand-picked ones: for every API route that reads a body,
 * bodies near a valid one (a field dropped, added or given a wrong value, wrapped, nested) and wholly
 * arbitrary JSON or text. Each invalid one is answered 400 `invalid_request` as JSON `{ error, message }`
 * with no trace or path in it, stores nothing, and the server keeps serving. Same seed and knob as
 * fuzz.test.ts (FUZZ_SEED, FUZZ_RUNS).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3) * 10;

let b: Booted;
let api = "";
let adminApi = "";
let owner = "";
let sessionId = "";
beforeAll(async () => {
  b = await bootApp();
  const f = await facilitator(b);
  api = f.apiToken;
  owner = f.id;
  sessionId = session(b, f.id).id;
  const adminId = randomUUID();
  b.app.store.facilitators.create({ id: adminId, email: "admin@example.org", passwordHash: "x", isAdmin: true, createdAt: Date.now() });
  adminApi = await b.app.tokens.issue({ sub: adminId, admin: true });
});
afterAll(async () => {
  await b.stop();
});

const leaf = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 2 ** 32, 2 ** 53, Number.MAX_VALUE, 0.5, 1e300),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 1200 }),
  fc.boolean(),
  fc.constant(null),
);
const anyValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("node"), { maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 10 }), tie("node"), { maxKeys: 5 })),
})).node;

function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    anyValue,
    fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), leaf).map(([k, v]) => ({ ...valid, [`x${k}`]: v })),
    fc.constantFrom(...keys).map((k) => {
      const copy = { ...valid };
      delete copy[k];
      return copy;
    }),
    fc.tuple(fc.constantFrom(...keys), anyValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constant([valid]),
    fc.integer({ min: 2, max: 40 }).map((d) => Array.from({ length: d }).reduce<unknown>((v) => [v], valid)),
  );
}

interface Route {
  method: "POST" | "PATCH";
  path: () => string;
  token?: () => string;
  schema: z.ZodType;
  valid: Record<string, unknown>;
}

const ROUTES: Record<string, Route> = {
  "POST /api/auth/signup": { method: "POST", path: () => "/api/auth/signup", schema: signUpBody, valid: { email: "new@example.org", password: "a long enough password" } },
  "POST /api/auth/signin": { method: "POST", path: () => "/api/auth/signin", schema: signInBody, valid: { email: "new@example.org", password: "whatever it is" } },
  "POST /api/sessions": { method: "POST", path: () => "/api/sessions", token: () => api, schema: createSessionBody, valid: { title: "Evening", environment: "forest", capacity: 8, scheduledAt: null } },
  "PATCH /api/sessions/:id": { method: "PATCH", path: () => `/api/sessions/${sessionId}`, token: () => api, schema: updateSessionBody, valid: { title: "Later", capacity: 6 } },
  "POST /api/invites": { method: "POST", path: () => "/api/invites", token: () => adminApi, schema: inviteBody, valid: { email: "friend@example.org" } },
};

/** Everything a body could change, to compare before and after. */
const stored = () =>
  JSON.stringify({
    facilitators: b.app.store.facilitators.count(),
    sessions: b.app.store.sessions.listFor(owner),
    invites: b.app.store.invites.listSince(0).length,
  });

async function send(route: Route, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${b.url}${route.path()}`, {
    method: route.method,
    headers: { "content-type": "application/json", ...(route.token ? { authorization: `Bearer ${route.token()}` } : {}) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

function expectRefused(r: { status: number; text: string }): void {
  expect(r.status, r.text).toBe(400);
  const body = apiErrorBody.parse(JSON.parse(r.text));
  expect(body.error).toBe("invalid_request");
  expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|file:\/\//);
}

describe.each(Object.keys(ROUTES))("%s with generated bodies", (name) => {
  const route = ROUTES[name]!;

  it(`refuses every invalid one with 400 invalid_request and stores nothing (${RUNS} cases, seed ${SEED})`, async () => {
    const before = stored();
    await fc.assert(
      fc.asyncProperty(mutated(route.valid), async (payload) => {
        const text = JSON.stringify(payload);
        fc.pre(text !== undefined && !route.schema.safeParse(JSON.parse(text)).success);
        expectRefused(await send(route, text));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(stored()).toBe(before);
  });

  it(`refuses text that is not JSON the same way (${RUNS} cases)`, async () => {
    const before = stored();
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (text) => {
        fc.pre(!isJson(text));
        expectRefused(await send(route, text));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(stored()).toBe(before);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

it("the server still serves", async () => {
  const res = await fetch(`${b.url}/api/auth/me`, { headers: { authorization: `Bearer ${api}` } });
  expect(res.status).toBe(200);
});
