import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorBody, createSessionBody, inviteBody, signInBody, signUpBody, updateSessionBody } from "../../core/protocol";
import { bootApp, facilitator, session, type Booted } from "./harness";

/**
 * Generated HTTP bodies and path parameters (fast-check), not hand-picked ones: for every API route that reads a body,
 * bodies near a valid one (a field dropped, added or given a wrong value, wrapped, nested) and wholly
 * arbitrary JSON or text. Each invalid one is answered 400 `invalid_request` as JSON `{ error, message }`
 * with no trace or path in it, stores nothing, and the server keeps serving. For every route with a path
 * parameter (GET, POST, PATCH, DELETE), generated parameters (any text, percent-escapes broken or not,
 * long ones, someone else's session): a JSON 404 (400 for a malformed escape), nothing changed, no
 * session ended or cancelled, no invite withdrawn. Same seed and knob as
 * fuzz.test.ts (FUZZ_SEED, FUZZ_RUNS).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3) * 10;

let b: Booted;
let api = "";
let adminApi = "";
let owner = "";
let sessionId = "";
let othersSessionId = "";
let inviteHash = "";
beforeAll(async () => {
  // Behind a trusted proxy (loopback), so each generated join code can come from an address of its own:
  // otherwise the per-address limit on unknown codes answers 429 after 20 and the look-up goes untried.
  b = await bootApp({ trustProxy: ["127.0.0.1", "::1"] });
  const f = await facilitator(b);
  api = f.apiToken;
  owner = f.id;
  sessionId = session(b, f.id).id;
  const adminId = randomUUID();
  b.app.store.facilitators.create({ id: adminId, email: "admin@example.org", passwordHash: "x", isAdmin: true, createdAt: Date.now() });
  adminApi = await b.app.tokens.issue({ sub: adminId, admin: true });
  othersSessionId = session(b, adminId).id;
  inviteHash = "ab".repeat(32);
  b.app.store.invites.create({ tokenHash: inviteHash, createdBy: adminId, email: null, createdAt: Date.now(), expiresAt: Date.now() + 86_400_000, usedAt: null });
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
    invites: b.app.store.invites.listSince(0),
    others: b.app.store.sessions.byId(othersSessionId),
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

/** A path parameter as a client could send it: escaped text, raw characters (broken escapes too), or near a real id. */
const pathParam = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }).map(encodeURIComponent),
  fc.string({ unit: fc.constantFrom(..."aZ09%._~-!$&'()*+,;=:@"), minLength: 1, maxLength: 60 }),
  fc.constantFrom("%", "%zz", "%00", "%2e%2e", "%2F", "..%2f..%2fetc", "%c0%ae", "%ff%fe", "null", "undefined", "__proto__", "constructor"),
  fc.integer({ min: 65, max: 3000 }).map((n) => "a".repeat(n)),
  fc.constantFrom(() => sessionId, () => othersSessionId, () => inviteHash).chain((id) =>
    fc.tuple(fc.constantFrom("", "%20", "%00", "x", "."), fc.constantFrom("", "%20", "0", "%2F")).map(([pre, post]) => `${pre}${id()}${post}`),
  ),
);

interface PathRoute {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (param: string) => string;
  token?: () => string;
  body?: unknown;
}

const PATH_ROUTES: Record<string, PathRoute> = {
  "GET /api/join/:code": { method: "GET", path: (p) => `/api/join/${p}` },
  "GET /api/sessions/:id": { method: "GET", path: (p) => `/api/sessions/${p}`, token: () => api },
  "PATCH /api/sessions/:id": { method: "PATCH", path: (p) => `/api/sessions/${p}`, token: () => api, body: { title: "Changed" } },
  "POST /api/sessions/:id/end": { method: "POST", path: (p) => `/api/sessions/${p}/end`, token: () => api },
  "POST /api/sessions/:id/cancel": { method: "POST", path: (p) => `/api/sessions/${p}/cancel`, token: () => api },
  "GET /api/sessions/:id/aggregate": { method: "GET", path: (p) => `/api/sessions/${p}/aggregate`, token: () => api },
  "DELETE /api/invites/:id": { method: "DELETE", path: (p) => `/api/invites/${p}`, token: () => adminApi },
};

let nextAddress = 0;

describe.each(Object.keys(PATH_ROUTES))("%s with generated path parameters", (name) => {
  const route = PATH_ROUTES[name]!;

  it(`answers each with a JSON 404 (400 for a broken escape) and changes nothing (${RUNS} cases, seed ${SEED})`, async () => {
    const before = stored();
    await fc.assert(
      fc.asyncProperty(pathParam, async (param) => {
        const path = route.path(param);
        // Only parameters that stay one path segment of this route once the URL is normalised (not empty, no ./..).
        fc.pre(param !== "" && new URL(path, b.url).pathname === path && param !== sessionId && param !== inviteHash);
        const n = nextAddress++;
        const res = await fetch(`${b.url}${path}`, {
          method: route.method,
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            ...(route.token ? { authorization: `Bearer ${route.token()}` } : {}),
          },
          body: route.body === undefined ? undefined : JSON.stringify(route.body),
        });
        const text = await res.text();
        expect([400, 404], `${res.status} ${text}`).toContain(res.status);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(apiErrorBody.parse(JSON.parse(text)).error).toBe(res.status === 404 ? "not_found" : "invalid_request");
        expect(text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|file:\/\//);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(stored()).toBe(before);
    expect(b.app.store.sessions.byId(sessionId)?.status).toBe("scheduled");
  });
});

it("the server still serves", async () => {
  const res = await fetch(`${b.url}/api/auth/me`, { headers: { authorization: `Bearer ${api}` } });
  expect(res.status).toBe(200);
});
