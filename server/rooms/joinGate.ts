import { ServerError } from "@colyseus/core";
import { AGREEMENT_VERSION } from "../../core/care";
import { JoinError, joinOptionsSchema, normalizeJoinCode, type JoinOptions } from "../../core/protocol";
import type { TokenService } from "../auth/tokens";
import { current } from "../http/sessionExpiry";
import type { CodeGuesses } from "../http/codeGuesses";
import type { SessionRow, Store } from "../store/types";

const tooManyGuesses = (waitMs: number) =>
  new ServerError(JoinError.TOO_MANY_ATTEMPTS, `too many unknown codes from this address; try again in ${Math.ceil(waitMs / 60_000)} min`);

/** What the room knows about who is joining. */
export interface JoinAuth {
  /** set when a valid facilitator token for this session's owner came with the join */
  facilitatorId: string | null;
}

/** The session behind a code, or the join error for it (expired sessions have ended). */
export function sessionForCode(store: Store, code: string): SessionRow {
  const row = store.sessions.byCode(code);
  if (!row) throw new ServerError(JoinError.UNKNOWN_CODE, "no circle has this code");
  const session = current(store, row);
  if (session.status !== "scheduled") throw new ServerError(JoinError.SESSION_ENDED, "this circle has ended");
  return session;
}

/** Where a join comes from, for the per-address limit on unknown codes. */
export interface JoinOrigin {
  /** the client's address (context.ip, set by requestGuard: the socket's, or a trusted proxy's X-Forwarded-For) */
  ip: string | undefined;
  guesses: CodeGuesses;
}

/**
 * Checks done before a seat is reserved (Colyseus' static onAuth, during the matchmaking request):
 * options shape, code, session status, the group agreement, and the facilitator's token.
 * Room-state checks (locked, full) happen in onJoin.
 */
export async function checkJoin(
  store: Store,
  tokens: TokenService,
  token: string | undefined,
  options: unknown,
  origin?: JoinOrigin,
): Promise<JoinAuth> {
  const parsed = joinOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ServerError(JoinError.INVALID_OPTIONS, "join options are malformed");
  const opts: JoinOptions = parsed.data;
  // Canonical codes only: matchmaking filters rooms by the exact string.
  if (normalizeJoinCode(opts.code) !== opts.code) {
    throw new ServerError(JoinError.INVALID_OPTIONS, "code must be in the form XXX-XXX-XXX (see normalizeJoinCode)");
  }
  const session = origin ? origin.guesses.lookUp(origin.ip ?? "unknown", () => sessionForCode(store, opts.code), tooManyGuesses) : sessionForCode(store, opts.code);
  if (token) {
    // Room tokens only (minutes-long, from POST /api/auth/room-token): the SDK sends this one in the URL.
    const check = await tokens.verify(token, "room");
    if (!check.ok) throw new ServerError(JoinError.BAD_TOKEN, check.reason === "expired" ? "sign-in expired" : "invalid token");
    const f = store.facilitators.byId(check.claims.sub);
    if (!f || f.tokenVersion !== check.claims.v) throw new ServerError(JoinError.BAD_TOKEN, "signed out");
    if (check.claims.sub !== session.facilitatorId) throw new ServerError(JoinError.NOT_YOUR_SESSION, "this is another facilitator's circle");
    return { facilitatorId: check.claims.sub };
  }
  if (opts.agreementVersion !== AGREEMENT_VERSION) {
    throw new ServerError(JoinError.AGREEMENT_REQUIRED, "please read and accept the group agreement first");
  }
  return { facilitatorId: null };
}
