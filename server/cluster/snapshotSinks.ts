import { Redis } from "ioredis";
import type { Store } from "../store/types";
import { SNAPSHOT_MAX_AGE_MS } from "./CircleSnapshot";

/** Where circles' saved state goes: Redis when the deployment has one, else the database. */
export interface SnapshotSink {
  /** Save (replace) a circle's state; returns at once, errors are logged. */
  save(code: string, json: string): void;
  load(code: string): Promise<string | undefined>;
  remove(code: string): void;
  close(): Promise<void>;
}

const key = (code: string) => `breathing-room:circle:${code}`;
const logError = (what: string) => (e: unknown) => console.error(`saving circle state (${what}) failed:`, (e as Error)?.message);

/** Circles' state in Redis, expiring on its own after SNAPSHOT_MAX_AGE_MS without a save. */
export function redisSink(url: string): SnapshotSink {
  // Commands queue while (re)connecting, in order, so the last save issued is the one kept.
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  redis.on("error", () => {});
  return {
    save: (code, json) => void redis.set(key(code), json, "PX", SNAPSHOT_MAX_AGE_MS).catch(logError("save")),
    load: async (code) => (await redis.get(key(code))) ?? undefined,
    remove: (code) => void redis.del(key(code)).catch(logError("remove")),
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}

/** Circles' state in the database (SQLite or Postgres), for a deployment without Redis. */
export function storeSink(store: Store): SnapshotSink {
  const guard = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      logError(what)(e);
    }
  };
  return {
    save: (code, json) => guard("save", () => store.circles.save(code, json, Date.now())),
    load: async (code) => store.circles.load(code)?.data,
    remove: (code) => guard("remove", () => store.circles.remove(code)),
    close: async () => {},
  };
}
