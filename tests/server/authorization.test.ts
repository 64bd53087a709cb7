import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FacilitatorMessage, RESERVED_FOR_FACILITATOR, type FacilitatorMessage as Action } from "../../core/protocol";
import { bootApp, circle, freshRates, sendRaw, serverRoom, until, type Booted, type Joined } from "./harness";

/**
 * Every facilitator action, tried by someone who may not take it, is refused with
 * `error { action, code: "forbidden" }` and changes nothing in the room state.
 */
let b: Booted;
let lead: Joined, cofac: Joined, p1: Joined, p2: Joined;
let code: string;

const snapshot = () => JSON.stringify(serverRoom(b, code).state.toJSON());

/** A payload that would succeed for the facilitator, aimed at p2 (or the co-facilitator for demote). */
function payloadFor(action: Action): unknown {
  const target = action === "demote" ? cofac.sessionId : p2.sessionId;
  switch (action) {
    case "startPractice": return { patternId: "box", cycles: 2 };
    case "setEnvironment": return { environment: "forest" };
    case "mute": case "unmute": case "remove": case "promote": case "demote": return { target };
    case "givePiece": return { to: target };
    case "markSeen": return { id: "someAlertId" };
    case "setPieceMode": return { on: true };
    case "muteChat": case "unmuteChat": return { target };
    case "deleteChat": return { id: "someChatId" };
    case "setChat": return { on: false };
    case "shareCard": return { id: "grounding" };
    case "admit": case "decline": return { target };
    case "setAdmission": return { on: false };
    default: return undefined;
  }
}

async function expectRefused(sender: Joined, action: Action): Promise<void> {
  const before = snapshot();
  freshRates(b, code, sender.sessionId);
  const reply = sender.waitForMessage("error", 2000);
  sendRaw(sender, action, payloadFor(action));
  expect(await reply).toEqual({ action, code: "forbidden" });
  expect(snapshot()).toBe(before);
}

beforeAll(async () => {
  b = await bootApp();
  const c = await circle(b, 3);
  [lead, cofac, p1, p2] = [c.lead, c.people[0]!, c.people[1]!, c.people[2]!];
  code = c.s.code;
  // A state in which every action would visibly change something.
  lead.send("promote", { target: cofac.sessionId });
  lead.send("mute", { target: p2.sessionId });
  p2.send("raiseHand");
  lead.send("startPractice", { patternId: "resonance", cycles: 3 });
  await until(() => {
    const s = serverRoom(b, code).state;
    return s.participants.get(cofac.sessionId)?.role === "cofacilitator" && s.handQueue.length === 1 && s.practice.running;
  }, 3000, "setup");
});
afterAll(async () => { await b.stop(); });

describe("a participant", () => {
  it.each(Object.values(FacilitatorMessage))("is refused %s", async (action) => {
    await expectRefused(p1, action);
  });
});

describe("a co-facilitator", () => {
  it.each([...RESERVED_FOR_FACILITATOR] as Action[])("is refused %s", async (action) => {
    await expectRefused(cofac, action);
  });

  it("may mute a participant (a non-reserved action)", async () => {
    cofac.send("unmute", { target: p2.sessionId });
    await until(() => serverRoom(b, code).state.participants.get(p2.sessionId)?.muted === false, 2000, "unmute");
    lead.send("mute", { target: p2.sessionId });
    await until(() => serverRoom(b, code).state.participants.get(p2.sessionId)?.muted === true, 2000, "mute");
  });

  it.each(["remove", "mute", "unmute", "promote", "demote"] as const)("may not %s the facilitator", async (action) => {
    const before = snapshot();
    const reply = cofac.waitForMessage("error", 2000);
    cofac.send(action, { target: lead.sessionId });
    expect(await reply).toEqual({ action, code: "forbidden" });
    expect(snapshot()).toBe(before);
    expect(serverRoom(b, code).state.participants.get(lead.sessionId)?.muted).toBe(false);
  });
});

describe("a removed participant", () => {
  it("is closed with 4100 and nothing they send afterwards changes the room", async () => {
    const left = new Promise<number>((resolve) => p1.onLeave((code: number) => resolve(code)));
    lead.send("remove", { target: p1.sessionId });
    expect(await left).toBe(4100);
    await until(() => !serverRoom(b, code).state.participants.has(p1.sessionId), 2000, "removed from state");
    const before = snapshot();
    for (const action of Object.values(FacilitatorMessage)) {
      try { sendRaw(p1, action, payloadFor(action)); } catch { /* the socket is closed: that is the point */ }
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(snapshot()).toBe(before);
    expect(serverRoom(b, code).state.participants.size).toBe(3);
  });
});
