import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FacilitatorMessage, JoinError, RESERVED_FOR_FACILITATOR, ROOM_NAME, type FacilitatorMessage as Action } from "../../core/protocol";
import {
  bootApp,
  circle,
  dropConnection,
  facilitator,
  freshRates,
  join,
  joinError,
  joinOptions,
  sdk,
  sendRaw,
  serverRoom,
  session,
  sleep,
  until,
  type Booted,
  type Joined,
} from "./harness";

/**
 * The authorization matrix: every facilitator action, tried by everyone who may not take it — a
 * participant, a co-facilitator (the facilitator's own actions, and actions on the facilitator), a
 * demoted co-facilitator, a participant in their reconnection window, a removed person who comes
 * back, someone not admitted yet, and another session's facilitator. Each cell: the documented
 * error, and the room's state exactly as before.
 */
let b: Booted;
let lead: Joined, cofac: Joined, demoted: Joined, p1: Joined, p2: Joined, away: Joined;
let code = "";

const ACTIONS = Object.values(FacilitatorMessage);
const snapshot = () => JSON.stringify(serverRoom(b, code).state.toJSON());

/** A payload that would succeed for the facilitator, aimed at p2 (the co-facilitator for demote). */
function payloadFor(action: Action, target = p2.sessionId): unknown {
  const to = action === "demote" ? cofac.sessionId : target;
  switch (action) {
    case "startPractice": return { patternId: "box", cycles: 2 };
    case "setEnvironment": return { environment: "forest" };
    case "mute": case "unmute": case "remove": case "promote": case "demote": return { target: to };
    case "muteChat": case "unmuteChat": case "admit": case "decline": return { target: to };
    case "givePiece": return { to };
    case "markSeen": return { id: "someAlertId" };
    case "setPieceMode": return { on: true };
    case "deleteChat": return { id: "someChatId" };
    case "setChat": return { on: false };
    case "shareCard": return { id: "grounding" };
    case "setAdmission": return { on: false };
    default: return undefined;
  }
}

/** Errors a client receives, in order. */
function errorsOf(room: Joined) {
  const seen: { action: string; code: string }[] = [];
  room.onMessage("error", (m: { action: string; code: string }) => seen.push(m));
  return seen;
}

/** `sender` tries `action`: refused with `code`, nothing changes. */
async function expectRefused(sender: Joined, action: Action, errorCode: string, payload = payloadFor(action)): Promise<void> {
  const before = snapshot();
  freshRates(b, code, sender.sessionId);
  const reply = sender.waitForMessage("error", 2000);
  sendRaw(sender, action, payload);
  expect(await reply).toEqual({ action, code: errorCode });
  expect(snapshot()).toBe(before);
}

beforeAll(async () => {
  b = await bootApp();
  const c = await circle(b, 5);
  [lead, cofac, demoted, p1, p2, away] = [c.lead, ...c.people] as [Joined, Joined, Joined, Joined, Joined, Joined];
  code = c.s.code;
  // A state in which every action would visibly change something.
  lead.send("promote", { target: cofac.sessionId });
  lead.send("promote", { target: demoted.sessionId });
  lead.send("mute", { target: p2.sessionId });
  p2.send("raiseHand");
  lead.send("startPractice", { patternId: "resonance", cycles: 3 });
  lead.send("shareCard", { id: "grounding" });
  await until(() => serverRoom(b, code).state.participants.get(demoted.sessionId)?.role === "cofacilitator", 3000, "promoted");
  lead.send("demote", { target: demoted.sessionId });
  await until(() => {
    const s = serverRoom(b, code).state;
    return s.participants.get(demoted.sessionId)?.role === "participant" && s.participants.get(cofac.sessionId)?.role === "cofacilitator" &&
      s.handQueue.length === 1 && s.practice.running && s.card === "grounding";
  }, 3000, "setup");
});
afterAll(async () => { await b.stop(); });

describe("a participant", () => {
  it.each(ACTIONS)("is refused %s (forbidden)", async (action) => {
    await expectRefused(p1, action, "forbidden");
  });
});

describe("a co-facilitator", () => {
  it.each([...RESERVED_FOR_FACILITATOR] as Action[])("is refused the facilitator's own %s (forbidden)", async (action) => {
    await expectRefused(cofac, action, "forbidden");
  });

  it.each(["remove", "mute", "unmute", "muteChat", "unmuteChat", "promote", "demote"] as const)("may not %s the facilitator (forbidden)", async (action) => {
    await expectRefused(cofac, action, "forbidden", { target: lead.sessionId });
    expect(serverRoom(b, code).state.participants.get(lead.sessionId)?.muted).toBe(false);
  });

  it("may mute a participant (a non-reserved action) — the cells above are refusals, not a broken role", async () => {
    freshRates(b, code, cofac.sessionId);
    cofac.send("unmute", { target: p2.sessionId });
    await until(() => serverRoom(b, code).state.participants.get(p2.sessionId)?.muted === false, 2000, "unmute");
    lead.send("mute", { target: p2.sessionId });
    await until(() => serverRoom(b, code).state.participants.get(p2.sessionId)?.muted === true, 2000, "mute");
  });
});

