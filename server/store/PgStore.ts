import { createSyncFn } from "synckit";
import { MIGRATIONS, migrationFor } from "./migrations";
import { sqlValue, toFacilitator, toInvite, toSession } from "./SqliteStore";
import { EmailTakenError, type Aggregate, type Store } from "./types";

type Row = Record<string, unknown>;

/** One call to the worker (pgWorker.mjs). */
export type PgRequest =
  | { op: "open"; id: number; url: string }
  | { op: "query"; id: number; sql: string; params?: unknown[] }
  | { op: "begin"; id: number }
  | { op: "commit"; id: number }
  | { op: "rollback"; id: number }
  | { op: "close"; id: number };

export interface PgResult {
  rows: Row[];
  rowCount: number;
}

/** Longest a statement may take before the call throws (a dead database must not hang the process). */
const STATEMENT_TIMEOUT_MS = 10_000;

let call: ((req: PgRequest) => PgResult) | undefined;
let nextId = 1;

function worker(): (req: PgRequest) => PgResult {
  call ??= createSyncFn<(req: PgRequest) => Promise<PgResult>>(new URL("./pgWorker.mjs", import.meta.url), {
    timeout: STATEMENT_TIMEOUT_MS,
  });
  return call;
}

/** Any migration step and version bookkeeping run under this lock, so processes starting together migrate once. */
const MIGRATION_LOCK = 0x62726561; // "brea"

/**
 * The same repository as SqliteStore, on Postgres (`DATABASE_URL`). `pg` runs on a worker thread and
 * each call waits for its statement: queries happen on HTTP calls and when circles open and close,
 * never per frame, and on a nearby database one takes well under a millisecond.
 */
