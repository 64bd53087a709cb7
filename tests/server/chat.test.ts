import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOM_NAME, type ServerMessages } from "../../core/protocol";
import { bootApp, circle, dropConnection, facilitator, join, joinOptions, sdk, sendRaw, session, sleep, until, type Booted, type Joined } from "./harness";

/**
 * Words in the circle: chat reaches the people seated in the same circle only, moderation works
 * and is refused to the wrong person, words of crisis reach the facilitators privately, learning
 * cards open and close for everyone, and nothing of a message is written to logs or to disk.
 */
let b: Booted;
/** Everything the process writes to stdout/stderr during this file. */
const written: string[] = [];
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => (written.push(String(chunk)), originals.out(chunk as string, ...(rest as [])))) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => (written.push(String(chunk)), originals.err(chunk as string, ...(rest as [])))) as typeof process.stderr.write;
  b = await bootApp();
});
afterAll(async () => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
  await b.stop();
});

function collect<K extends keyof ServerMessages>(room: Joined, type: K): ServerMessages[K][] {
  const got: ServerMessages[K][] = [];
  room.onMessage(type, (m) => void got.push(m as ServerMessages[K]));
  return got;
}
const refusalOf = (room: Joined) => room.waitForMessage("error", 2000);
async function promote(lead: Joined, who: Joined): Promise<void> {
  lead.send("promote", { target: who.sessionId });
  await until(() => lead.state.participants.get(who.sessionId)?.role === "cofacilitator", 2000, "promoted");
}

