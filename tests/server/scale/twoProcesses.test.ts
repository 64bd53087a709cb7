import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode, JoinError, Role, SessionStatus } from "../../../core/protocol";
import type { ServerProcess } from "../../../scripts/serverProcess";
import { admit, closeCode, endSession, facilitatorSession, joinThrough, member, placeCircle, servicesMissing, SETUP_MS, startCluster, until, type Cluster } from "../../../scripts/cluster";

if (servicesMissing) console.warn(`two-process tests skipped: ${servicesMissing}`);

describe.skipIf(Boolean(servicesMissing))("two processes on one Redis and one Postgres", () => {
  let c: Cluster;
  let a: ServerProcess;
  let b: ServerProcess;
  let redis: Redis;
  beforeAll(async () => {
    c = await startCluster();
    [a, b] = await Promise.all([c.start(), c.start()]);
    redis = new Redis(c.redis.url);
  }, 200_000);
  afterAll(async () => {
    redis?.disconnect();
    await c?.stop();
  });

  /** Where the circle of `code` lives, from its listing in Redis (the listing names that process' address). */
  const homeOf = async (code: string): Promise<ServerProcess[]> => {
    const listings = Object.values(await redis.hgetall("roomcaches")).map((v) => JSON.parse(v) as { publicAddress?: string; metadata?: { code?: string } });
    const addresses = listings.filter((l) => l.metadata?.code === code).map((l) => l.publicAddress);
    return addresses.map((addr) => [a, b].find((p) => `127.0.0.1:${p.port}` === addr)!);
  };

  it("a person joining through the other process waits at the door and, admitted, sits in the circle; an edit and the end over HTTP there reach it", async () => {
    const { token, apiToken, s } = await facilitatorSession(c);
    // Colyseus creates a room on the least busy process, whichever one was asked.
    const lead = await joinThrough(a, s.code, "Facilitator", token);
    lead.send("openCircle");
    await until(() => lead.state.session.status === SessionStatus.open, SETUP_MS, "circle open");
    const homes = await homeOf(s.code);
    expect(homes).toHaveLength(1);
    const other = homes[0] === a ? b : a;
    const person = await joinThrough(other, s.code, "Quiet Heron");
    expect(person.roomId).toBe(lead.roomId);
    // Admission is on (the default): the facilitator, on the circle's process, lets them in.
    await admit(lead, person);
    await until(() => lead.state.participants.size === 2 && person.state.participants.size === 2, SETUP_MS, "both seated");
    expect([...person.state.participants.values()].map((p) => p.pseudonym).sort()).toEqual(["Facilitator", "Quiet Heron"]);
    expect(await homeOf(s.code)).toEqual(homes);

    const headers = { authorization: `Bearer ${apiToken}`, "content-type": "application/json" };
    const edit = await fetch(`${other.url}/api/sessions/${s.id}`, { method: "PATCH", headers, body: JSON.stringify({ title: "Thursday circle" }) });
    expect(edit.status).toBe(200);
    await until(() => person.state.session.title === "Thursday circle", SETUP_MS, "title refreshed in the circle on its home process");

    const leadClosed = closeCode(lead);
    const personClosed = closeCode(person);
    const end = await fetch(`${other.url}/api/sessions/${s.id}/end`, { method: "POST", headers });
    expect(end.status).toBe(200);
    expect(await personClosed).toBe(CloseCode.SESSION_ENDED);
    expect(await leadClosed).toBe(CloseCode.SESSION_ENDED);
    expect(c.store.sessions.byId(s.id)?.status).toBe("ended");
  }, 90_000);

  it("signing out through the other process takes the facilitator out of their circle on this one (4103); the circle goes on, and their seat token brings nobody back as facilitator", async () => {
    const { token, apiToken, s, lead, other, via } = await placeCircle(c, [a, b]);
    const [co, person] = await Promise.all(["Still Lake", "Quiet Heron"].map((n) => member(other, via, s.code, n)));
    lead.room.send("promote", { target: co!.room.sessionId });
    await until(() => person!.room.state.participants.get(co!.room.sessionId)?.role === Role.cofacilitator, SETUP_MS, "co-facilitator promoted");
    const leadSeat = lead.got.seat!.at(-1) as { token: string };

    const out = await fetch(`${other.url}/api/auth/signout`, { method: "POST", headers: { authorization: `Bearer ${apiToken}` } });
    expect(out.status).toBe(204);
    await until(() => lead.closed !== null, SETUP_MS, "the facilitator's connection closed");
    expect(lead.closed).toBe(CloseCode.SIGNED_OUT);
    expect(lead.moves).toBe(0);
    await until(() => !person!.room.state.participants.has(lead.room.sessionId), SETUP_MS, "the facilitator gone for the others");
    expect([co!.closed, person!.closed]).toEqual([null, null]);
    expect(person!.room.state.session.status).toBe(SessionStatus.open);
    // The co-facilitator still leads.
    co!.room.send("lock");
    await until(() => person!.room.state.session.locked, SETUP_MS, "locked by the co-facilitator");

    // The old room token joins nothing, through either process; the seat token alone does not seat anyone.
    for (const p of [a, b]) expect(await joinThrough(p, s.code, "Facilitator", token).then(() => 0, (e: { code?: number }) => e.code)).toBe(JoinError.BAD_TOKEN);
    co!.room.send("unlock");
    await until(() => !person!.room.state.session.locked, SETUP_MS, "unlocked");
    const thief = await joinThrough(other, s.code, "Facilitator", undefined, { seatToken: leadSeat.token });
    expect(thief.state.participants.get(thief.sessionId)?.role ?? null).not.toBe(Role.facilitator);
    expect([...person!.room.state.participants.values()].some((p) => p.role === Role.facilitator)).toBe(false);
    await thief.leave();
    // The old API token was revoked with the rest: signed in again, the facilitator ends the session.
    expect(await endSession(other, s.id, apiToken)).toBe(401);
    const again = await c.tokens.issue({ sub: s.facilitatorId, admin: false, v: c.store.facilitators.byId(s.facilitatorId)!.tokenVersion });
    expect(await endSession(other, s.id, again)).toBe(200);
    await until(() => [co!, person!].every((m) => m.closed === CloseCode.SESSION_ENDED), SETUP_MS, "circle ended");
  }, 90_000);

  it("keeps no record in Redis of who joined which room, waiting at the door or seated", async () => {
    const { token, s } = await facilitatorSession(c);
    const lead = await joinThrough(b, s.code, "Facilitator", token);
    const person = await joinThrough(a, s.code, "Slow River");
    const noRecord = async () => {
      const keys = await redis.keys("*");
      expect(keys.filter((k) => k.includes("user"))).toEqual([]);
      const values = await Promise.all(keys.map(async (k) => JSON.stringify(await redis.type(k) === "hash" ? await redis.hgetall(k) : await redis.type(k) === "string" ? await redis.get(k) : "")));
      expect(values.join(" ")).not.toContain("Slow River");
    };
    await until(() => Boolean(lead.state.knocking?.get(person.sessionId)), SETUP_MS, "Slow River knocking");
    await noRecord();
    await admit(lead, person);
    await until(() => lead.state.participants.size === 2, SETUP_MS, "both seated");
    await noRecord();
    await Promise.all([lead.leave(), person.leave()]);
  }, 90_000);
});
