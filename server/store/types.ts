import type { SessionState } from "../../core/protocol";

/**
 * The repository interface the server talks to. SQLite implements it today; another store
 * (e.g. Postgres) only has to implement these four small interfaces.
 *
 * What is never stored: participant pseudonyms, anything said or typed in a circle, IP addresses.
 */

export interface Facilitator {
  id: string;
  email: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: number;
  /** raised by signing out: tokens carry the version they were issued at, and older ones are refused */
  tokenVersion: number;
}

/** A new account (its token version starts at 0). */
export type NewFacilitator = Omit<Facilitator, "tokenVersion">;

export interface FacilitatorRepo {
  count(): number;
  byEmail(email: string): Facilitator | undefined;
  byId(id: string): Facilitator | undefined;
  /** Throws EmailTakenError if the email exists. */
  create(f: NewFacilitator): void;
  /** Replace the stored password hash (a re-hash with today's parameters). */
  setPasswordHash(id: string, passwordHash: string): void;
  /** Raise the token version (sign-out): every token issued before stops working. */
  revokeTokens(id: string): void;
}

/** A stored session's lifecycle (the HTTP API's `status`). */
export type SessionStatus = SessionState;

export interface SessionRow {
  id: string;
  facilitatorId: string;
  /** canonical XXX-XXX-XXX */
  code: string;
  title: string;
  environment: string;
  capacity: number;
  /** epoch ms, or null */
  scheduledAt: number | null;
  status: SessionStatus;
  createdAt: number;
  endedAt: number | null;
  /**
   * Newcomers wait in the waiting area until a facilitator admits them (on unless turned off in
   * the room; removing someone turns it back on). Always read back; a new row starts with it on.
   */
  admission?: boolean;
}

export interface SessionRepo {
  create(s: SessionRow): void;
  byId(id: string): SessionRow | undefined;
  byCode(code: string): SessionRow | undefined;
  listFor(facilitatorId: string): SessionRow[];
  update(id: string, changes: Partial<Pick<SessionRow, "title" | "environment" | "capacity" | "scheduledAt" | "admission">>): void;
  setStatus(id: string, status: SessionStatus, endedAt: number | null): void;
}

/**
 * Check-in counts and sums of one circle's answers (values 0–10, so sums are integers). What a room
 * hands to the store when it closes; never who answered or what any one person answered.
 */
export interface CheckInTotals {
  countBefore: number;
  sumBefore: number;
  countAfter: number;
  sumAfter: number;
}

/** Check-in aggregate of one session: no individual answers, no identities. */
export interface Aggregate {
  sessionId: string;
  /** people who answered both before and after (min of the two counts) */
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
}

export interface AggregateRepo {
  /**
   * Add one room's totals to the session's running counts and sums (atomically), and derive n and
   * the means from them. A session's circle may close and open again several times before it ends;
   * each room adds what it counted exactly once.
   */
  add(sessionId: string, totals: CheckInTotals): void;
  get(sessionId: string): Aggregate | undefined;
}

export interface Invite {
  /** sha-256 of the invite token (the token itself is shown once, never stored) */
  tokenHash: string;
  /** if set, only this email may use it */
  email: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface InviteRepo {
  create(i: Invite): void;
  byTokenHash(hash: string): Invite | undefined;
  /** Mark used; returns false if it was already used. */
  markUsed(hash: string, at: number): boolean;
  /** Invites created at or after `since` (epoch ms), newest first (at most 200). */
  listSince(since: number): Invite[];
  /** Delete an invite that was not used; false if it is unknown or already used. */
  withdraw(hash: string): boolean;
}

/**
 * The last saved state of running circles, by join code, so a circle outlives its process (see
 * server/cluster/CircleSnapshot): opaque JSON holding no pseudonym and nothing anyone said.
 * Used when no Redis is configured.
 */
export interface CircleSnapshotRepo {
  save(code: string, data: string, savedAt: number): void;
  load(code: string): { data: string; savedAt: number } | undefined;
  remove(code: string): void;
}

export interface Store {
  facilitators: FacilitatorRepo;
  sessions: SessionRepo;
  aggregates: AggregateRepo;
  invites: InviteRepo;
  circles: CircleSnapshotRepo;
  /** Run `fn` atomically. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export class EmailTakenError extends Error {
  constructor() {
    super("email already registered");
  }
}
