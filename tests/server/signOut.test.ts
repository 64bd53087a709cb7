import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode, JoinError, ROOM_NAME, Role } from "../../core/protocol";
import { apiCall, bootApp, dropConnection, facilitator, join, joinError, joinOptions, sdk, serverRoom, session, until, type Booted, type Joined } from "./harness";

/**
 * A facilitator who signs out (every token revoked) stops being the facilitator of their open
 * circles at once: their connection closes with 4103, a seat held in the reconnection window goes
 * too, their old room token and seat token bring nobody back as facilitator, and the circles go on
 * with their co-facilitators. Tried as the facilitator, as someone holding the facilitator's seat
 * token, and from another facilitator's circle (which must not be touched).
 */
let b: Booted;
beforeAll(async () => {
  b = await bootApp();
});
afterAll(async () => {
  await b.stop();
});

const PASSWORD = "a long enough password";

const call = (method: string, url: string, token?: string, body?: unknown) => apiCall(b)(method, url, token, body);

const roomToken = async (api: string) => (await call("POST", "/api/auth/room-token", api)).body.token as string;

/** Join as the facilitator with a room token, open the circle, and keep the seat token the room sends. */
async function lead(code: string, token: string): Promise<{ room: Joined; seatToken: () => string; closed: Promise<number> }> {
  const room: Joined = await sdk(b, token).joinOrCreate(ROOM_NAME, joinOptions(code, "Lead"));
  let seat = "";
  // The seat token follows the join before the next patch: listen at once.
  room.onMessage("seat", ({ token: t }) => void (seat = t));
  await room.waitForInitialState();
  const closed = new Promise<number>((resolve) => room.onLeave((c: number) => resolve(c)));
  room.send("openCircle");
  await until(() => room.state.session.status === "open" && seat !== "", 3000, "circle open, seat token");
  return { room, seatToken: () => seat, closed };
}

describe("signing out while leading circles", () => {
  let api = "";
  let id = "";
  let first: Awaited<ReturnType<typeof lead>>, second: Awaited<ReturnType<typeof lead>>;
  let codeA = "", codeB = "", codeOther = "";
  let cofac: Joined, participant: Joined, otherLead: Joined;

  beforeAll(async () => {
    const up = await call("POST", "/api/auth/signup", undefined, { email: "lead@example.org", password: PASSWORD });
    api = up.body.token as string;
    id = (up.body.facilitator as { id: string }).id;
    codeA = session(b, id).code;
    codeB = session(b, id).code;
    const token = await roomToken(api);
    first = await lead(codeA, token);
    second = await lead(codeB, token);
    cofac = await join(b, codeA, "Co Lead");
    participant = await join(b, codeA, "Sitting Here");
    first.room.send("promote", { target: cofac.sessionId });
    await until(() => cofac.state.participants.get(cofac.sessionId)?.role === Role.cofacilitator, 3000, "promoted");
    // Another facilitator's circle: nothing of this may reach it.
    const other = await facilitator(b);
    codeOther = session(b, other.id).code;
    otherLead = await join(b, codeOther, "Other Lead", { token: other.token });
    // The second circle's facilitator is in the reconnection window when the sign-out comes.
    second.room.reconnection.enabled = false;
    dropConnection(b, codeB, second.room.sessionId);
    await until(() => serverRoom(b, codeB).state.participants.get(second.room.sessionId)?.connected === false, 3000, "in the reconnection window");
  }, 60_000);

  it("the facilitator's connection closes with 4103 and their seat is gone for everyone; the circle goes on with its co-facilitator", async () => {
    expect((await call("POST", "/api/auth/signout", api)).status).toBe(204);
    expect(await first.closed).toBe(CloseCode.SIGNED_OUT);
    await until(() => !participant.state.participants.has(first.room.sessionId), 2000, "facilitator gone for the others");
    expect(serverRoom(b, codeA).state.participants.has(first.room.sessionId)).toBe(false);
    expect(participant.connection.isOpen).toBe(true);
    expect(serverRoom(b, codeA).state.session.status).toBe("open");
    // The co-facilitator still leads.
    cofac.send("lock");
    await until(() => participant.state.session.locked, 3000, "locked by the co-facilitator");
    expect(cofac.state.participants.get(cofac.sessionId)?.role).toBe(Role.cofacilitator);
  });

  it("a facilitator seat held in the reconnection window is given up at once, not after 60 s", async () => {
    await until(() => !serverRoom(b, codeB).state.participants.has(second.room.sessionId), 2000, "held seat freed");
    await expect(sdk(b).reconnect(second.room.reconnectionToken)).rejects.toBeTruthy();
  });

  it("the old room token joins no circle, and the facilitator's seat token brings nobody back as facilitator (or past the door)", async () => {
    const stale = await b.app.tokens.issueRoom({ sub: id, admin: true, v: 0 });
    expect(await joinError(sdk(b, stale).joinOrCreate(ROOM_NAME, joinOptions(codeA, "Lead")))).toBe(JoinError.BAD_TOKEN);
    // Someone who got hold of the seat token, joining without a sign-in.
    serverRoom(b, codeA).state.session.locked = false;
    serverRoom(b, codeA).state.session.admission = true;
    const thief = await join(b, codeA, "Lead", { extra: { seatToken: first.seatToken() } });
    const mine = serverRoom(b, codeA).state.participants.get(thief.sessionId);
    expect(mine).toBeUndefined();
    expect(serverRoom(b, codeA).state.knocking.has(thief.sessionId)).toBe(true);
    await thief.leave();
  });

  it("another facilitator's circle is untouched", () => {
    expect(otherLead.connection.isOpen).toBe(true);
    expect(serverRoom(b, codeOther).state.participants.get(otherLead.sessionId)?.role).toBe(Role.facilitator);
  });

  it("signed in again, a new room token makes them the facilitator of the same circle", async () => {
    const again = (await call("POST", "/api/auth/signin", undefined, { email: "lead@example.org", password: PASSWORD })).body.token as string;
    const back = await join(b, codeA, "Lead", { token: await roomToken(again) });
    expect(back.state.participants.get(back.sessionId)?.role).toBe(Role.facilitator);
    await back.leave();
  }, 60_000);
});
