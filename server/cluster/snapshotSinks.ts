import { Redis } from "ioredis";
import type { Store } from "../store/types";
import { SNAPSHOT_MAX_AGE_MS } from "./CircleSnapshot";

/** Where circles' saved state goes: Redis when the deployment has one, else the database. */
export interface SnapshotSink {
  /** shared by several processes (Redis): two rooms for one circle are possible (see `claim`) */
  shared: boolean;
  /** Save (replace) a circle's state; returns at once, errors are logged. */
  save(code: string, json: string): void;
  load(code: string): Promise<string | undefined>;
  remove(code: string): void;
  /**
   * Several processes only: record `roomId` as the room that holds the circle now (the newest room
   * for a code wins), and read it back. One process never has two rooms for a code: no record.
   */
  claim(code: string, roomId: string): void;
  owner(code: string): Promise<string | undefined>;
  close(): Promise<void>;
}

const key = (code: string) => `breathing-room:circle:${code}`;
const ownerKey = (code: string) => `breathing-room:circle-room:${code}`;
const logError = (what: string) => (e: unknown) => console.error(`saving circle state (${what}) failed:`, (e as Error)?.message);

/** Circles' state in Redis, expiring on its own after SNAPSHOT_MAX_AGE_MS without a save. */
export function redisSink(url: string): SnapshotSink {
  // Commands queue while (re)connecting, in order, so the last save issued is the one kept.
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  redis.on("error", () => {});
  return {
    shared: true,
    save: (code, json) => void redis.set(key(code), json, "PX", SNAPSHOT_MAX_AGE_MS).catch(logError("save")),
    load: async (code) => (await redis.get(key(code))) ?? undefined,
    remove: (code) => void redis.del(key(code)).catch(logError("remove")),
    claim: (code, roomId) => void redis.set(ownerKey(code), roomId, "PX", SNAPSHOT_MAX_AGE_MS).catch(logError("claim")),
    owner: async (code) => (await redis.get(ownerKey(code))) ?? undefined,
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
    shared: false,
    save: (code, json) => guard("save", () => store.circles.save(code, json, Date.now())),
    load: async (code) => store.circles.load(code)?.data,
    remove: (code) => guard("remove", () => store.circles.remove(code)),
    claim: () => {},
    owner: async () => undefined,
    close: async () => {},
  };
}
