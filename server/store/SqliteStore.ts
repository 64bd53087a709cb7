import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, migrationFor } from "./migrations";
import {
  EmailTakenError,
  type Aggregate,
  type CheckInTotals,
  type Facilitator,
  type Invite,
  type SessionRow,
  type SessionStatus,
  type Store,
} from "./types";

/** File name of the database inside the data directory. */
export const DB_FILE = "breathing-room.sqlite";

type Row = Record<string, unknown>;

/** Row → record; shared with the Postgres store (same columns). */
export const toFacilitator = (r: Row): Facilitator => ({
  id: r.id as string,
  email: r.email as string,
  passwordHash: r.password_hash as string,
  isAdmin: r.is_admin === 1,
  createdAt: r.created_at as number,
  tokenVersion: Number(r.token_version ?? 0),
});

export const toSession = (r: Row): SessionRow => ({
  id: r.id as string,
  facilitatorId: r.facilitator_id as string,
  code: r.code as string,
  title: r.title as string,
  environment: r.environment as string,
  capacity: r.capacity as number,
  scheduledAt: (r.scheduled_at as number | null) ?? null,
  status: r.status as SessionStatus,
  createdAt: r.created_at as number,
  endedAt: (r.ended_at as number | null) ?? null,
  // A number in SQLite; Postgres' BIGINT may arrive as a string.
  admission: Number(r.admission) !== 0,
});

export const toInvite = (r: Row): Invite => ({
  tokenHash: r.token_hash as string,
  email: (r.email as string | null) ?? null,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: r.created_at as number,
  expiresAt: r.expires_at as number,
  usedAt: (r.used_at as number | null) ?? null,
});

/** Booleans are stored as 1/0 (SQLite has none; the column is an integer in Postgres too). */
export const sqlValue = (v: string | number | boolean | null | undefined) => (typeof v === "boolean" ? Number(v) : (v ?? null));

/** Apply pending migrations; returns the resulting version. */
export function migrate(db: Database.Database): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const row = db.prepare("SELECT version FROM schema_version").get() as { version: number } | undefined;
  let version = row?.version ?? 0;
  if (!row) db.prepare("INSERT INTO schema_version (version) VALUES (0)").run();
  for (; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(migrationFor("sqlite", version));
      db.prepare("UPDATE schema_version SET version = ?").run(version + 1);
    })();
  }
  return version;
}

