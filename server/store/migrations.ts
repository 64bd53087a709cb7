/**
 * Schema migrations, applied in order on start, on SQLite and on Postgres alike. Never edit a shipped
 * step; add a new one. The schema_version table records the highest applied step.
 *
 * Write a step in SQL both accept (see `migrationFor`: INTEGER becomes BIGINT and REAL DOUBLE PRECISION
 * on Postgres, since epoch ms overflow a 32-bit integer); where they cannot agree, give the step as
 * `{ sqlite, postgres }`.
 */
export type Migration = string | { sqlite: string; postgres: string };

export const MIGRATIONS: readonly Migration[] = [
  // 1: accounts, invites, sessions, aggregates
  `
  CREATE TABLE facilitators (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    email TEXT,
    created_by TEXT REFERENCES facilitators(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    facilitator_id TEXT NOT NULL REFERENCES facilitators(id),
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    environment TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    scheduled_at INTEGER,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE INDEX sessions_by_facilitator ON sessions(facilitator_id);
  CREATE TABLE aggregates (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    n INTEGER NOT NULL,
    mean_before REAL,
    mean_after REAL
  );
  `,
  // 2: running check-in counts and sums, so a circle that empties (or a restart) before the session
  // ends loses nothing; n and the means are derived from them on every add.
  `
  ALTER TABLE aggregates ADD COLUMN count_before INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE aggregates ADD COLUMN sum_before INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE aggregates ADD COLUMN count_after INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE aggregates ADD COLUMN sum_after INTEGER NOT NULL DEFAULT 0;
  `,
  // 3: admission per session (newcomers wait until a facilitator admits them), on by default
  `
  ALTER TABLE sessions ADD COLUMN admission INTEGER NOT NULL DEFAULT 1;
  `,
  // 4: a facilitator's token version: signing out raises it, and every token issued before stops working
  `
  ALTER TABLE facilitators ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
  `,
  // 5: running circles' saved state (status, roles by opaque seat id, piece, practice, check-in
  // counts), so a circle outlives its process when no Redis is configured. No pseudonyms.
  `
  CREATE TABLE circle_snapshots (
    code TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    saved_at INTEGER NOT NULL
  );
  `,
];

/** The SQL of step `index` (0-based) for one database. */
export function migrationFor(db: "sqlite" | "postgres", index: number): string {
  const step = MIGRATIONS[index];
  if (step === undefined) throw new Error(`no migration ${index + 1}`);
  if (typeof step !== "string") return step[db];
  return db === "sqlite" ? step : step.replace(/\bINTEGER\b/g, "BIGINT").replace(/\bREAL\b/g, "DOUBLE PRECISION");
}