describe("a demoted co-facilitator", () => {
  it.each(ACTIONS)("is refused %s (forbidden)", async (action) => {
    await expectRefused(demoted, action, "forbidden");
  });
});

describe("another session's facilitator", () => {
  it("cannot enter this circle as its facilitator (403), and their own circle's actions never reach this one", async () => {
    const other = await facilitator(b);
    expect(await joinError(sdk(b, other.token).joinOrCreate(ROOM_NAME, joinOptions(code, "Other Lead")))).toBe(JoinError.NOT_YOUR_SESSION);
    const theirs = session(b, other.id);
    const theirLead = await join(b, theirs.code, "Other Lead", { token: other.token });
    const before = snapshot();
    const errors = errorsOf(theirLead);
    for (const action of ["mute", "remove", "promote", "muteChat", "givePiece", "admit", "decline"] as const) {
      sendRaw(theirLead, action, payloadFor(action, p1.sessionId));
    }
    await until(() => errors.length === 7, 2000, "answers");
    expect(errors.map((e) => e.code)).toEqual(Array(7).fill("no-such-participant"));
    expect(snapshot()).toBe(before);
    await theirLead.leave();
  });

  it.each(ACTIONS)("joining this circle without their token is a participant here: %s is forbidden", async (action) => {
    // (one shared seat for the whole row, joined on first use)
    otherAsParticipant ??= await join(b, code, "Other Lead Again");
    await expectRefused(otherAsParticipant, action, "forbidden");
  });
});
let otherAsParticipant: Joined | undefined;

describe("a participant in their reconnection window", () => {
  it("nothing reaches the circle while they are away", async () => {
    const before = snapshot();
    const token = away.reconnectionToken;
    away.reconnection.enabled = false;
    dropConnection(b, code, away.sessionId);
    await until(() => serverRoom(b, code).state.participants.get(away.sessionId)?.connected === false, 3000, "in the reconnection window");
    for (const action of ACTIONS) {
      try { sendRaw(away, action, payloadFor(action)); } catch { /* no socket: nothing can be sent */ }
    }
    await sleep(150);
    const during = JSON.parse(snapshot());
    during.participants[away.sessionId].connected = true;
    expect(JSON.stringify(during)).toBe(before);
    back = (await sdk(b).reconnect(token)) as Joined;
    await until(() => serverRoom(b, code).state.participants.get(back!.sessionId)?.connected === true, 3000, "back");
  });

  it.each(ACTIONS)("back in the same seat, they are still a participant: %s is forbidden", async (action) => {
    await expectRefused(back!, action, "forbidden");
  });
});
let back: Joined | undefined;

describe("someone not admitted yet", () => {
  it.each(ACTIONS)("is refused %s (not-admitted)", async (action) => {
    knocker ??= await knock("Knocking Wren");
    await expectRefused(knocker, action, "not-admitted");
  });
});
let knocker: Joined | undefined;

/** Join the circle while admission is on: the person waits in the waiting area. */
async function knock(pseudonym: string): Promise<Joined> {
  if (!serverRoom(b, code).state.session.admission) {
    freshRates(b, code, lead.sessionId);
    lead.send("setAdmission", { on: true });
    await until(() => serverRoom(b, code).state.session.admission, 2000, "admission on");
  }
  const room = await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(code, pseudonym));
  await until(() => serverRoom(b, code).state.knocking.has(room.sessionId), 2000, "knocking");
  return room as Joined;
}

describe("a removed person", () => {
  it("is closed with 4100; their old token no longer works; back under a new name they wait, and every action is refused", async () => {
    const oldToken = p1.reconnectionToken;
    p1.reconnection.enabled = false;
    const left = new Promise<number>((resolve) => p1.onLeave((c: number) => resolve(c)));
    freshRates(b, code, lead.sessionId);
    lead.send("remove", { target: p1.sessionId });
    expect(await left).toBe(4100);
    await until(() => !serverRoom(b, code).state.participants.has(p1.sessionId), 2000, "removed from state");
    await expect(sdk(b).reconnect(oldToken)).rejects.toBeTruthy();
    // Removal turned admission back on: they knock, and cannot act from the waiting area.
    const again = await knock("New Name");
    const errors = errorsOf(again);
    const before = snapshot();
    for (const action of ACTIONS) sendRaw(again, action, payloadFor(action));
    await until(() => errors.length === ACTIONS.length, 3000, "every action answered");
    expect(errors).toEqual(ACTIONS.map((action) => ({ action, code: "not-admitted" })));
    expect(snapshot()).toBe(before);
  });
});
