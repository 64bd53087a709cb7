import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { LOOKS, Role } from "../../core/protocol";

/** How long a seat token lets someone come back (a long evening session and then some), ms. */
export const SEAT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

const claimsSchema = z.strictObject({
  /** join code of the circle */
  c: z.string().max(32),
  /** opaque seat id (random; the same across reconnections and a moved circle) */
  s: z.string().min(8).max(64),
  /** seat number around the circle */
  n: z.number().int().min(0).max(255),
  r: z.enum([Role.facilitator, Role.cofacilitator, Role.participant]),
  /** pseudonym and look: carried by the person, never kept by the server */
  p: z.string().max(64),
  l: z.enum(LOOKS),
  /** issued at, epoch ms */
  t: z.number().int(),
});
export type SeatClaims = z.infer<typeof claimsSchema>;

/** A fresh opaque seat id. */
export const newSeatId = (): string => randomBytes(12).toString("base64url");

/**
 * Signed seat tokens: `base64url(JSON claims).base64url(HMAC-SHA256)`, keyed from the server secret
 * (every process of a deployment shares it). They let a person come back into the same seat and
 * role after their circle moved to another process, with no pseudonym stored anywhere server-side.
 */
export class SeatTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, so a seat token can never pass as a facilitator JWT or the reverse.
    this.key = createHmac("sha256", secret).update("breathing-room seat token v1").digest();
  }

  sign(claims: Omit<SeatClaims, "t">, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ ...claims, t: now })).toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a genuine, unexpired token for circle `code`; undefined otherwise. */
  verify(token: string | undefined, code: string, now = Date.now()): SeatClaims | undefined {
    if (!token || token.length > 1024) return undefined;
    const [body, mac] = token.split(".");
    if (!body || !mac) return undefined;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success || parsed.data.c !== code) return undefined;
    if (parsed.data.t > now + 60_000 || now - parsed.data.t > SEAT_TOKEN_TTL_MS) return undefined;
    return parsed.data;
  }

  private mac(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}
