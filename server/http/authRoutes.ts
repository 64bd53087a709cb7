import { createHash, randomBytes, randomUUID } from "node:crypto";
import express, { type Request } from "express";
import { DUMMY_HASH_PROMISE, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { AttemptLimiter } from "../auth/attemptLimiter";
import type { TokenService } from "../auth/tokens";
import {
  INVITE_LIST_DAYS,
  ROOM_TOKEN_TTL_SECONDS,
  inviteBody,
  signInBody,
  signUpBody,
  type AuthResponse,
  type FacilitatorView,
  type InviteResponse,
  type InvitesResponse,
  type InviteView,
  type MeResponse,
  type RoomTokenResponse,
} from "../../core/protocol";
import { EmailTakenError, type Invite, type Store } from "../store/types";
import { ApiError, ApiErrorCode, handle, parse } from "./ApiError";
import { addressOf } from "./clientAddress";
import type { LiveRoomHooks } from "./sessionRoutes";
import { facilitatorOf, requireFacilitator } from "./requireFacilitator";

/** How long an invite stays valid, ms. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashInvite = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Create an invite; returns the one-time token (only its hash is stored). */
export function createInvite(store: Store, createdBy: string | null, forEmail: string | null): InviteResponse {
  const invite = randomBytes(16).toString("base64url");
  const now = Date.now();
  const tokenHash = hashInvite(invite);
  store.invites.create({
    tokenHash,
    email: forEmail,
    createdBy,
    createdAt: now,
    expiresAt: now + INVITE_TTL_MS,
    usedAt: null,
  });
  return { id: tokenHash, invite, expiresAt: now + INVITE_TTL_MS };
}

const inviteView = (i: Invite): InviteView => ({ id: i.tokenHash, email: i.email, createdAt: i.createdAt, expiresAt: i.expiresAt, usedAt: i.usedAt });

/**
 * /api/auth/signup, /api/auth/signin, /api/auth/me and /api/invites (admins: create, list, withdraw).
 * Sign-in failures are limited per email and per IP (in memory).
 */
export function authRoutes(store: Store, tokens: TokenService, circles: Pick<LiveRoomHooks, "signedOut">): express.Router {
  const router = express.Router();
  const byEmail = new AttemptLimiter(5, 15 * 60_000);
  const byIp = new AttemptLimiter(30, 15 * 60_000);
  // Every sign-up attempt counts (each valid one costs a scrypt hash).
  const signUpsByIp = new AttemptLimiter(20, 15 * 60_000);
  // The socket's address, or a trusted proxy's X-Forwarded-For (TRUST_PROXY; see clientAddress.ts).
  const ipOf = (req: Request) => addressOf(req);

  const issue = async (f: FacilitatorView & { tokenVersion: number }): Promise<AuthResponse> => ({
    token: await tokens.issue({ sub: f.id, admin: f.isAdmin, v: f.tokenVersion }),
    facilitator: { id: f.id, email: f.email, isAdmin: f.isAdmin },
  });

  router.post(
    "/auth/signup",
    handle(async (req, res) => {
      const body = parse(signUpBody, req.body);
      const ip = ipOf(req);
      const wait = signUpsByIp.take(ip);
      if (wait > 0) {
        throw new ApiError(429, ApiErrorCode.tooManyAttempts, "too many sign-ups from here; try again later", {
          "Retry-After": String(Math.ceil(wait / 1000)),
        });
      }
      const now = Date.now();
      // First account on a fresh install becomes the admin; afterwards an unused, unexpired invite is needed.
      // Checked before hashing, so a sign-up without a valid invite costs no scrypt work; checked
      // again inside the transaction, because the hash takes a while.
      const inviteProblem = (): ApiError | null => {
        if (store.facilitators.count() === 0) return null;
        if (!body.invite) return new ApiError(403, ApiErrorCode.inviteRequired, "sign-up needs an invite from an admin");
        const invite = store.invites.byTokenHash(hashInvite(body.invite));
        if (!invite || invite.usedAt !== null || invite.expiresAt < now || (invite.email && invite.email !== body.email)) {
          return new ApiError(403, ApiErrorCode.inviteInvalid, "this invite is unknown, used, expired or for another email");
        }
        if (store.facilitators.byEmail(body.email)) return new ApiError(409, ApiErrorCode.emailTaken, "an account with this email exists");
        return null;
      };
      const early = inviteProblem();
      if (early) throw early;
      const passwordHash = await hashPassword(body.password);
      const id = randomUUID();
      const isAdmin = store.transaction(() => {
        const problem = inviteProblem();
        if (problem) throw problem;
        const first = store.facilitators.count() === 0;
        try {
          store.facilitators.create({ id, email: body.email, passwordHash, isAdmin: first, createdAt: now });
        } catch (e) {
          if (e instanceof EmailTakenError) throw new ApiError(409, ApiErrorCode.emailTaken, "an account with this email exists");
          throw e;
        }
        if (!first) store.invites.markUsed(hashInvite(body.invite!), now);
        return first;
      });
      res.status(201).json(await issue({ id, email: body.email, isAdmin, tokenVersion: 0 }));
    }),
  );

  router.post(
    "/auth/signin",
    handle(async (req, res) => {
      const body = parse(signInBody, req.body);
      const ip = ipOf(req);
      // Each attempt is counted as a failure before the password is hashed (and given back if it was
      // right): attempts sent together cannot all pass the check while the first ones are hashing.
      const wait = Math.max(byEmail.retryAfter(body.email), byIp.retryAfter(ip));
      if (wait > 0) {
        throw new ApiError(429, ApiErrorCode.tooManyAttempts, "too many sign-in attempts; try again later", {
          "Retry-After": String(Math.ceil(wait / 1000)),
        });
      }
      byEmail.fail(body.email);
      byIp.fail(ip);
      const f = store.facilitators.byEmail(body.email);
      const ok = await verifyPassword(body.password, f?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!f || !ok) throw new ApiError(401, ApiErrorCode.wrongCredentials, "wrong email or password");
      byEmail.reset(body.email);
      byIp.refund(ip);
      // Hashes made with older, cheaper parameters are upgraded now that the password is at hand.
      if (needsRehash(f.passwordHash)) store.facilitators.setPasswordHash(f.id, await hashPassword(body.password));
      res.json(await issue(f));
    }),
  );

  router.get(
    "/auth/me",
    requireFacilitator(store, tokens),
    handle((_req, res) => {
      const f = facilitatorOf(res.locals);
      res.json({ facilitator: { id: f.id, email: f.email, isAdmin: f.isAdmin } } satisfies MeResponse);
    }),
  );

  // Sign out everywhere: this token and every other one issued before (API and room tokens) stop
  // working, and the facilitator's seat in each of their open circles ends (in any process).
  router.post(
    "/auth/signout",
    requireFacilitator(store, tokens),
    handle((_req, res) => {
      const f = facilitatorOf(res.locals);
      store.facilitators.revokeTokens(f.id);
      for (const s of store.sessions.listFor(f.id)) if (s.status === "scheduled") circles.signedOut(s.code);
      res.status(204).end();
    }),
  );

  // A minutes-long token for joining one's own circles (see TokenKind in server/auth/tokens).
  router.post(
    "/auth/room-token",
    requireFacilitator(store, tokens),
    handle(async (_req, res) => {
      const f = facilitatorOf(res.locals);
      const token = await tokens.issueRoom({ sub: f.id, admin: f.isAdmin, v: f.tokenVersion });
      res.json({ token, expiresAt: Date.now() + ROOM_TOKEN_TTL_SECONDS * 1000 } satisfies RoomTokenResponse);
    }),
  );

  const admin = (locals: Record<string, unknown>) => {
    const f = facilitatorOf(locals);
    if (!f.isAdmin) throw new ApiError(403, ApiErrorCode.forbidden, "only an admin can invite");
    return f;
  };

  router.post(
    "/invites",
    requireFacilitator(store, tokens),
    handle((req, res) => {
      const f = admin(res.locals);
      const body = parse(inviteBody, req.body);
      res.status(201).json(createInvite(store, f.id, body?.email ?? null));
    }),
  );

  // Every admin sees every invite of the install (not the invites themselves: only hashes are kept).
  router.get(
    "/invites",
    requireFacilitator(store, tokens),
    handle((_req, res) => {
      admin(res.locals);
      const since = Date.now() - INVITE_LIST_DAYS * 24 * 60 * 60 * 1000;
      res.json({ invites: store.invites.listSince(since).map(inviteView) } satisfies InvitesResponse);
    }),
  );

  router.delete(
    "/invites/:id",
    requireFacilitator(store, tokens),
    handle((req, res) => {
      admin(res.locals);
      const id = typeof req.params.id === "string" && /^[0-9a-f]{64}$/.test(req.params.id) ? req.params.id : "";
      const invite = id ? store.invites.byTokenHash(id) : undefined;
      if (!invite) throw new ApiError(404, ApiErrorCode.notFound, "no such invite");
      if (!store.invites.withdraw(id)) throw new ApiError(409, ApiErrorCode.conflict, "this invite has been used");
      res.status(204).end();
    }),
  );

  return router;
}
