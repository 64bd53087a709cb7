import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootApp, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

async function call(method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(`${b.url}${url}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = res.headers.get("content-type")?.includes("json") ? await res.json() : null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
  return { status: res.status, body: json as any, headers: res.headers };
}

const PASSWORD = "correct horse battery";
const DAY = 24 * 60 * 60 * 1000;
let admin: { token: string; id: string };
let second: { token: string };

describe("accounts", () => {
  it("the first account on a fresh install is the admin", async () => {
    const r = await call("POST", "/api/auth/signup", { email: " Admin@Example.org ", password: PASSWORD });
    expect(r.status).toBe(201);
    expect(r.body.facilitator).toMatchObject({ email: "admin@example.org", isAdmin: true });
    admin = { token: r.body.token, id: r.body.facilitator.id };
  });

  it("after that, sign-up needs an invite", async () => {
    const r = await call("POST", "/api/auth/signup", { email: "b@example.org", password: PASSWORD });
    expect(r).toMatchObject({ status: 403, body: { error: "invite_required" } });
  });

  it("an admin invites over the API; the invite works once, for its email only", async () => {
    const inv = await call("POST", "/api/invites", { email: "b@example.org" }, admin.token);
    expect(inv.status).toBe(201);
    const wrongEmail = await call("POST", "/api/auth/signup", { email: "c@example.org", password: PASSWORD, invite: inv.body.invite });
    expect(wrongEmail).toMatchObject({ status: 403, body: { error: "invite_invalid" } });
    const ok = await call("POST", "/api/auth/signup", { email: "b@example.org", password: PASSWORD, invite: inv.body.invite });
    expect(ok.status).toBe(201);
    expect(ok.body.facilitator.isAdmin).toBe(false);
    second = { token: ok.body.token };
    const again = await call("POST", "/api/auth/signup", { email: "b@example.org", password: PASSWORD, invite: inv.body.invite });
    expect(again).toMatchObject({ status: 403, body: { error: "invite_invalid" } });
  });

  it("a non-admin cannot invite", async () => {
    expect(await call("POST", "/api/invites", {}, second.token)).toMatchObject({ status: 403, body: { error: "forbidden" } });
  });

  it("an admin lists invites (never the invite itself) and withdraws an unused one, which then no longer works", async () => {
    const made = await call("POST", "/api/invites", { email: "wd@example.org" }, admin.token);
    expect(made.body.id).toMatch(/^[0-9a-f]{64}$/);
    const list = await call("GET", "/api/invites", undefined, admin.token);
    expect(list.status).toBe(200);
    const shown = list.body.invites.find((i: { id: string }) => i.id === made.body.id);
    expect(shown).toEqual({ id: made.body.id, email: "wd@example.org", createdAt: expect.any(Number), expiresAt: made.body.expiresAt, usedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(made.body.invite);
    // The used invite from the earlier test is listed as used.
    expect(list.body.invites.some((i: { email: string; usedAt: number | null }) => i.email === "b@example.org" && i.usedAt !== null)).toBe(true);

    const gone = await call("DELETE", `/api/invites/${made.body.id}`, undefined, admin.token);
    expect(gone.status).toBe(204);
    const signUp = await call("POST", "/api/auth/signup", { email: "wd@example.org", password: PASSWORD, invite: made.body.invite });
    expect(signUp).toMatchObject({ status: 403, body: { error: "invite_invalid" } });
    expect(await call("DELETE", `/api/invites/${made.body.id}`, undefined, admin.token)).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await call("DELETE", "/api/invites/not-a-hash", undefined, admin.token)).toMatchObject({ status: 404, body: { error: "not_found" } });
  });

  it("a used invite cannot be withdrawn; a non-admin can neither list nor withdraw", async () => {
    const used = (await call("GET", "/api/invites", undefined, admin.token)).body.invites.find((i: { usedAt: number | null }) => i.usedAt !== null);
    expect(await call("DELETE", `/api/invites/${used.id}`, undefined, admin.token)).toMatchObject({ status: 409, body: { error: "conflict" } });
    expect(await call("GET", "/api/invites", undefined, second.token)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    const made = await call("POST", "/api/invites", {}, admin.token);
    expect(await call("DELETE", `/api/invites/${made.body.id}`, undefined, second.token)).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect((await call("GET", "/api/invites", undefined, admin.token)).body.invites.some((i: { id: string }) => i.id === made.body.id)).toBe(true);
  });

  it("a taken email is a clear error", async () => {
    const inv = await call("POST", "/api/invites", {}, admin.token);
    const r = await call("POST", "/api/auth/signup", { email: "ADMIN@example.org", password: PASSWORD, invite: inv.body.invite });
    expect(r).toMatchObject({ status: 409, body: { error: "email_taken" } });
  });

  it("the CLI `npm run invite` creates a working invite", async () => {
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, "../..");
    const { stdout } = await run(process.execPath, ["--import", "tsx", "server/cli/invite.ts", "cli@example.org"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: b.dataDir },
      timeout: 20_000,
    });
    const invite = /Invite: (\S+)/.exec(stdout)?.[1];
    expect(invite).toBeTruthy();
    const r = await call("POST", "/api/auth/signup", { email: "cli@example.org", password: PASSWORD, invite });
    expect(r.status).toBe(201);
  });

  it.each([
    [{ email: "not-an-email", password: PASSWORD }],
    [{ email: "x@example.org", password: "short" }],
    [{ email: "x@example.org", password: PASSWORD, role: "admin" }],
    ["just a string"],
  ])("rejects a malformed sign-up %j", async (body) => {
    expect((await call("POST", "/api/auth/signup", body)).status).toBe(400);
  });

  it("signs in; a wrong password is a clear error", async () => {
    const ok = await call("POST", "/api/auth/signin", { email: "admin@example.org", password: PASSWORD });
    expect(ok.status).toBe(200);
    expect((await call("GET", "/api/auth/me", undefined, ok.body.token)).body.facilitator.email).toBe("admin@example.org");
    const bad = await call("POST", "/api/auth/signin", { email: "admin@example.org", password: "wrong password!" });
    expect(bad).toMatchObject({ status: 401, body: { error: "wrong_credentials" } });
    const unknown = await call("POST", "/api/auth/signin", { email: "nobody@example.org", password: PASSWORD });
    expect(unknown).toMatchObject({ status: 401, body: { error: "wrong_credentials" } });
  }, 60_000);

  it("an expired or forged token is refused with a clear error", async () => {
    const expired = await b.app.tokens.issue({ sub: admin.id, admin: true }, -5);
    expect(await call("GET", "/api/auth/me", undefined, expired)).toMatchObject({ status: 401, body: { error: "token_expired" } });
    expect(await call("GET", "/api/auth/me", undefined, admin.token + "x")).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
    expect(await call("GET", "/api/sessions")).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
  });

  it("sign-in attempts are rate-limited per email", async () => {
    const email = "b@example.org";
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await call("POST", "/api/auth/signin", { email, password: "wrong password!" })).status;
    expect(last).toBe(429);
    // even the right password waits now
    const r = await call("POST", "/api/auth/signin", { email, password: PASSWORD });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  }, 60_000); // five scrypt hashes at N = 2^17
});

describe("sessions", () => {
  let id: string;

  it("creates a session with an unguessable, readable code and a link", async () => {
    const r = await call("POST", "/api/sessions", { title: "Tuesday circle", environment: "forest", scheduledAt: Date.now() + 7 * DAY }, admin.token);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ title: "Tuesday circle", environment: "forest", capacity: 12, status: "scheduled" });
    expect(r.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/);
    expect(r.body.link).toBe(`/room/${r.body.code}`);
    id = r.body.id;
  });

  it.each([
    [{ title: "" }],
    [{ title: "x", capacity: 33 }],
    [{ title: "x", capacity: 0 }],
    [{ title: "x", environment: "../../x" }],
    [{ title: "x", environment: "desert" }],
    [{ title: "x".repeat(81) }],
    [{ title: "x", owner: "someone" }],
  ])("rejects %j", async (body) => {
    expect((await call("POST", "/api/sessions", body, admin.token)).status).toBe(400);
  });

  it("refuses a time more than a year ahead, on create and on edit, and keeps the session as it was (its code would stay open until a day after it)", async () => {
    const far = Date.now() + 2 * 365 * DAY;
    const created = await call("POST", "/api/sessions", { title: "Someday", scheduledAt: far }, admin.token);
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ error: "invalid_request" });
    expect(created.body.message).toMatch(/scheduledAt: at most a year ahead/);
    const before = (await call("GET", `/api/sessions/${id}`, undefined, admin.token)).body;
    const edit = await call("PATCH", `/api/sessions/${id}`, { scheduledAt: far }, admin.token);
    expect(edit.status).toBe(400);
    expect((await call("GET", `/api/sessions/${id}`, undefined, admin.token)).body).toEqual(before);
    const nextYear = await call("POST", "/api/sessions", { title: "Next year", scheduledAt: Date.now() + 360 * DAY }, admin.token);
    expect(nextYear.status).toBe(201);
  });

  it("refuses a time that has already passed, on create and on edit, and keeps the session as it was; a time already set may pass unchanged", async () => {
    for (const scheduledAt of [Date.now() - 2 * DAY, Date.now() - 20 * 60 * 1000, 0]) {
      const created = await call("POST", "/api/sessions", { title: "Yesterday", scheduledAt }, admin.token);
      expect(created.status).toBe(400);
      expect(created.body).toMatchObject({ error: "invalid_request", message: "scheduledAt: that time has already passed" });
    }
    // Starting now, by a browser whose clock is a minute behind: fine.
    const now = await call("POST", "/api/sessions", { title: "Right now", scheduledAt: Date.now() - 60 * 1000 }, admin.token);
    expect(now.status).toBe(201);
    // Edited into the past: refused, and the session is still scheduled and still joinable.
    const before = (await call("GET", `/api/sessions/${now.body.id}`, undefined, admin.token)).body;
    const edit = await call("PATCH", `/api/sessions/${now.body.id}`, { scheduledAt: Date.now() - 2 * DAY }, admin.token);
    expect(edit.status).toBe(400);
    expect((await call("GET", `/api/sessions/${now.body.id}`, undefined, admin.token)).body).toEqual(before);
    expect((await call("GET", `/api/join/${now.body.code}`)).status).toBe(200);
    // The form sends its time back unchanged with a new title: a time already set may have passed.
    const retitled = await call("PATCH", `/api/sessions/${now.body.id}`, { title: "Right now, renamed", scheduledAt: before.scheduledAt }, admin.token);
    expect(retitled.status).toBe(200);
    expect(retitled.body).toMatchObject({ title: "Right now, renamed", status: "scheduled" });
  });

  it("lists, reads and edits one's own sessions", async () => {
    const list = await call("GET", "/api/sessions", undefined, admin.token);
    expect(list.body.sessions.map((s: { id: string }) => s.id)).toContain(id);
    const edit = await call("PATCH", `/api/sessions/${id}`, { title: "Wednesday circle", capacity: 32, scheduledAt: null }, admin.token);
    expect(edit.body).toMatchObject({ title: "Wednesday circle", capacity: 32, scheduledAt: null });
    expect((await call("GET", `/api/sessions/${id}`, undefined, admin.token)).body.title).toBe("Wednesday circle");
  });

  it("another facilitator can neither see, read, edit, end nor read aggregates of it", async () => {
    expect((await call("GET", "/api/sessions", undefined, second.token)).body.sessions).toEqual([]);
    expect((await call("GET", `/api/sessions/${id}`, undefined, second.token)).status).toBe(404);
    expect((await call("PATCH", `/api/sessions/${id}`, { title: "mine now" }, second.token)).status).toBe(404);
    expect((await call("POST", `/api/sessions/${id}/end`, undefined, second.token)).status).toBe(404);
    expect((await call("POST", `/api/sessions/${id}/cancel`, undefined, second.token)).status).toBe(404);
    expect((await call("GET", `/api/sessions/${id}/aggregate`, undefined, second.token)).status).toBe(404);
    expect((await call("GET", `/api/sessions/${id}`, undefined, admin.token)).body.title).toBe("Wednesday circle");
  });

  it("anyone with the code can preview a circle before joining; nothing else", async () => {
    const { body: s } = await call("GET", `/api/sessions/${id}`, undefined, admin.token);
    const preview = await call("GET", `/api/join/${s.code.toLowerCase().replaceAll("-", " ")}`);
    expect(preview).toMatchObject({ status: 200, body: { code: s.code, title: "Wednesday circle", environment: "forest" } });
    expect(Object.keys(preview.body).sort()).toEqual(["code", "environment", "scheduledAt", "title"]);
    expect((await call("GET", "/api/join/ZZZ-ZZZ-ZZZ")).status).toBe(404);
    expect((await call("GET", "/api/join/nonsense")).status).toBe(404);
  });

  it("cancels and ends; a finished session cannot be edited or finished again", async () => {
    const other = (await call("POST", "/api/sessions", { title: "To cancel" }, admin.token)).body.id;
    expect((await call("POST", `/api/sessions/${other}/cancel`, undefined, admin.token)).body.status).toBe("cancelled");
    expect((await call("POST", `/api/sessions/${id}/end`, undefined, admin.token)).body.status).toBe("ended");
    expect((await call("POST", `/api/sessions/${id}/end`, undefined, admin.token)).status).toBe(409);
    expect((await call("PATCH", `/api/sessions/${id}`, { title: "again" }, admin.token)).status).toBe(409);
    const ended = (await call("GET", `/api/sessions/${id}`, undefined, admin.token)).body.code;
    expect(await call("GET", `/api/join/${ended}`)).toMatchObject({ status: 410, body: { error: "session_ended" } });
  });
});

describe("health", () => {
  it("answers ok without sign-in, never cached", async () => {
    const ok = await fetch(`${b.url}/api/health`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toEqual({ status: "ok" });
  });
});

describe("headers", () => {
  it("every response carries the CSP and XR permissions policy", async () => {
    const r = await call("GET", "/api/nothing-here");
    expect(r.status).toBe(404);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(r.headers.get("permissions-policy")).toContain("xr-spatial-tracking=(self)");
  });
});

describe("sign-up flooding", () => {
  it("sign-ups from one address are limited too (each valid one costs a password hash)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await call("POST", "/api/auth/signup", { email: `flood${i}@example.org`, password: PASSWORD })).status);
    expect(statuses).toContain(403);
    expect(statuses.at(-1)).toBe(429);
  });
});