export function openPgStore(url: string): Store {
  const run = worker();
  const id = nextId++;
  run({ op: "open", id, url });
  const q = (sql: string, ...params: unknown[]): Row[] => run({ op: "query", id, sql, params }).rows;
  const changed = (sql: string, ...params: unknown[]): number => run({ op: "query", id, sql, params }).rowCount;
  let depth = 0;
  const transaction = <T>(fn: () => T): T => {
    // Nested calls join the outer transaction, as better-sqlite3's do (through savepoints).
    if (depth > 0) return fn();
    run({ op: "begin", id });
    depth++;
    try {
      const result = fn();
      depth--;
      run({ op: "commit", id });
      return result;
    } catch (e) {
      depth--;
      run({ op: "rollback", id });
      throw e;
    }
  };

  transaction(() => {
    q("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK);
    q("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const row = q("SELECT version FROM schema_version")[0];
    if (!row) q("INSERT INTO schema_version (version) VALUES (0)");
    for (let version = Number(row?.version ?? 0); version < MIGRATIONS.length; version++) {
      run({ op: "query", id, sql: migrationFor("postgres", version) });
      q("UPDATE schema_version SET version = $1", version + 1);
    }
  });

  const columns = { title: "title", environment: "environment", capacity: "capacity", scheduledAt: "scheduled_at", admission: "admission" } as const;
  const one = (rows: Row[]): Row | undefined => rows[0];

  return {
    facilitators: {
      count: () => Number(one(q("SELECT COUNT(*) AS n FROM facilitators"))?.n ?? 0),
      byEmail: (email) => {
        const r = one(q("SELECT * FROM facilitators WHERE email = $1", email));
        return r && toFacilitator(r);
      },
      byId: (fid) => {
        const r = one(q("SELECT * FROM facilitators WHERE id = $1", fid));
        return r && toFacilitator(r);
      },
      create: (f) => {
        try {
          q(
            "INSERT INTO facilitators (id, email, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5)",
            f.id, f.email, f.passwordHash, f.isAdmin ? 1 : 0, f.createdAt,
          );
        } catch (e) {
          if ((e as { code?: string }).code === "23505") throw new EmailTakenError();
          throw e;
        }
      },
      setPasswordHash: (fid, passwordHash) => void q("UPDATE facilitators SET password_hash = $1 WHERE id = $2", passwordHash, fid),
      revokeTokens: (fid) => void q("UPDATE facilitators SET token_version = token_version + 1 WHERE id = $1", fid),
    },
    sessions: {
      create: (s) =>
        void q(
          `INSERT INTO sessions (id, facilitator_id, code, title, environment, capacity, scheduled_at, status, created_at, ended_at, admission)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          s.id, s.facilitatorId, s.code, s.title, s.environment, s.capacity, s.scheduledAt, s.status, s.createdAt, s.endedAt,
          s.admission === false ? 0 : 1,
        ),
      byId: (sid) => {
        const r = one(q("SELECT * FROM sessions WHERE id = $1", sid));
        return r && toSession(r);
      },
      byCode: (code) => {
        const r = one(q("SELECT * FROM sessions WHERE code = $1", code));
        return r && toSession(r);
      },
      listFor: (facilitatorId) =>
        q("SELECT * FROM sessions WHERE facilitator_id = $1 ORDER BY created_at DESC", facilitatorId).map(toSession),
      update: (sid, changes) => {
        const keys = (Object.keys(changes) as (keyof typeof columns)[]).filter((k) => changes[k] !== undefined);
        if (keys.length === 0) return;
        // Column names come from the fixed `columns` map, never from input.
        const sets = keys.map((k, i) => `${columns[k]} = $${i + 1}`).join(", ");
        q(`UPDATE sessions SET ${sets} WHERE id = $${keys.length + 1}`, ...keys.map((k) => sqlValue(changes[k])), sid);
      },
      setStatus: (sid, status, endedAt) => void q("UPDATE sessions SET status = $1, ended_at = $2 WHERE id = $3", status, endedAt, sid),
    },
    aggregates: {
      add: (sessionId, t) =>
        transaction(() => {
          q(
            `INSERT INTO aggregates AS a (session_id, n, count_before, sum_before, count_after, sum_after)
             VALUES ($1, 0, $2, $3, $4, $5)
             ON CONFLICT (session_id) DO UPDATE SET
               count_before = a.count_before + excluded.count_before, sum_before = a.sum_before + excluded.sum_before,
               count_after = a.count_after + excluded.count_after, sum_after = a.sum_after + excluded.sum_after`,
            sessionId, t.countBefore, t.sumBefore, t.countAfter, t.sumAfter,
          );
          // n is the smaller count, so a small "after" group is never exposed through a larger "before" one.
          q(
            `UPDATE aggregates SET n = LEAST(count_before, count_after),
               mean_before = CASE WHEN count_before > 0 THEN sum_before::float8 / count_before END,
               mean_after = CASE WHEN count_after > 0 THEN sum_after::float8 / count_after END
             WHERE session_id = $1`,
            sessionId,
          );
        }),
      get: (sessionId): Aggregate | undefined => {
        const r = one(q("SELECT * FROM aggregates WHERE session_id = $1", sessionId));
        return r && {
          sessionId: r.session_id as string,
          n: r.n as number,
          meanBefore: (r.mean_before as number | null) ?? null,
          meanAfter: (r.mean_after as number | null) ?? null,
        };
      },
    },
    invites: {
      create: (i) =>
        void q(
          "INSERT INTO invites (token_hash, email, created_by, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6)",
          i.tokenHash, i.email, i.createdBy, i.createdAt, i.expiresAt, i.usedAt,
        ),
      byTokenHash: (hash) => {
        const r = one(q("SELECT * FROM invites WHERE token_hash = $1", hash));
        return r && toInvite(r);
      },
      markUsed: (hash, at) => changed("UPDATE invites SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL", at, hash) === 1,
      listSince: (since) =>
        q("SELECT * FROM invites WHERE created_at >= $1 ORDER BY created_at DESC LIMIT 200", since).map(toInvite),
      withdraw: (hash) => changed("DELETE FROM invites WHERE token_hash = $1 AND used_at IS NULL", hash) === 1,
    },
    circles: {
      save: (code, data, savedAt) =>
        void q(
          `INSERT INTO circle_snapshots (code, data, saved_at) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
          code, data, savedAt,
        ),
      load: (code) => {
        const r = one(q("SELECT data, saved_at FROM circle_snapshots WHERE code = $1", code));
        return r && { data: r.data as string, savedAt: r.saved_at as number };
      },
      remove: (code) => void q("DELETE FROM circle_snapshots WHERE code = $1", code),
    },
    transaction,
    close: () => void run({ op: "close", id }),
  };
}
