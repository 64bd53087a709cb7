import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missing, startPostgres, type Service } from "../../../scripts/services";
import { openPgStore } from "../../../server/store/PgStore";
import { openSqliteStore } from "../../../server/store/SqliteStore";
import { EmailTakenError, type SessionRow, type Store } from "../../../server/store/types";

/**
 * One repository suite, run against every store the server can use: SQLite (the default) and
 * Postgres (DATABASE_URL), each on a real database this file starts and removes.
 */
interface Backend {
  /** a store on the shared database (a restart is `open()` again) */
  open(): Store;
  setup(): Promise<void>;
  teardown(): Promise<void>;
}

function sqlite(): Backend {
  let dir = "";
  return {
    open: () => openSqliteStore(dir),
    setup: async () => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "breathing-room-repo-"))),
    teardown: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function postgres(): Backend {
  let pg: Service | undefined;
  return {
    open: () => openPgStore(pg!.url),
    setup: async () => void (pg = await startPostgres()),
    teardown: async () => void (await pg?.stop()),
  };
}

// Without the binary on a developer's machine the Postgres half says why and skips; CI installs it
// (.ci/run), and there a missing binary fails loudly instead.
const pgMissing = process.env.CI ? undefined : missing("postgres");
if (pgMissing) console.warn(`repository suite on Postgres skipped: ${pgMissing}`);

const backends: [string, () => Backend, boolean][] = [
  ["SQLite", sqlite, false],
  ["Postgres", postgres, Boolean(pgMissing)],
];

const HOUR = 3_600_000;
// Well past 2^31: epoch ms must round-trip as numbers (a 32-bit column would overflow).
const T0 = Date.UTC(2031, 5, 1, 18, 30);

