import { z } from "zod";
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_IDS } from "../environments";
import { DEFAULT_CAPACITY, MAX_CAPACITY, MAX_TITLE_LENGTH } from "./rules";

/**
 * The HTTP API's request and response shapes (docs/PROTOCOL.md, "HTTP API"): the server parses
 * request bodies with these schemas, and the facilitator pages validate forms and read answers with
 * the same ones, so both sides agree on every field.
 */

/** The `error` field of every non-2xx JSON body. */
export const ApiErrorCode = {
  invalidRequest: "invalid_request",
  emailTaken: "email_taken",
  inviteRequired: "invite_required",
  inviteInvalid: "invite_invalid",
  wrongCredentials: "wrong_credentials",
  tooManyAttempts: "too_many_attempts",
  unauthenticated: "unauthenticated",
  tokenExpired: "token_expired",
  forbidden: "forbidden",
  notFound: "not_found",
  sessionEnded: "session_ended",
  conflict: "conflict",
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** Every non-2xx answer: a code from ApiErrorCode (or "internal" for a 500) and a short English message. */
export const apiErrorBody = z.object({ error: z.string(), message: z.string() });
export type ApiErrorBody = z.infer<typeof apiErrorBody>;

// ── Accounts ──────────────────────────────────────────────────────────────────

/** Shortest password a new account may have, characters. */
export const PASSWORD_MIN_LENGTH = 10;
/** Longest password, characters (scrypt cost stays bounded). */
export const PASSWORD_MAX_LENGTH = 200;

/** An email, trimmed and lower-cased (so sign-in does not depend on how it was typed). */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const signUpBody = z.strictObject({ email: emailSchema, password: newPasswordSchema, invite: z.string().max(100).optional() });
export type SignUpBody = z.input<typeof signUpBody>;
export const signInBody = z.strictObject({ email: emailSchema, password: z.string().max(PASSWORD_MAX_LENGTH) });
export type SignInBody = z.input<typeof signInBody>;
/** `POST /api/invites`: optionally only for one email. */
export const inviteBody = z.strictObject({ email: emailSchema.optional() }).optional();
export type InviteBody = z.input<typeof inviteBody>;

export const facilitatorView = z.object({ id: z.string(), email: z.string(), isAdmin: z.boolean() });
export type FacilitatorView = z.infer<typeof facilitatorView>;
/** Sign-up (201) and sign-in (200). */
export const authResponse = z.object({ token: z.string(), facilitator: facilitatorView });
export type AuthResponse = z.infer<typeof authResponse>;
/** `GET /api/auth/me`. */
/** How long a room token lasts, seconds: long enough to join, short enough not to matter if an URL leaks. */
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

/** `POST /api/auth/room-token`: a minutes-long token for joining one's circles (the SDK's `auth.token`). */
export const roomTokenResponse = z.object({ token: z.string(), expiresAt: z.number() });
export type RoomTokenResponse = z.infer<typeof roomTokenResponse>;

export const meResponse = z.object({ facilitator: facilitatorView });
export type MeResponse = z.infer<typeof meResponse>;
/** `POST /api/invites` (201): the invite is shown this once; `id` names it in the list; expiresAt in epoch ms. */
export const inviteResponse = z.object({ id: z.string(), invite: z.string(), expiresAt: z.number() });
export type InviteResponse = z.infer<typeof inviteResponse>;

/** How far back an admin's list of invites reaches, days. */
export const INVITE_LIST_DAYS = 30;
/** An invite as an admin's list shows it: never the invite itself (only its hash is stored). Times in epoch ms. */
export const inviteView = z.object({
  /** the stored hash of the invite; `DELETE /api/invites/:id` withdraws it */
  id: z.string(),
  /** only this email may use it; null: anyone with the invite */
  email: z.string().nullable(),
  createdAt: z.number(),
  expiresAt: z.number(),
  usedAt: z.number().nullable(),
});
export type InviteView = z.infer<typeof inviteView>;
/** `GET /api/invites`: invites of the last INVITE_LIST_DAYS, newest first. */
export const invitesResponse = z.object({ invites: z.array(inviteView) });
export type InvitesResponse = z.infer<typeof invitesResponse>;

// ── Sessions ──────────────────────────────────────────────────────────────────

/** A stored session's lifecycle (the live room has its own status: waiting / open / ended). */
export const SESSION_STATES = ["scheduled", "ended", "cancelled"] as const;
export type SessionState = (typeof SESSION_STATES)[number];

const title = z.string().trim().min(1).max(MAX_TITLE_LENGTH);
const environment = z.enum(ENVIRONMENT_IDS);
const capacity = z.number().int().min(1).max(MAX_CAPACITY);
/** How far ahead a session may be scheduled: its code works until a day after its time. */
export const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;
/**
 * How far in the past a newly set time may be, ms: a session starting now, with the browser's clock a
 * little behind. Earlier than that is a typo (a session set to yesterday would end at once, its code
 * dead); a time already set may pass unchanged (a session running late).
 */
export const SCHEDULE_PAST_GRACE_MS = 10 * 60 * 1000;
/** epoch ms, at most a year from now (a time years away would keep its code open that long); null clears it */
const scheduledAt = z
  .number()
  .int()
  .min(0)
  .refine((at) => at <= Date.now() + MAX_SCHEDULE_AHEAD_MS, { message: "at most a year ahead" })
  .nullable();

export const createSessionBody = z.strictObject({
  title,
  environment: environment.default(DEFAULT_ENVIRONMENT),
  capacity: capacity.default(DEFAULT_CAPACITY),
  scheduledAt: scheduledAt.optional(),
});
export type CreateSessionBody = z.input<typeof createSessionBody>;
export const updateSessionBody = z.strictObject({
  title: title.optional(),
  environment: environment.optional(),
  capacity: capacity.optional(),
  scheduledAt: scheduledAt.optional(),
});
export type UpdateSessionBody = z.input<typeof updateSessionBody>;

/** A session as its facilitator sees it (`Session` in docs/PROTOCOL.md). Times in epoch ms. */
export const sessionView = z.object({
  id: z.string(),
  /** canonical XXX-XXX-XXX */
  code: z.string(),
  /** /room/<code> */
  link: z.string(),
  title: z.string(),
  environment: z.string(),
  capacity: z.number(),
  scheduledAt: z.number().nullable(),
  status: z.enum(SESSION_STATES),
  createdAt: z.number(),
  endedAt: z.number().nullable(),
});
export type SessionView = z.infer<typeof sessionView>;
/** `GET /api/sessions`: own sessions, newest first. */
export const sessionsResponse = z.object({ sessions: z.array(sessionView) });
export type SessionsResponse = z.infer<typeof sessionsResponse>;

/** `GET /api/sessions/:id/aggregate`: figures only once the session is over and enough people answered. */
export const aggregateResponse = z.discriminatedUnion("available", [
  z.object({ available: z.literal(true), n: z.number(), meanBefore: z.number().nullable(), meanAfter: z.number().nullable() }),
  z.object({ available: z.literal(false), minimum: z.number() }),
]);
export type AggregateResponse = z.infer<typeof aggregateResponse>;

/** `GET /api/join/:code`: what a person about to join sees before the agreement. */
export const joinInfoResponse = z.object({
  code: z.string(),
  title: z.string(),
  environment: z.string(),
  scheduledAt: z.number().nullable(),
});
export type JoinInfoResponse = z.infer<typeof joinInfoResponse>;