describe("chat", () => {
  it("reaches everyone seated in the same circle, the sender too, and nobody in another circle", async () => {
    const { lead, people: [a, c] } = await circle(b, 2);
    const elsewhere = await circle(b, 1);
    const got = [lead, a!, c!].map((r) => collect(r, "chat"));
    const gotElsewhere = [elsewhere.lead, elsewhere.people[0]!].map((r) => collect(r, "chat"));
    a!.send("chat", { text: "  hello\n\neveryone  " });
    await until(() => got.every((g) => g.length === 1), 2000, "chat delivered");
    for (const g of got) expect(g[0]).toEqual({ id: expect.any(String), from: a!.sessionId, text: "hello everyone" });
    await sleep(150);
    expect(gotElsewhere.flat()).toEqual([]);
  });

  it("reaches only admitted members: someone in the waiting area gets none of it, and once let in only what is written from then", async () => {
    const f = await facilitator(b);
    const s = session(b, f.id, { admission: true });
    const lead = await join(b, s.code, "Facilitator", { token: f.token });
    lead.send("openCircle");
    await until(() => lead.state.session.status === "open", 2000, "circle open");
    const knock = async (pseudonym: string) => {
      const room = (await sdk(b).joinOrCreate(ROOM_NAME, joinOptions(s.code, pseudonym))) as Joined;
      room.reconnection.enabled = false;
      const heard: string[] = [];
      room.onMessage("*", (type: string | number) => void heard.push(String(type)));
      const chats = collect(room, "chat");
      await until(() => lead.state.knocking?.has(room.sessionId) === true, 2000, `${pseudonym} knocking`);
      return { room, heard, chats };
    };
    const member = await knock("Early Bird");
    lead.send("admit", { target: member.room.sessionId });
    await until(() => member.room.state.participants?.has(member.room.sessionId) === true, 2000, "admitted");
    const waiting = await knock("Quiet Fox");

    const toLead = collect(lead, "chat");
    lead.send("chat", { text: "welcome, everyone" });
    member.room.send("chat", { text: "hello circle" });
    await until(() => toLead.length === 2 && member.chats.length === 2, 2000, "chat among the admitted");
    const refused = waiting.room.waitForMessage("error", 2000);
    sendRaw(waiting.room, "chat", { text: "let me in" });
    expect(await refused).toEqual({ action: "chat", code: "not-admitted" });
    await sleep(200);
    expect(waiting.chats).toEqual([]);
    expect(waiting.heard.filter((t) => t !== "admission" && t !== "error")).toEqual([]);
    expect(toLead.map((m) => m.text)).toEqual(["welcome, everyone", "hello circle"]);

    lead.send("admit", { target: waiting.room.sessionId });
    await until(() => waiting.room.state.participants?.has(waiting.room.sessionId) === true, 2000, "second admitted");
    lead.send("chat", { text: "glad you're here" });
    await until(() => waiting.chats.length === 1, 2000, "chat after admission");
    expect(waiting.chats.map((m) => m.text)).toEqual(["glad you're here"]);
  });

  it("masks slurs and abuse on the server, even from a client that sends raw; off means as sent", async () => {
    const { lead, people: [a, c] } = await circle(b, 2);
    const got = collect(c!, "chat");
    sendRaw(a!, "chat", { text: "you are a fucking idiot" });
    await until(() => got.length === 1, 2000, "masked chat");
    expect(got[0]!.text).toBe("you are a ****ing idiot");
    lead.send("setChat", { filter: "off" });
    await until(() => c!.state.chat.filter === "off", 2000, "filter off");
    sendRaw(a!, "chat", { text: "you are a fucking idiot" });
    await until(() => got.length === 2, 2000, "unmasked chat");
    expect(got[1]!.text).toBe("you are a fucking idiot");
  });

  it("a muted chatter is refused with chat-muted and can write again when unmuted; others still read", async () => {
    const { lead, people: [a, c] } = await circle(b, 2);
    const got = collect(c!, "chat");
    lead.send("muteChat", { target: a!.sessionId });
    await until(() => a!.state.participants.get(a!.sessionId)?.chatMuted === true, 2000, "chat muted");
    const refused = refusalOf(a!);
    a!.send("chat", { text: "can anyone hear me" });
    expect(await refused).toEqual({ action: "chat", code: "chat-muted" });
    lead.send("chat", { text: "welcome" });
    await until(() => got.length === 1, 2000, "others still read");
    lead.send("unmuteChat", { target: a!.sessionId });
    await until(() => a!.state.participants.get(a!.sessionId)?.chatMuted === false, 2000, "chat unmuted");
    a!.send("chat", { text: "thank you" });
    await until(() => got.length === 2, 2000, "writes again");
    expect(got.map((m) => m.text)).toEqual(["welcome", "thank you"]);
  });

  it("moderation is refused to the wrong person and changes nothing", async () => {
    const { lead, people: [a, cofac] } = await circle(b, 2);
    await promote(lead, cofac!);
    const got = collect(a!, "chat");
    lead.send("chat", { text: "from the facilitator" });
    await until(() => got.length === 1, 2000, "chat");
    const id = got[0]!.id;
    for (const [sender, type, payload, code] of [
      [a!, "muteChat", { target: lead.sessionId }, "forbidden"],
      [a!, "deleteChat", { id }, "forbidden"],
      [a!, "setChat", { on: false }, "forbidden"],
      [a!, "shareCard", { id: "grounding" }, "forbidden"],
      [cofac!, "muteChat", { target: lead.sessionId }, "forbidden"],
      [cofac!, "deleteChat", { id }, "forbidden"],
      [lead, "deleteChat", { id: "nope" }, "invalid-state"],
      [lead, "muteChat", { target: "nobody" }, "no-such-participant"],
      [lead, "closeCard", undefined, "invalid-state"],
    ] as const) {
      const refused = refusalOf(sender);
      sendRaw(sender, type, payload);
      expect(await refused, `${type} by ${sender === lead ? "facilitator" : sender === a ? "participant" : "co-facilitator"}`).toEqual({ action: type, code });
    }
    expect(lead.state.participants.get(lead.sessionId)?.chatMuted).toBe(false);
    expect(lead.state.chat.on).toBe(true);
    expect(lead.state.card).toBe("");
  });

  it("a deleted message disappears for everyone and can no longer be reported", async () => {
    const { lead, people: [a, c] } = await circle(b, 2);
    const chats = [lead, a!, c!].map((r) => collect(r, "chat"));
    const deleted = [lead, a!, c!].map((r) => collect(r, "chatDeleted"));
    a!.send("chat", { text: "something unkind" });
    await until(() => chats.every((g) => g.length === 1), 2000, "chat");
    const id = chats[0]![0]!.id;
    lead.send("deleteChat", { id });
    await until(() => deleted.every((d) => d.length === 1), 2000, "deleted everywhere");
    for (const d of deleted) expect(d[0]).toEqual({ id });
    const refused = refusalOf(c!);
    c!.send("reportChat", { id, reason: "unkind" });
    expect(await refused).toEqual({ action: "reportChat", code: "invalid-state" });
  });

  it("chat off and slow mode hold participants back, not the facilitator", async () => {
    const { lead, people: [a] } = await circle(b, 1);
    const got = collect(a!, "chat");
    lead.send("setChat", { on: false });
    await until(() => a!.state.chat.on === false, 2000, "chat off");
    let refused = refusalOf(a!);
    a!.send("chat", { text: "hello?" });
    expect(await refused).toEqual({ action: "chat", code: "chat-off" });
    lead.send("chat", { text: "chat is paused for the exercise" });
    await until(() => got.length === 1, 2000, "facilitator still writes");

    lead.send("setChat", { on: true, slowSeconds: 15 });
    await until(() => a!.state.chat.on && a!.state.chat.slowSeconds === 15, 2000, "slow mode");
    a!.send("chat", { text: "one" });
    await until(() => got.length === 2, 2000, "first message");
    refused = refusalOf(a!);
    a!.send("chat", { text: "two" });
    expect(await refused).toEqual({ action: "chat", code: "slow-mode" });
  });

  it("more than five messages at once are refused with rate-limited", async () => {
    const { people: [a, c] } = await circle(b, 2);
    const got = collect(c!, "chat");
    const errors = collect(a!, "error");
    for (let i = 0; i < 7; i++) a!.send("chat", { text: `message ${i}` });
    await until(() => got.length + errors.length === 7, 2000, "all answered");
    expect(got.length).toBe(5);
    expect(errors).toEqual([{ action: "chat", code: "rate-limited" }, { action: "chat", code: "rate-limited" }]);
  });

  it("someone reconnecting gets the messages they missed", async () => {
    const { lead, s: sess, people: [a] } = await circle(b, 1);
    a!.reconnection.enabled = false;
    const token = a!.reconnectionToken;
    dropConnection(b, sess.code, a!.sessionId);
    await until(() => lead.state.participants.get(a!.sessionId)?.connected === false, 3000, "dropped");
    lead.send("chat", { text: "while you were away" });
    await sleep(100);
    const back = await sdk(b).reconnect(token);
    const got = collect(back, "chat");
    await until(() => got.some((m) => m.text === "while you were away"), 3000, "missed message");
  });
});

