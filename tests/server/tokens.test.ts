import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JoinError, ROOM_NAME, ROOM_TOKEN_TTL_SECONDS } from "../../core/protocol";
import { TokenService } from "../../server/auth/tokens";
import { jwtSecret } from "../../server/config";
import { apiCall, bootApp, join, joinError, joinOptions, sdk, session, type Booted } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const PASSWORD = "correct horse battery";

const call = (method: string, url: string, token?: string, body?: unknown) => apiCall(b)(method, url, token, body);

const joinAsLead = (code: string, token: string) => joinError(sdk(b, token).joinOrCreate(ROOM_NAME, joinOptions(code, "Lead")));

let api = "";
let facilitatorId = "";

describe("room tokens", () => {
  it("the API hands a signed-in facilitator a minutes-long room token, which joins their circle as its facilitator", async () => {
    const up = await call("POST", "/api/auth/signup", undefined, { email: "lead@example.org", password: PASSWORD });
    expect(up.status).toBe(201);
    api = up.body.token;
    facilitatorId = up.body.facilitator.id;
    const before = Date.now();
    const r = await call("POST", "/api/auth/room-token", api);
    expect(r.status).toBe(200);
    expect(r.body.expiresAt).toBeGreaterThanOrEqual(before + ROOM_TOKEN_TTL_SECONDS * 1000 - 1000);
    expect(r.body.expiresAt).toBeLessThanOrEqual(Date.now() + ROOM_TOKEN_TTL_SECONDS * 1000);
    expect(ROOM_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(15 * 60);
    const s = session(b, facilitatorId);
    const lead = await join(b, s.code, "Lead", { token: r.body.token });
    expect([...lead.state.participants.values()][0]?.role).toBe("facilitator");
    await lead.leave();
  });

  it("the 12 h API token does not open a room, and a room token does not open the API", async () => {
    const s = session(b, facilitatorId);
    expect(await joinAsLead(s.code, api)).toBe(JoinError.BAD_TOKEN);
    const room = (await call("POST", "/api/auth/room-token", api)).body.token as string;
    expect((await call("GET", "/api/auth/me", room)).status).toBe(401);
    expect((await call("GET", "/api/sessions", room)).status).toBe(401);
    expect((await call("POST", "/api/auth/room-token", room)).status).toBe(401);
  });

  it("an expired room token is refused", async () => {
    const s = session(b, facilitatorId);
    const expired = await b.app.tokens.issueRoom({ sub: facilitatorId, admin: false }, -5);
    expect(await joinAsLead(s.code, expired)).toBe(JoinError.BAD_TOKEN);
  });

  it("without a sign-in there is no room token", async () => {
    expect((await call("POST", "/api/auth/room-token")).status).toBe(401);
  });
});

describe("signing out", () => {
  it("revokes every token of the facilitator — this device's, another device's, and room tokens — and a new sign-in works", async () => {
    const other = (await call("POST", "/api/auth/signin", undefined, { email: "lead@example.org", password: PASSWORD })).body.token as string;
    const room = (await call("POST", "/api/auth/room-token", other)).body.token as string;
    expect((await call("GET", "/api/auth/me", api)).status).toBe(200);

    expect((await call("POST", "/api/auth/signout", api)).status).toBe(204);
    for (const token of [api, other]) {
      expect(await call("GET", "/api/auth/me", token)).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
      expect((await call("GET", "/api/sessions", token)).status).toBe(401);
      expect((await call("POST", "/api/auth/room-token", token)).status).toBe(401);
    }
    const s = session(b, facilitatorId);
    expect(await joinAsLead(s.code, room)).toBe(JoinError.BAD_TOKEN);
    // Signing out twice with the same token is refused like any revoked token.
    expect((await call("POST", "/api/auth/signout", api)).status).toBe(401);

    const again = (await call("POST", "/api/auth/signin", undefined, { email: "lead@example.org", password: PASSWORD })).body.token as string;
    expect((await call("GET", "/api/auth/me", again)).status).toBe(200);
    const fresh = (await call("POST", "/api/auth/room-token", again)).body.token as string;
    const lead = await join(b, s.code, "Lead", { token: fresh });
    await lead.leave();
  }, 60_000);
});

describe("the signing secret", () => {
  it("is at least 32 characters, or nothing starts", () => {
    expect(() => new TokenService("x".repeat(31))).toThrow(/at least 32/);
    expect(() => jwtSecret(b.dataDir, { JWT_SECRET: "short" })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => jwtSecret(b.dataDir, { JWT_SECRET: "" })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(jwtSecret(b.dataDir, { JWT_SECRET: "y".repeat(32) })).toBe("y".repeat(32));
  });

  it("generated when unset: 64 characters, the same on the next start", () => {
    const first = jwtSecret(b.dataDir, {});
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(jwtSecret(b.dataDir, {})).toBe(first);
  });
});
