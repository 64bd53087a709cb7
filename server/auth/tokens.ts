import { SignJWT, errors, jwtVerify } from "jose";
import { ROOM_TOKEN_TTL_SECONDS } from "../../core/protocol";

/** How long a facilitator's API token lasts, seconds (12 h: a working day of sessions). */
export const TOKEN_TTL_SECONDS = 12 * 60 * 60;
export { ROOM_TOKEN_TTL_SECONDS };

/** Shortest JWT_SECRET accepted (HS256 wants at least 256 bits of key). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Two kinds of token, told apart by their audience so neither works in the other's place:
 * - `api`: the facilitator's sign-in for /api (12 h), sent as an Authorization header;
 * - `room`: minutes-long, from `POST /api/auth/room-token`, for joining a circle as its facilitator.
 *   The Colyseus SDK puts its auth token in the WebSocket URL, where proxies and logs may keep it;
 *   a room token found there is worthless within minutes and cannot call the API.
 */
export type TokenKind = "api" | "room";
const AUDIENCE: Record<TokenKind, string> = { api: "breathing-room", room: "breathing-room:room" };

export interface TokenClaims {
  /** facilitator id */
  sub: string;
  admin: boolean;
  /** the facilitator's token version when issued (see FacilitatorRepo.revokeTokens) */
  v: number;
}

/** What a token is issued for (`v` defaults to 0, a new account's version). */
export type TokenInput = Omit<TokenClaims, "v"> & { v?: number };

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "expired" | "invalid" };

/** Signs and checks facilitator JWTs (HS256). */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    this.key = new TextEncoder().encode(secret);
  }

  /** Issue a token; `ttlSeconds` is for tests of expiry. */
  async issue(claims: TokenInput, ttlSeconds?: number, kind: TokenKind = "api"): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const ttl = ttlSeconds ?? (kind === "api" ? TOKEN_TTL_SECONDS : ROOM_TOKEN_TTL_SECONDS);
    return new SignJWT({ admin: claims.admin, v: claims.v ?? 0 })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setAudience(AUDIENCE[kind])
      .sign(this.key);
  }

  /** A room token (see TokenKind); `ttlSeconds` is for tests of expiry. */
  issueRoom(claims: TokenInput, ttlSeconds?: number): Promise<string> {
    return this.issue(claims, ttlSeconds, "room");
  }

  async verify(token: string | undefined | null, kind: TokenKind = "api"): Promise<TokenCheck> {
    if (!token || token.length > 4096) return { ok: false, reason: "invalid" };
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"], audience: AUDIENCE[kind] });
      if (typeof payload.sub !== "string") return { ok: false, reason: "invalid" };
      // Tokens from before versions existed carry none: version 0, valid until the first sign-out.
      const v = payload.v === undefined ? 0 : payload.v;
      if (typeof v !== "number" || !Number.isInteger(v)) return { ok: false, reason: "invalid" };
      return { ok: true, claims: { sub: payload.sub, admin: payload.admin === true, v } };
    } catch (e) {
      return { ok: false, reason: e instanceof errors.JWTExpired ? "expired" : "invalid" };
    }
  }
}
