import type { z } from "zod";
import {
  ApiErrorCode,
  aggregateResponse,
  apiErrorBody,
  authResponse,
  inviteResponse,
  invitesResponse,
  meResponse,
  sessionView,
  sessionsResponse,
  type AggregateResponse,
  type AuthResponse,
  type CreateSessionBody,
  type InviteBody,
  type InviteResponse,
  type InviteView,
  type MeResponse,
  type SessionView,
  type SignInBody,
  type SignUpBody,
  type UpdateSessionBody,
} from "../../core/protocol/http";

/** Why a call failed: an API error code, or what went wrong on the way. */
export type FailureCode = ApiErrorCode | "internal" | "network" | "unexpected";

const KNOWN = new Set<string>(Object.values(ApiErrorCode));

/** A refused or failed API call. `retryAfterSeconds` is set for 429 (the server's Retry-After). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** Retry-After as seconds (it may be a number of seconds or an HTTP date). */
function retryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function failureOf(res: Response): Promise<ApiFailure> {
  const body = apiErrorBody.safeParse(await res.json().catch(() => null));
  const code: FailureCode = body.success && KNOWN.has(body.data.error) ? (body.data.error as ApiErrorCode) : res.status >= 500 ? "internal" : "unexpected";
  return new ApiFailure(res.status, code, body.success ? body.data.message : res.statusText, retryAfter(res.headers.get("retry-after")));
}

async function call<S extends z.ZodType | null>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  answer: S,
  options: { token?: string; body?: unknown } = {},
): Promise<S extends z.ZodType ? z.infer<S> : void> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), cache: "no-store" });
  } catch (e) {
    throw new ApiFailure(0, "network", e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw await failureOf(res);
  if (answer === null) return undefined as never;
  const parsed = answer.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new ApiFailure(res.status, "unexpected", "the answer did not have the expected shape");
  return parsed.data as never;
}

const id = (sessionId: string) => encodeURIComponent(sessionId);

/** The facilitator API (docs/PROTOCOL.md, "HTTP API"), typed by core/protocol/http. Every call rejects with ApiFailure. */
export const api = {
  signUp: (body: SignUpBody): Promise<AuthResponse> => call("POST", "/auth/signup", authResponse, { body }),
  signIn: (body: SignInBody): Promise<AuthResponse> => call("POST", "/auth/signin", authResponse, { body }),
  me: (token: string): Promise<MeResponse> => call("GET", "/auth/me", meResponse, { token }),
  /** Revokes this and every earlier token of the facilitator (204). */
  signOut: (token: string): Promise<void> => call("POST", "/auth/signout", null, { token }),
  createInvite: (token: string, body: InviteBody): Promise<InviteResponse> => call("POST", "/invites", inviteResponse, { token, body: body ?? {} }),
  invites: (token: string): Promise<InviteView[]> => call("GET", "/invites", invitesResponse, { token }).then((r) => r.invites),
  /** Withdraw an unused invite (204). */
  withdrawInvite: (token: string, inviteId: string): Promise<void> => call("DELETE", `/invites/${encodeURIComponent(inviteId)}`, null, { token }),
  sessions: (token: string): Promise<SessionView[]> => call("GET", "/sessions", sessionsResponse, { token }).then((r) => r.sessions),
  createSession: (token: string, body: CreateSessionBody): Promise<SessionView> => call("POST", "/sessions", sessionView, { token, body }),
  updateSession: (token: string, sessionId: string, body: UpdateSessionBody): Promise<SessionView> =>
    call("PATCH", `/sessions/${id(sessionId)}`, sessionView, { token, body }),
  cancelSession: (token: string, sessionId: string): Promise<SessionView> => call("POST", `/sessions/${id(sessionId)}/cancel`, sessionView, { token }),
  aggregate: (token: string, sessionId: string): Promise<AggregateResponse> => call("GET", `/sessions/${id(sessionId)}/aggregate`, aggregateResponse, { token }),
};
