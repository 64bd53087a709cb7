import pg from "pg";
import { runAsWorker } from "synckit";

// Plain JavaScript so a worker thread loads it under any runner (tsx, vitest, node) with no TS hooks.
/**
 * The Postgres side of PgStore, run on a worker thread by synckit: the repository interface is
 * synchronous (as better-sqlite3 is), so the main thread posts one statement and waits for its rows.
 * One pool per opened store; a transaction holds one pooled connection from BEGIN to COMMIT/ROLLBACK.
 */

// int8 (BIGINT: epoch ms, counts, sums) as a JS number; every value we store is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** @typedef {{ pool: pg.Pool, tx: pg.PoolClient | null }} Conn */

/** @type {Map<number, Conn>} */
const conns = new Map();

/** @param {number} id */
function conn(id) {
  const c = conns.get(id);
  if (!c) throw new Error("Postgres store is closed");
  return c;
}

/** @param {import("./PgStore").PgRequest} req @returns {Promise<import("./PgStore").PgResult>} */
async function handle(req) {
  const none = { rows: [], rowCount: 0 };
  switch (req.op) {
    case "open": {
      // One statement at a time reaches a store (the main thread waits), so a small pool is plenty.
      const pool = new pg.Pool({ connectionString: req.url, max: 2, connectionTimeoutMillis: 5_000 });
      // An idle connection that dies (Postgres restarted) must not take the worker down; the pool replaces it.
      pool.on("error", () => {});
      await pool.query("SELECT 1");
      conns.set(req.id, { pool, tx: null });
      return none;
    }
    case "query": {
      const c = conn(req.id);
      const r = await (c.tx ?? c.pool).query(req.sql, req.params);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    }
    case "begin": {
      const c = conn(req.id);
      c.tx = await c.pool.connect();
      await c.tx.query("BEGIN");
      return none;
    }
    case "commit":
    case "rollback": {
      const c = conn(req.id);
      const tx = c.tx;
      c.tx = null;
      if (!tx) return none;
      try {
        await tx.query(req.op === "commit" ? "COMMIT" : "ROLLBACK");
        tx.release();
      } catch (e) {
        tx.release(/** @type {Error} */ (e));
        throw e;
      }
      return none;
    }
    case "close": {
      const c = conns.get(req.id);
      conns.delete(req.id);
      c?.tx?.release();
      await c?.pool.end();
      return none;
    }
  }
}

runAsWorker(async (/** @type {import("./PgStore").PgRequest} */ req) => {
  try {
    return await handle(req);
  } catch (e) {
    // Errors cross the thread as plain objects: keep the SQLSTATE code (23505 = unique violation).
    const err = /** @type {{ message?: string, code?: string }} */ (e);
    throw Object.assign(new Error(err.message ?? String(e)), { code: err.code });
  }
});
