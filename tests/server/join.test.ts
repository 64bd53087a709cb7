import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JoinError, ROOM_NAME } from "../../core/protocol";
import { bootApp, facilitator, join, joinError, joinOptions, sdk, serverRoom, session, until, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const attempt = (code: string, extra: Record<string, unknown> = {}, token?: string) =>
  joinError(sdk(b, token).joinOrCreate(ROOM_NAME, { ...joinOptions(code, "Wren"), ...extra }));

describe("join errors, each with its own code", () => {
  it("unknown code → UNKNOWN_CODE", async () => {
    expect(await attempt("ZZZ-ZZZ-ZZZ")).toBe(JoinError.UNKNOWN_CODE);
  });

  it("malformed code, pseudonym, look or extra option → INVALID_OPTIONS", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    expect(await attempt("not a code")).toBe(JoinError.INVALID_OPTIONS);
    expect(await attempt(s.code.toLowerCase())).toBe(JoinError.INVALID_OPTIONS);
    expect(await attempt(s.code, { pseudonym: "   " })).toBe(JoinError.INVALID_OPTIONS);
    expect(await attempt(s.code, { pseudonym: "x".repeat(25) })).toBe(JoinError.INVALID_OPTIONS);
    // Names that would show the facilitator an empty "Admit ___".
    for (const pseudonym of ["\u3164", "\u2800\u2800", "\u0301\u0301", "\ufe0f"]) expect(await attempt(s.code, { pseudonym })).toBe(JoinError.INVALID_OPTIONS);
    expect(await attempt(s.code, { look: "gold" })).toBe(JoinError.INVALID_OPTIONS);
    expect(await attempt(s.code, { email: "me@example.org" })).toBe(JoinError.INVALID_OPTIONS);
  });

  it("ended or cancelled session → SESSION_ENDED", async () => {
    const f = await facilitator(b);
    expect(await attempt(session(b, f.id, { status: "ended" }).code)).toBe(JoinError.SESSION_ENDED);
    expect(await attempt(session(b, f.id, { status: "cancelled" }).code)).toBe(JoinError.SESSION_ENDED);
  });

  it("missing or outdated agreement → AGREEMENT_REQUIRED", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    expect(await attempt(s.code, { agreementVersion: undefined })).toBe(JoinError.AGREEMENT_REQUIRED);
    expect(await attempt(s.code, { agreementVersion: 0 })).toBe(JoinError.AGREEMENT_REQUIRED);
  });

  it("bad, expired or another facilitator's token → BAD_TOKEN / NOT_YOUR_SESSION", async () => {
    const f = await facilitator(b);
    const other = await facilitator(b);
    const s = session(b, f.id);
    expect(await attempt(s.code, {}, "not-a-jwt")).toBe(JoinError.BAD_TOKEN);
    const expired = await b.app.tokens.issueRoom({ sub: f.id, admin: false }, -10);
    expect(await attempt(s.code, {}, expired)).toBe(JoinError.BAD_TOKEN);
    expect(await attempt(s.code, {}, other.token)).toBe(JoinError.NOT_YOUR_SESSION);
  });

  it("locked room → LOCKED, and unlocking lets people in again", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    const lead = await join(b, s.code, "Lead", { token: f.token });
    lead.send("lock");
    await until(() => lead.state.session.locked === true, 2000, "locked");
    expect(await attempt(s.code)).toBe(JoinError.LOCKED);
    lead.send("unlock");
    await until(() => lead.state.session.locked === false, 2000, "unlocked");
    expect(await attempt(s.code)).toBeUndefined();
  });

  it("full room → FULL; the facilitator does not count against capacity", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id, { capacity: 2 });
    await join(b, s.code, "A");
    await join(b, s.code, "B");
    expect(await attempt(s.code)).toBe(JoinError.FULL);
    const lead = await join(b, s.code, "Lead", { token: f.token });
    expect(lead.state.participants.size).toBe(3);
    expect(b.app.live.size).toBeGreaterThan(0);
    // Still one room for the code, not a second one opened beside the full one.
    expect([...b.app.live.keys()].filter((c) => c === s.code)).toHaveLength(1);
  });

  it("a room joined by its id with another session's code is refused: a code opens its own circle only", async () => {
    const f = await facilitator(b);
    const x = session(b, f.id);
    const lead = await join(b, x.code, "Lead", { token: f.token });
    lead.send("lock");
    await until(() => serverRoom(b, x.code).state.session.locked, 2000, "locked");
    const y = session(b, f.id);
    // The room id is no secret (every client of the room has it); the other code is one this person holds.
    expect(await joinError(sdk(b).joinById(lead.roomId, joinOptions(y.code, "Wren")))).toBe(JoinError.INVALID_OPTIONS);
    lead.send("unlock");
    await until(() => !serverRoom(b, x.code).state.session.locked, 2000, "unlocked");
    expect(await joinError(sdk(b).joinById(lead.roomId, joinOptions(y.code, "Wren")))).toBe(JoinError.INVALID_OPTIONS);
    expect(serverRoom(b, x.code).state.participants.size).toBe(1);
    // With its own code, the same room is joined as usual.
    expect(await joinError(sdk(b).joinById(lead.roomId, joinOptions(x.code, "Wren")))).toBeUndefined();
  });

  it("matchmaking's create is not offered: a circle's room is made only by joinOrCreate, which finds the one already open", async () => {
    // With several processes, create would open a second room for a live circle on another process,
    // and every such request would move the whole circle there (close 4200) — anyone with the code could.
    const f = await facilitator(b);
    const s = session(b, f.id);
    const res = await fetch(`${b.url}/matchmake/create/${ROOM_NAME}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(joinOptions(s.code, "Wren")),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found" });
    expect(b.app.live.has(s.code)).toBe(false);
    expect(await attempt(s.code)).toBeUndefined();
  });

  it("a matchmaking route the app does not use is a plain 404, not Colyseus' 520 echoing what was asked", async () => {
    for (const path of ["/matchmake/nothing/here", `/matchmake/joinOrCreate/lobby`, "/matchmake/join/circle/extra", "/matchmake/", "/matchmake"]) {
      const res = await fetch(`${b.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toEqual({ error: "not_found", message: "no such matchmaking route" });
    }
  });

  it("participants wait until the facilitator opens the circle; no exercise can run before", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    const p = await join(b, s.code, "Early");
    const q = await join(b, s.code, "Also early");
    await until(() => p.state.participants.size === 2, 2000, "presence");
    expect(p.state.session.status).toBe("waiting");
    const lead = await join(b, s.code, "Lead", { token: f.token });
    const refused = lead.waitForMessage("error", 2000);
    lead.send("startPractice", { patternId: "box", cycles: 2 });
    expect(await refused).toEqual({ action: "startPractice", code: "invalid-state" });
    expect(serverRoom(b, s.code).state.practice.running).toBe(false);
    lead.send("openCircle");
    await until(() => q.state.session.status === "open", 2000, "open");
  });
});