describe("reporting a message", () => {
  it("quotes it, as the circle saw it, to the facilitators only; not your own", async () => {
    const { lead, people: [a, c, d] } = await circle(b, 3);
    const chats = collect(c!, "chat");
    const toLead = collect(lead, "chatReport");
    const toOthers = [a!, d!].map((r) => collect(r, "chatReport"));
    const status = collect(c!, "alertStatus");
    a!.send("chat", { text: "you are a fucking idiot" });
    await until(() => chats.length === 1, 2000, "chat");
    c!.send("reportChat", { id: chats[0]!.id, reason: "unkind" });
    await until(() => toLead.length === 1 && status.length === 1, 2000, "report delivered");
    expect(toLead[0]).toEqual({
      id: status[0]!.id,
      from: c!.sessionId,
      reason: "unkind",
      message: { id: chats[0]!.id, from: a!.sessionId, text: "you are a ****ing idiot" },
    });
    expect(status[0]).toMatchObject({ kind: "chatReport", status: "delivered" });
    const refused = refusalOf(a!);
    a!.send("reportChat", { id: chats[0]!.id, reason: "spam" });
    expect(await refused).toEqual({ action: "reportChat", code: "invalid-state" });
    await sleep(150);
    expect(toOthers.flat()).toEqual([]);
  });
});

describe("words of crisis", () => {
  it("the message goes out as written; the facilitators alone get 'may need support', once until seen", async () => {
    const { lead, people: [a, cofac, c] } = await circle(b, 3);
    await promote(lead, cofac!);
    const chats = collect(c!, "chat");
    const toLead = collect(lead, "support");
    const toCofac = collect(cofac!, "support");
    const toOther = collect(c!, "support");
    const status = collect(a!, "alertStatus");
    a!.send("chat", { text: "honestly I just want to die" });
    await until(() => chats.length === 1 && toLead.length === 1 && toCofac.length === 1, 2000, "support alert");
    expect(chats[0]!.text).toBe("honestly I just want to die");
    expect(toLead[0]).toEqual({ id: expect.any(String), from: a!.sessionId });
    expect(status).toEqual([{ id: toLead[0]!.id, kind: "support", status: "delivered" }]);

    a!.send("chat", { text: "I can't go on like this" });
    await until(() => chats.length === 2, 2000, "second message");
    await sleep(150);
    expect(toLead).toHaveLength(1);
    lead.send("markSeen", { id: toLead[0]!.id });
    await until(() => status.length === 2, 2000, "seen");
    a!.send("chat", { text: "I want to die" });
    await until(() => toLead.length === 2, 2000, "a new alert after the first was seen");

    c!.send("chat", { text: "this traffic is killing me" });
    await until(() => chats.length === 4, 2000, "near miss");
    await sleep(150);
    expect(toLead).toHaveLength(2);
    expect(toOther).toEqual([]);
  });
});

describe("learning cards", () => {
  it("a card the facilitator shares opens for everyone and closes for everyone", async () => {
    const { lead, people: [a, c] } = await circle(b, 2);
    lead.send("shareCard", { id: "grounding" });
    await until(() => [lead, a!, c!].every((r) => r.state.card === "grounding"), 2000, "card open");
    lead.send("closeCard");
    await until(() => [lead, a!, c!].every((r) => r.state.card === ""), 2000, "card closed");
  });
});

describe("privacy", () => {
  it("nothing of a chat message reaches the server's output or its data directory", async () => {
    const { lead, people: [a] } = await circle(b, 1);
    const marker = "ZEBRA-PLUM-4471-quietly";
    const got = collect(lead, "chat");
    a!.send("chat", { text: `${marker} and I want to die` });
    const reported = collect(lead, "chatReport");
    await until(() => got.length === 1, 2000, "chat");
    lead.send("deleteChat", { id: got[0]!.id });
    await sleep(300);
    expect(reported).toEqual([]);
    expect(written.join("")).not.toContain(marker);
    const files = fs.readdirSync(b.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(path.join(f.parentPath, f.name)).includes(marker), f.name).toBe(false);
  });
});
