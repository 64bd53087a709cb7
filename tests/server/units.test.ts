import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "../../server/auth/attemptLimiter";
import { hashPassword, needsRehash, verifyPassword } from "../../server/auth/password";
import { oldCostHash } from "./passwordFixtures";
import { CheckInTally } from "../../server/rooms/CheckInTally";
import { RateGate } from "../../server/rooms/RateGate";
import { MIGRATIONS } from "../../server/store/migrations";
import { DB_FILE, openSqliteStore } from "../../server/store/SqliteStore";

describe("RateGate", () => {
  it.each([
    // [perSecond, burst, send times in ms, expected allowed]
    [20, 4, [0, 0, 0, 0, 0, 0], [true, true, true, true, false, false]],
    [20, 4, [0, 0, 0, 0, 0, 50], [true, true, true, true, false, true]],
    [2, 1, [0, 100, 400, 500, 1000], [true, false, false, true, true]],
  ])("%i/s burst %i", (perSecond, burst, times, expected) => {
    let now = 0;
    const gate = new RateGate({ k: { perSecond, burst } }, () => now);
    expect(times.map((t) => ((now = t), gate.allow("a", "k")))).toEqual(expected);
  });

  it("keeps people apart and forgets someone who left", () => {
    const gate = new RateGate({ k: { perSecond: 1, burst: 1 } }, () => 0);
    expect(gate.allow("a", "k")).toBe(true);
    expect(gate.allow("a", "k")).toBe(false);
    expect(gate.allow("b", "k")).toBe(true);
    gate.forget("a");
    expect(gate.allow("a", "k")).toBe(true);
  });
});

describe("AttemptLimiter", () => {
  it("blocks after the limit within a window, then lets go", () => {
    let now = 0;
    const l = new AttemptLimiter(3, 1000, 100, () => now);
    for (let i = 0; i < 3; i++) l.fail("x");
    expect(l.retryAfter("x")).toBe(1000);
    expect(l.retryAfter("y")).toBe(0);
    now = 1000;
    expect(l.retryAfter("x")).toBe(0);
  });

  it("holds a bounded number of keys", () => {
    const l = new AttemptLimiter(1, 1000, 2, () => 0);
    l.fail("a"); l.fail("b"); l.fail("c");
    expect(l.retryAfter("a")).toBe(0); // evicted
    expect(l.retryAfter("c")).toBeGreaterThan(0);
  });
});

describe("CheckInTally", () => {
  it("counts before/after pairs of the same person, each person once per phase, and hands each pair over once", () => {
    const t = new CheckInTally();
    expect(t.empty).toBe(true);
    expect(t.take()).toBeNull();
    expect(t.add("a", "before", 2)).toBe(true);
    expect(t.add("a", "before", 9)).toBe(false);
    t.add("b", "before", 4);
    t.add("a", "after", 7);
    // b has no "after" yet: only a's pair counts.
    expect(t.take()).toEqual({ countBefore: 1, sumBefore: 2, countAfter: 1, sumAfter: 7 });
    expect(t.take()).toBeNull();
    // Still remembered after the hand-over: "a" cannot answer "before" again in this room.
    expect(t.add("a", "before", 1)).toBe(false);
    expect(t.add("b", "after", 5)).toBe(true);
    expect(t.take()).toEqual({ countBefore: 1, sumBefore: 4, countAfter: 1, sumAfter: 5 });
  });

  it("an unpaired answer never counts: an 'after' alone, or a 'before' whose person left", () => {
    const t = new CheckInTally();
    expect(t.add("c", "after", 3)).toBe(true);
    t.add("c", "before", 8);
    t.add("d", "before", 6);
    t.forget("d");
    expect(t.take()).toBeNull();
  });
});

describe("stored check-in aggregate", () => {
  it("adds up across rooms; n is the smaller count; means come from the sums", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-agg-"));
    try {
      const store = openSqliteStore(dir);
      store.facilitators.create({ id: "f", email: "f@example.org", passwordHash: "x", isAdmin: false, createdAt: 0 });
      store.sessions.create({ id: "s", facilitatorId: "f", code: "AAA-BBB-CCC", title: "t", environment: "shore", capacity: 12, scheduledAt: null, status: "scheduled", createdAt: 0, endedAt: null });
      expect(store.aggregates.get("s")).toBeUndefined();
      store.aggregates.add("s", { countBefore: 3, sumBefore: 9, countAfter: 1, sumAfter: 8 });
      expect(store.aggregates.get("s")).toEqual({ sessionId: "s", n: 1, meanBefore: 3, meanAfter: 8 });
      store.aggregates.add("s", { countBefore: 1, sumBefore: 7, countAfter: 3, sumAfter: 13 });
      expect(store.aggregates.get("s")).toEqual({ sessionId: "s", n: 4, meanBefore: 4, meanAfter: 5.25 });
      store.close();
      // and it is still there after a restart
      const again = openSqliteStore(dir);
      expect(again.aggregates.get("s")?.n).toBe(4);
      again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("passwords", () => {
  it("verifies the right password only", async () => {
    const h = await hashPassword("correct horse battery");
    // OWASP's scrypt minimum: N = 2^17, r = 8, p = 1
    expect(h.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(needsRehash(h)).toBe(false);
    expect(await verifyPassword("correct horse battery", h)).toBe(true);
    expect(await verifyPassword("correct horse batterY", h)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("still verifies a hash made with the old, cheaper parameters, and says it needs a re-hash", async () => {
    const old = oldCostHash("correct horse battery");
    expect(await verifyPassword("correct horse battery", old)).toBe(true);
    expect(await verifyPassword("correct horse batterY", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("refuses stored parameters this server never writes (a stored hash cannot make sign-in cost unbounded)", async () => {
    const h = await hashPassword("correct horse battery");
    const huge = h.replace("scrypt$131072$", "scrypt$1048576$");
    expect(await verifyPassword("correct horse battery", huge)).toBe(false);
  });
});

describe("migrations", () => {
  it("apply once on a fresh file and are idempotent on restart", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-migrate-"));
    try {
      openSqliteStore(dir).close();
      openSqliteStore(dir).close();
      const db = new Database(path.join(dir, DB_FILE), { readonly: true });
      expect(db.prepare("SELECT version FROM schema_version").all()).toEqual([{ version: MIGRATIONS.length }]);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(["aggregates", "circle_snapshots", "facilitators", "invites", "schema_version", "sessions"]);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