/** Open (creating if needed) the SQLite store under `dataDir` and migrate it. */
export function openSqliteStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE));
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  migrate(db);

  const q = {
    facCount: db.prepare("SELECT COUNT(*) AS n FROM facilitators"),
    facByEmail: db.prepare("SELECT * FROM facilitators WHERE email = ?"),
    facById: db.prepare("SELECT * FROM facilitators WHERE id = ?"),
    facInsert: db.prepare(
      "INSERT INTO facilitators (id, email, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    facSetHash: db.prepare("UPDATE facilitators SET password_hash = ? WHERE id = ?"),
    facRevoke: db.prepare("UPDATE facilitators SET token_version = token_version + 1 WHERE id = ?"),
    sesInsert: db.prepare(
      `INSERT INTO sessions (id, facilitator_id, code, title, environment, capacity, scheduled_at, status, created_at, ended_at, admission)
       VALUES (@id, @facilitatorId, @code, @title, @environment, @capacity, @scheduledAt, @status, @createdAt, @endedAt, @admission)`,
    ),
    sesById: db.prepare("SELECT * FROM sessions WHERE id = ?"),
    sesByCode: db.prepare("SELECT * FROM sessions WHERE code = ?"),
    sesList: db.prepare("SELECT * FROM sessions WHERE facilitator_id = ? ORDER BY created_at DESC"),
    sesStatus: db.prepare("UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?"),
    aggAdd: db.prepare(
      `INSERT INTO aggregates (session_id, n, count_before, sum_before, count_after, sum_after)
       VALUES (@sessionId, 0, @countBefore, @sumBefore, @countAfter, @sumAfter)
       ON CONFLICT(session_id) DO UPDATE SET
         count_before = count_before + excluded.count_before, sum_before = sum_before + excluded.sum_before,
         count_after = count_after + excluded.count_after, sum_after = sum_after + excluded.sum_after`,
    ),
    // n is the smaller count, so a small "after" group is never exposed through a larger "before" one.
    aggDerive: db.prepare(
      `UPDATE aggregates SET n = MIN(count_before, count_after),
         mean_before = CASE WHEN count_before > 0 THEN CAST(sum_before AS REAL) / count_before END,
         mean_after = CASE WHEN count_after > 0 THEN CAST(sum_after AS REAL) / count_after END
       WHERE session_id = ?`,
    ),
    aggGet: db.prepare("SELECT * FROM aggregates WHERE session_id = ?"),
    invInsert: db.prepare(
      `INSERT INTO invites (token_hash, email, created_by, created_at, expires_at, used_at)
       VALUES (@tokenHash, @email, @createdBy, @createdAt, @expiresAt, @usedAt)`,
    ),
    invGet: db.prepare("SELECT * FROM invites WHERE token_hash = ?"),
    invUse: db.prepare("UPDATE invites SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"),
    invList: db.prepare("SELECT * FROM invites WHERE created_at >= ? ORDER BY created_at DESC LIMIT 200"),
    invWithdraw: db.prepare("DELETE FROM invites WHERE token_hash = ? AND used_at IS NULL"),
    circleSave: db.prepare(
      `INSERT INTO circle_snapshots (code, data, saved_at) VALUES (?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
    ),
    circleLoad: db.prepare("SELECT data, saved_at FROM circle_snapshots WHERE code = ?"),
    circleRemove: db.prepare("DELETE FROM circle_snapshots WHERE code = ?"),
  };

  const columns = { title: "title", environment: "environment", capacity: "capacity", scheduledAt: "scheduled_at", admission: "admission" } as const;

  return {
    facilitators: {
      count: () => (q.facCount.get() as { n: number }).n,
      byEmail: (email) => {
        const r = q.facByEmail.get(email) as Row | undefined;
        return r && toFacilitator(r);
      },
      byId: (id) => {
        const r = q.facById.get(id) as Row | undefined;
        return r && toFacilitator(r);
      },
      create: (f) => {
        try {
          q.facInsert.run(f.id, f.email, f.passwordHash, f.isAdmin ? 1 : 0, f.createdAt);
        } catch (e) {
          if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new EmailTakenError();
          throw e;
        }
      },
      setPasswordHash: (id, passwordHash) => void q.facSetHash.run(passwordHash, id),
      revokeTokens: (id) => void q.facRevoke.run(id),
    },
    sessions: {
      create: (s) => void q.sesInsert.run({ ...s, admission: s.admission === false ? 0 : 1 }),
      byId: (id) => {
        const r = q.sesById.get(id) as Row | undefined;
        return r && toSession(r);
      },
      byCode: (code) => {
        const r = q.sesByCode.get(code) as Row | undefined;
        return r && toSession(r);
      },
      listFor: (facilitatorId) => (q.sesList.all(facilitatorId) as Row[]).map(toSession),
      update: (id, changes) => {
        const keys = (Object.keys(changes) as (keyof typeof columns)[]).filter((k) => changes[k] !== undefined);
        if (keys.length === 0) return;
        // Column names come from the fixed `columns` map, never from input.
        const sql = `UPDATE sessions SET ${keys.map((k) => `${columns[k]} = ?`).join(", ")} WHERE id = ?`;
        db.prepare(sql).run(...keys.map((k) => sqlValue(changes[k])), id);
      },
      setStatus: (id, status, endedAt) => void q.sesStatus.run(status, endedAt, id),
    },
    aggregates: {
      add: db.transaction((sessionId: string, t: CheckInTotals) => {
        q.aggAdd.run({ sessionId, ...t });
        q.aggDerive.run(sessionId);
      }),
      get: (sessionId): Aggregate | undefined => {
        const r = q.aggGet.get(sessionId) as Row | undefined;
        return r && {
          sessionId: r.session_id as string,
          n: r.n as number,
          meanBefore: (r.mean_before as number | null) ?? null,
          meanAfter: (r.mean_after as number | null) ?? null,
        };
      },
    },
    invites: {
      create: (i) => void q.invInsert.run(i),
      byTokenHash: (hash) => {
        const r = q.invGet.get(hash) as Row | undefined;
        return r && toInvite(r);
      },
      markUsed: (hash, at) => q.invUse.run(at, hash).changes === 1,
      listSince: (since) => (q.invList.all(since) as Row[]).map(toInvite),
      withdraw: (hash) => q.invWithdraw.run(hash).changes === 1,
    },
    circles: {
      save: (code, data, savedAt) => void q.circleSave.run(code, data, savedAt),
      load: (code) => {
        const r = q.circleLoad.get(code) as Row | undefined;
        return r && { data: r.data as string, savedAt: r.saved_at as number };
      },
      remove: (code) => void q.circleRemove.run(code),
    },
    transaction: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}
