import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pack } from "msgpackr";
import { REPORT_MAX_EVENTS, ROOM_NAME, type ServerMessages } from "../../core/protocol";
import {
  bootApp,
  circle,
  dropConnection,
  facilitator,
  join,
  joinOptions,
  sdk,
  session,
  sleep,
  until,
  type Booted,
  type Joined,
} from "./harness";

/**
 * Private alerts: "I need a moment" and reports reach only the facilitator and co-facilitators,
 * the sender is told whether they were delivered, are waiting, or were seen, and nothing is lost
 * when no facilitator is connected.
 */
let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });


/** Collect every message of `type` a room receives. */
function collect<K extends keyof ServerMessages>(room: Joined, type: K): ServerMessages[K][] {
  const got: ServerMessages[K][] = [];
  room.onMessage(type, (m) => void got.push(m as ServerMessages[K]));
  return got;
}

/** Join and listen for `type` at once (messages queued for a newcomer arrive right after the join). */
async function joinListening<K extends keyof ServerMessages>(code: string, token: string, type: K) {
  const room: Joined = await sdk(b, token).joinOrCreate(ROOM_NAME, joinOptions(code, "Facilitator"));
  return { room, got: collect(room, type) };
}

async function promote(lead: Joined, who: Joined): Promise<void> {
  lead.send("promote", { target: who.sessionId });
  await until(() => lead.state.participants.get(who.sessionId)?.role === "cofacilitator", 2000, "promoted");
}

describe("I need a moment", () => {
  it("is delivered to the facilitator and co-facilitators only; the sender is told delivered, then seen", async () => {
    const { lead, people: [asker, cofac, other] } = await circle(b, 3);
    await promote(lead, cofac!);
    const toLead = collect(lead, "moment");
    const toCofac = collect(cofac!, "moment");
    const toOther = collect(other!, "moment");
    const seenByCofac = collect(cofac!, "alertSeen");
    const status = collect(asker!, "alertStatus");
    asker!.send("needMoment");
    await until(() => toLead.length === 1 && toCofac.length === 1 && status.length === 1, 2000, "delivered");
    const id = toLead[0]!.id;
    expect(toLead[0]).toEqual({ id, from: asker!.sessionId });
    expect(toCofac[0]).toEqual({ id, from: asker!.sessionId });
    expect(status).toEqual([{ id, kind: "moment", status: "delivered" }]);

    lead.send("markSeen", { id });
    await until(() => status.length === 2 && seenByCofac.length === 1, 2000, "seen");
    expect(status[1]).toEqual({ id, kind: "moment", status: "seen" });
    expect(seenByCofac).toEqual([{ id }]);
    await sleep(150); // a wrong delivery would arrive in the same tick
    expect(toOther).toEqual([]);

    const refusal = lead.waitForMessage("error", 2000);
    lead.send("markSeen", { id });
    expect(await refusal).toEqual({ action: "markSeen", code: "invalid-state" });
  });

  it("from a co-facilitator reaches the facilitator, and its sender cannot mark it seen themselves", async () => {
    const { lead, people: [cofac] } = await circle(b, 1);
    await promote(lead, cofac!);
    const toLead = collect(lead, "moment");
    const status = collect(cofac!, "alertStatus");
    cofac!.send("needMoment");
    await until(() => toLead.length === 1 && status.length === 1, 2000, "delivered");
    const id = toLead[0]!.id;
    const refusal = cofac!.waitForMessage("error", 2000);
    cofac!.send("markSeen", { id });
    expect(await refusal).toEqual({ action: "markSeen", code: "forbidden" });
    await sleep(150);
    expect(status).toEqual([{ id, kind: "moment", status: "delivered" }]);
    lead.send("markSeen", { id });
    await until(() => status.length === 2, 2000, "seen by the facilitator");
    expect(status[1]).toEqual({ id, kind: "moment", status: "seen" });
  });

  it("waits while the facilitator is in the reconnection window and is delivered when they come back", async () => {
    const { lead, s, people: [asker] } = await circle(b, 1);
    lead.reconnection.enabled = false;
    const token = lead.reconnectionToken;
    dropConnection(b, s.code, lead.sessionId);
    await until(() => asker!.state.participants.get(lead.sessionId)?.connected === false, 3000, "facilitator away");
    const status = collect(asker!, "alertStatus");
    asker!.send("needMoment");
    await until(() => status.length === 1, 2000, "waiting");
    expect(status[0]!.status).toBe("waiting");

    const back = await sdk(b).reconnect(token);
    const moments = collect(back, "moment");
    await until(() => moments.length === 1 && status.length === 2, 3000, "delivered after reconnection");
    expect(moments[0]).toEqual({ id: status[0]!.id, from: asker!.sessionId });
    expect(status[1]).toEqual({ id: status[0]!.id, kind: "moment", status: "delivered" });
  });

  it("waits before any facilitator has joined, and reaches the first one who does", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    const asker = await join(b, s.code, "Early");
    const status = collect(asker, "alertStatus");
    asker.send("needMoment");
    await until(() => status.length === 1, 2000, "waiting");
    expect(status[0]!.status).toBe("waiting");
    const { got: moments } = await joinListening(s.code, f.token, "moment");
    await until(() => moments.length === 1 && status.length === 2, 3000, "delivered on join");
    expect(status[1]!.status).toBe("delivered");
  });

  it("reaches someone promoted later, and is forgotten when its sender leaves", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    const [asker, leaver, helper] = [await join(b, s.code, "A"), await join(b, s.code, "B"), await join(b, s.code, "C")];
    asker.send("needMoment");
    leaver.send("needMoment");
    await sleep(100);
    await leaver.leave();
    const { room: lead, got: toLead } = await joinListening(s.code, f.token, "moment");
    await until(() => toLead.length === 1, 2000, "one moment");
    const toHelper = collect(helper, "moment");
    await promote(lead, helper);
    await until(() => toHelper.length === 1, 2000, "promoted co-facilitator catches up");
    await sleep(150);
    expect(toLead.map((m) => m.from)).toEqual([asker.sessionId]);
    expect(toHelper.map((m) => m.from)).toEqual([asker.sessionId]);
  });

  it("is rate-limited: a burst of two, then one per 5 s", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id);
    const asker = await join(b, s.code, "Asker");
    const errors = collect(asker, "error");
    const status = collect(asker, "alertStatus");
    // Burst 2, then one per 5 s: the third at once is refused.
    for (let i = 0; i < 3; i++) asker.send("needMoment");
    await until(() => status.length === 2 && errors.length === 1, 2000, "burst");
    expect(errors[0]).toEqual({ action: "needMoment", code: "rate-limited" });
  });
});

