import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JoinError, ROOM_NAME } from "../../core/protocol";
import { CODE_GUESS_LIMIT } from "../../server/http/codeGuesses";
import { EXPIRE_AFTER_SCHEDULED_MS, EXPIRE_UNSCHEDULED_MS } from "../../server/http/sessionExpiry";
import { newJoinCode } from "../../server/http/joinCodes";
import { bootApp, facilitator, join, joinError, joinOptions, sdk, session, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const preview = async (code: string) => {
  const res = await fetch(`${b.url}/api/join/${code}`);
  return { status: res.status, retryAfter: res.headers.get("retry-after") };
};
const matchmake = (code: string) => joinError(sdk(b).joinOrCreate(ROOM_NAME, joinOptions(code, "Guess")));

describe("sessions expire", () => {
  it("a session's code stops working 24 h after its time, or 30 days after creation without one; the session reads as ended", async () => {
    const f = await facilitator(b);
    const now = Date.now();
    const lateScheduled = session(b, f.id, { scheduledAt: now - EXPIRE_AFTER_SCHEDULED_MS - HOUR });
    const oldUnscheduled = session(b, f.id, { scheduledAt: null, createdAt: now - EXPIRE_UNSCHEDULED_MS - HOUR });
    const stillScheduled = session(b, f.id, { scheduledAt: now - EXPIRE_AFTER_SCHEDULED_MS + HOUR, createdAt: now - 40 * DAY });
    const stillUnscheduled = session(b, f.id, { scheduledAt: null, createdAt: now - EXPIRE_UNSCHEDULED_MS + HOUR });

    for (const s of [lateScheduled, oldUnscheduled]) {
      expect((await preview(s.code)).status).toBe(410);
      expect(await matchmake(s.code)).toBe(JoinError.SESSION_ENDED);
      const own = await fetch(`${b.url}/api/sessions/${s.id}`, { headers: { authorization: `Bearer ${f.apiToken}` } });
      expect(await own.json()).toMatchObject({ status: "ended", endedAt: expect.any(Number) });
    }
    for (const s of [stillScheduled, stillUnscheduled]) {
      expect((await preview(s.code)).status).toBe(200);
      const room = await join(b, s.code, "Still Here", { token: f.token });
      await room.leave();
    }
  });

  it("a session listed after its expiry shows as ended", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id, { scheduledAt: Date.now() - 2 * DAY });
    const res = await fetch(`${b.url}/api/sessions`, { headers: { authorization: `Bearer ${f.apiToken}` } });
    const { sessions } = (await res.json()) as { sessions: { id: string; status: string }[] };
    expect(sessions.find((x) => x.id === s.id)?.status).toBe("ended");
  });
});

describe("guessing codes", () => {
  it(`past ${CODE_GUESS_LIMIT} unknown codes from one address (preview and matchmaking together), every look-up from it is refused with 429, known codes too`, async () => {
    const f = await facilitator(b);
    const real = session(b, f.id);
    const half = CODE_GUESS_LIMIT / 2;
    for (let i = 0; i < half; i++) expect((await preview(newJoinCode())).status).toBe(404);
    for (let i = 0; i < half - 1; i++) expect(await matchmake(newJoinCode())).toBe(JoinError.UNKNOWN_CODE);
    // Known codes do not count as guesses.
    expect((await preview(real.code)).status).toBe(200);
    expect(await matchmake(newJoinCode())).toBe(JoinError.UNKNOWN_CODE);

    const refused = await preview(newJoinCode());
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(await matchmake(newJoinCode())).toBe(JoinError.TOO_MANY_ATTEMPTS);
    expect((await preview(real.code)).status).toBe(429);
    expect(await matchmake(real.code)).toBe(JoinError.TOO_MANY_ATTEMPTS);
  });
});
