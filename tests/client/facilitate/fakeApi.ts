import { vi } from "vitest";
import type { AggregateResponse, FacilitatorView, InviteView, SessionView } from "../../../core/protocol/http";

/** One request the page made, as the server would see it. */
export interface Seen {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

/** A forced answer for the next matching request: an API error (with optional Retry-After) or a failure on the way. */
export type Forced = { status: number; error?: string; message?: string; retryAfter?: string; raw?: string } | "network";

/** A JWT-shaped token whose payload carries `exp` (seconds), as the server's are. */
export function jwt(exp = Math.floor(Date.now() / 1000) + 12 * 3600, sub = "f1"): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${b64({ alg: "HS256" })}.${b64({ sub, exp })}.signature`;
}

export function sessionFixture(over: Partial<SessionView> = {}): SessionView {
  const id = over.id ?? "s1";
  const code = over.code ?? "K7P-M2Q-XW9";
  return {
    id,
    code,
    link: `/room/${code}`,
    title: "Tuesday circle",
    environment: "forest",
    capacity: 12,
    scheduledAt: null,
    status: "scheduled",
    createdAt: Date.UTC(2026, 0, 5),
    endedAt: null,
    ...over,
  };
}

/**
 * A small in-memory stand-in for the HTTP API (docs/PROTOCOL.md), installed as `fetch`. It keeps
 * sessions, records every request, and can be told to fail the next matching request.
 */
export function installFakeApi(
  options: { facilitator?: FacilitatorView; sessions?: SessionView[]; aggregates?: Record<string, AggregateResponse>; invites?: InviteView[] } = {},
) {
  const facilitator = options.facilitator ?? { id: "f1", email: "robin@example.org", isAdmin: true };
  const sessions = [...(options.sessions ?? [])];
  const aggregates = options.aggregates ?? {};
  const invites = [...(options.invites ?? [])];
  const seen: Seen[] = [];
  const forced: Array<{ match: string; answer: Forced }> = [];
  let nextCode = 0;
  const token = jwt();

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(body === null ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
  const error = (status: number, code: string, message = code) => json(status, { error: code, message });

  const route = (method: string, path: string, body: unknown): Response => {
    const key = `${method} ${path}`;
    if (key === "POST /api/auth/signup" || key === "POST /api/auth/signin") {
      return json(method === "POST" && path.endsWith("signup") ? 201 : 200, { token, facilitator });
    }
    if (key === "GET /api/auth/me") return json(200, { facilitator });
    if (key === "POST /api/auth/signout") return new Response(null, { status: 204 });
    if (key === "POST /api/invites") {
      const id = `hash${invites.length + 1}`;
      const expiresAt = Date.now() + 7 * 24 * 3600_000;
      invites.unshift({ id, email: (body as { email?: string }).email ?? null, createdAt: Date.now(), expiresAt, usedAt: null });
      return json(201, { id, invite: "inv_abc-123", expiresAt });
    }
    if (key === "GET /api/invites") return json(200, { invites });
    const invite = /^\/api\/invites\/(.+)$/.exec(path);
    if (invite && method === "DELETE") {
      const i = invites.findIndex((x) => x.id === decodeURIComponent(invite[1]!));
      if (i < 0) return error(404, "not_found");
      if (invites[i]!.usedAt !== null) return error(409, "conflict");
      invites.splice(i, 1);
      return new Response(null, { status: 204 });
    }
    if (key === "GET /api/sessions") return json(200, { sessions });
    if (key === "POST /api/sessions") {
      const b = body as Partial<SessionView>;
      const s = sessionFixture({ id: `new${++nextCode}`, code: `N${nextCode}P-M2Q-XW9`, createdAt: Date.now(), scheduledAt: null, ...b });
      sessions.unshift(s);
      return json(201, s);
    }
    const m = /^\/api\/sessions\/([^/]+)(?:\/(cancel|aggregate))?$/.exec(path);
    const s = m && sessions.find((x) => x.id === decodeURIComponent(m[1]!));
    if (!m || !s) return error(404, "not_found");
    if (method === "PATCH") {
      Object.assign(s, body);
      return json(200, s);
    }
    if (m[2] === "cancel") {
      Object.assign(s, { status: "cancelled", endedAt: Date.now() });
      return json(200, s);
    }
    if (m[2] === "aggregate") return json(200, aggregates[s.id] ?? { available: false, minimum: 5 });
    return error(404, "not_found");
  };

  const fetch = vi.fn(async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), "http://localhost");
    const method = init.method ?? "GET";
    const headers = new Headers(init.headers);
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    seen.push({ method, path: url.pathname, auth: headers.get("authorization"), body });
    const i = forced.findIndex((f) => `${method} ${url.pathname}`.startsWith(f.match) || url.pathname.startsWith(f.match));
    if (i >= 0) {
      const answer = forced.splice(i, 1)[0]!.answer;
      if (answer === "network") throw new TypeError("Failed to fetch");
      const extra: Record<string, string> = answer.retryAfter ? { "retry-after": answer.retryAfter } : {};
      if (answer.raw !== undefined) return new Response(answer.raw, { status: answer.status, headers: extra });
      return json(answer.status, { error: answer.error, message: answer.message ?? answer.error }, extra);
    }
    return route(method, url.pathname, body);
  });
  vi.stubGlobal("fetch", fetch);

  return {
    token,
    facilitator,
    sessions,
    invites,
    seen,
    /** the requests made to `method path` */
    requests: (method: string, path: string) => seen.filter((r) => r.method === method && r.path === path),
    /** answer the next request whose "METHOD /path" (or path) starts with `match` with `answer` */
    fail: (match: string, answer: Forced) => forced.push({ match, answer }),
  };
}
