import { openPgStore } from "./PgStore";
import { openSqliteStore } from "./SqliteStore";
import type { Store } from "./types";

/** Postgres when `databaseUrl` is set (DATABASE_URL), else the SQLite file under `dataDir`. */
export function openStore(opts: { dataDir: string; databaseUrl?: string }): Store {
  return opts.databaseUrl ? openPgStore(opts.databaseUrl) : openSqliteStore(opts.dataDir);
}
