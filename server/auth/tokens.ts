import { SignJWT, errors, jwtVerify } from "jose";

/** How long a facilitator token lasts, seconds (12 h: a working day of sessions). */
export const TOKEN_TTL_SECONDS = 12 * 60 * 60;

export interface TokenClaims {
  /** facilitator id */
  sub: string;
  admin: boolean;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "expired" | "invalid" };

/** Signs and checks facilitator JWTs (HS256). */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Issue a token; `ttlSeconds` is for tests of expiry. */
  async issue(claims: TokenClaims, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ admin: claims.admin })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .setAudience("breathing-room")
      .sign(this.key);
  }

  async verify(token: string | undefined | null): Promise<TokenCheck> {
    if (!token || token.length > 4096) return { ok: false, reason: "invalid" };
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"], audience: "breathing-room" });
      if (typeof payload.sub !== "string") return { ok: false, reason: "invalid" };
      return { ok: true, claims: { sub: payload.sub, admin: payload.admin === true } };
    } catch (e) {
      return { ok: false, reason: e instanceof errors.JWTExpired ? "expired" : "invalid" };
    }
  }
}