describe("report", () => {
  const events = (n: number, who: string) =>
    Array.from({ length: n }, (_, i) => (i % 2
      ? { ago: 60_000 - i, kind: "reaction" as const, who, reaction: "clap" as const }
      : { ago: 60_000 - i, kind: "handRaised" as const, who }));

  it("reaches the facilitator and co-facilitators only, with both sessionIds, and is acknowledged", async () => {
    const { lead, people: [reporter, target, cofac] } = await circle(b, 3);
    await promote(lead, cofac!);
    const toLead = collect(lead, "report");
    const toCofac = collect(cofac!, "report");
    const toTarget = collect(target!, "report");
    const status = collect(reporter!, "alertStatus");
    const sent = events(4, target!.sessionId);
    reporter!.send("report", { target: target!.sessionId, reason: "unkind", events: sent });
    await until(() => toLead.length === 1 && toCofac.length === 1 && status.length === 1, 2000, "report delivered");
    const id = status[0]!.id;
    expect(toLead[0]).toEqual({ id, from: reporter!.sessionId, target: target!.sessionId, reason: "unkind", events: sent });
    expect(toCofac[0]).toEqual(toLead[0]);
    expect(status[0]).toEqual({ id, kind: "report", status: "delivered" });
    cofac!.send("markSeen", { id });
    await until(() => status.length === 2, 2000, "seen");
    expect(status[1]!.status).toBe("seen");
    await sleep(150);
    expect(toTarget).toEqual([]);
  });

  it(`a full report (${REPORT_MAX_EVENTS} events) fits under the 4 KB frame limit and is delivered`, async () => {
    const { lead, people: [reporter, target] } = await circle(b, 2);
    const longId = "x".repeat(32);
    const payload = { target: target!.sessionId, reason: "impersonation", events: events(REPORT_MAX_EVENTS, longId) };
    expect(pack(payload).byteLength).toBeLessThan(3600);
    const got = lead.waitForMessage("report", 2000) as Promise<ServerMessages["report"]>;
    reporter!.send("report", payload as never);
    expect((await got).events).toHaveLength(REPORT_MAX_EVENTS);
  });

  it("refuses a report about yourself, about nobody, and past its rate", async () => {
    const { people: [reporter, target] } = await circle(b, 2);
    const errors = collect(reporter!, "error");
    reporter!.send("report", { target: reporter!.sessionId, reason: "other", events: [] });
    reporter!.send("report", { target: "nobodyHere", reason: "other", events: [] });
    await until(() => errors.length === 2, 2000, "two refusals");
    expect(errors).toEqual([
      { action: "report", code: "invalid-state" },
      { action: "report", code: "no-such-participant" },
    ]);
    // Burst 3 (the two refused above took tokens too): the next two pass… then refused.
    for (let i = 0; i < 3; i++) reporter!.send("report", { target: target!.sessionId, reason: "spam", events: [] });
    await until(() => errors.length === 4, 2000, "rate-limited");
    expect(errors.slice(2)).toEqual([
      { action: "report", code: "rate-limited" },
      { action: "report", code: "rate-limited" },
    ]);
  });
});