describe.each(backends)("repository on %s", (_name, make, skip) => {
  const backend = make();
  let store: Store;
  beforeAll(async () => {
    if (skip) return;
    await backend.setup();
    store = backend.open();
  }, 60_000);
  afterAll(async () => {
    if (skip) return;
    store?.close();
    await backend.teardown();
  });

  const facilitator = (isAdmin = false) => {
    const f = { id: randomUUID(), email: `${randomUUID()}@example.org`, passwordHash: "scrypt$x", isAdmin, createdAt: T0 };
    store.facilitators.create(f);
    return f;
  };
  const session = (facilitatorId: string, over: Partial<SessionRow> = {}): SessionRow => {
    const s: SessionRow = {
      id: randomUUID(), facilitatorId, code: `T${randomUUID().slice(0, 2)}-${randomUUID().slice(0, 3)}-${randomUUID().slice(0, 3)}`.toUpperCase(),
      title: "Evening circle", environment: "shore", capacity: 12, scheduledAt: T0 + HOUR, status: "scheduled", createdAt: T0, endedAt: null, admission: true, ...over,
    };
    store.sessions.create(s);
    return s;
  };

  it.skipIf(skip)("keeps facilitators; an email is taken once", () => {
    const before = store.facilitators.count();
    const f = facilitator(true);
    expect(store.facilitators.count()).toBe(before + 1);
    expect(store.facilitators.byEmail(f.email)).toEqual({ ...f, tokenVersion: 0 });
    expect(store.facilitators.byId(f.id)).toEqual({ ...f, tokenVersion: 0 });
    expect(store.facilitators.byId("nobody")).toBeUndefined();
    expect(() => store.facilitators.create({ ...f, id: randomUUID() })).toThrow(EmailTakenError);
    expect(store.facilitators.count()).toBe(before + 1);
    store.facilitators.setPasswordHash(f.id, "scrypt$y");
    expect(store.facilitators.byId(f.id)).toEqual({ ...f, passwordHash: "scrypt$y", tokenVersion: 0 });
    store.facilitators.revokeTokens(f.id);
    store.facilitators.revokeTokens(f.id);
    expect(store.facilitators.byId(f.id)?.tokenVersion).toBe(2);
  });

  it.skipIf(skip)("keeps sessions: by id and code, newest first, partial edits, status", () => {
    const f = facilitator();
    const older = session(f.id, { createdAt: T0 });
    const newer = session(f.id, { createdAt: T0 + 1000, scheduledAt: null, title: "Morning" });
    expect(store.sessions.byId(older.id)).toEqual(older);
    expect(store.sessions.byCode(newer.code)).toEqual(newer);
    expect(store.sessions.listFor(f.id).map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(store.sessions.listFor("nobody")).toEqual([]);
    store.sessions.update(older.id, { title: "Renamed", capacity: 8 });
    store.sessions.update(older.id, {});
    expect(store.sessions.byId(older.id)).toEqual({ ...older, title: "Renamed", capacity: 8 });
    store.sessions.update(older.id, { scheduledAt: null, environment: "forest" });
    expect(store.sessions.byId(older.id)).toMatchObject({ scheduledAt: null, environment: "forest", title: "Renamed" });
    // admission: on unless created or turned off
    store.sessions.update(older.id, { admission: false });
    expect(store.sessions.byId(older.id)?.admission).toBe(false);
    const waitless = session(f.id, { admission: false });
    expect(store.sessions.byId(waitless.id)?.admission).toBe(false);
    expect(store.sessions.listFor(f.id).map((s) => s.id)).toContain(waitless.id);
    store.sessions.setStatus(newer.id, "ended", T0 + 2 * HOUR);
    expect(store.sessions.byId(newer.id)).toMatchObject({ status: "ended", endedAt: T0 + 2 * HOUR });
    // a join code is unique
    expect(() => session(f.id, { code: older.code })).toThrow();
  });

  it.skipIf(skip)("adds check-in totals across rooms; n is the smaller count; means from the sums", () => {
    const s = session(facilitator().id);
    expect(store.aggregates.get(s.id)).toBeUndefined();
    store.aggregates.add(s.id, { countBefore: 3, sumBefore: 9, countAfter: 0, sumAfter: 0 });
    expect(store.aggregates.get(s.id)).toEqual({ sessionId: s.id, n: 0, meanBefore: 3, meanAfter: null });
    store.aggregates.add(s.id, { countBefore: 0, sumBefore: 0, countAfter: 1, sumAfter: 8 });
    expect(store.aggregates.get(s.id)).toEqual({ sessionId: s.id, n: 1, meanBefore: 3, meanAfter: 8 });
    store.aggregates.add(s.id, { countBefore: 1, sumBefore: 7, countAfter: 3, sumAfter: 13 });
    expect(store.aggregates.get(s.id)).toEqual({ sessionId: s.id, n: 4, meanBefore: 4, meanAfter: 5.25 });
  });

  it.skipIf(skip)("uses an invite once, lists recent ones newest first, withdraws only unused ones", () => {
    const f = facilitator(true);
    const mk = (createdAt: number, email: string | null = null) => {
      const i = { tokenHash: randomUUID(), email, createdBy: f.id, createdAt, expiresAt: createdAt + 48 * HOUR, usedAt: null };
      store.invites.create(i);
      return i;
    };
    const a = mk(T0 + 10, "a@example.org");
    const b = mk(T0 + 20);
    const old = mk(T0 - 1000);
    expect(store.invites.byTokenHash(a.tokenHash)).toEqual(a);
    expect(store.invites.markUsed(a.tokenHash, T0 + 30)).toBe(true);
    expect(store.invites.markUsed(a.tokenHash, T0 + 40)).toBe(false);
    expect(store.invites.byTokenHash(a.tokenHash)?.usedAt).toBe(T0 + 30);
    const recent = store.invites.listSince(T0).map((i) => i.tokenHash);
    expect(recent.indexOf(b.tokenHash)).toBeLessThan(recent.indexOf(a.tokenHash));
    expect(recent).not.toContain(old.tokenHash);
    expect(store.invites.withdraw(a.tokenHash)).toBe(false);
    expect(store.invites.withdraw(b.tokenHash)).toBe(true);
    expect(store.invites.byTokenHash(b.tokenHash)).toBeUndefined();
    expect(store.invites.withdraw("unknown")).toBe(false);
  });

  it.skipIf(skip)("commits a transaction's work, or none of it when it throws", () => {
    const f = facilitator();
    const kept = store.transaction(() => {
      const s = session(f.id);
      store.sessions.setStatus(s.id, "cancelled", T0);
      return s.id;
    });
    expect(store.sessions.byId(kept)?.status).toBe("cancelled");
    const lost = randomUUID();
    expect(() =>
      store.transaction(() => {
        session(f.id, { id: lost });
        throw new Error("changed my mind");
      }),
    ).toThrow("changed my mind");
    expect(store.sessions.byId(lost)).toBeUndefined();
    expect(store.sessions.listFor(f.id).map((s) => s.id)).toEqual([kept]);
  });

  it.skipIf(skip)("keeps the last saved state of a running circle by code, replaces it, and removes it", () => {
    expect(store.circles.load("AAA-BBB-CCC")).toBeUndefined();
    store.circles.save("AAA-BBB-CCC", '{"v":1}', T0);
    store.circles.save("AAA-BBB-CCC", '{"v":2}', T0 + 5);
    store.circles.save("DDD-EEE-FFF", '{"v":9}', T0);
    expect(store.circles.load("AAA-BBB-CCC")).toEqual({ data: '{"v":2}', savedAt: T0 + 5 });
    store.circles.remove("AAA-BBB-CCC");
    expect(store.circles.load("AAA-BBB-CCC")).toBeUndefined();
    expect(store.circles.load("DDD-EEE-FFF")?.data).toBe('{"v":9}');
  });

  it.skipIf(skip)("migrates once: a second process (or a restart) sees the same rows and adds to the same totals", () => {
    const s = session(facilitator().id);
    const other = backend.open();
    try {
      expect(other.sessions.byId(s.id)).toEqual(s);
      store.aggregates.add(s.id, { countBefore: 2, sumBefore: 10, countAfter: 2, sumAfter: 14 });
      other.aggregates.add(s.id, { countBefore: 2, sumBefore: 6, countAfter: 2, sumAfter: 10 });
      expect(store.aggregates.get(s.id)).toEqual({ sessionId: s.id, n: 4, meanBefore: 4, meanAfter: 6 });
    } finally {
      other.close();
    }
  });
});
