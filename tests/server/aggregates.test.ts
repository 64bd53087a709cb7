import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_FILE } from "../../server/store/SqliteStore";
import { bootApp, circle, dropConnection, join, sdk, serverRoom, until, type Booted, type Joined } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const PSEUDONYM_MARK = "Zephyrine";

/** Each person answers before and after, waiting for each acknowledgement. */
async function checkIns(people: Joined[], answers: Array<[number, number]>) {
  for (const [i, [before, after]] of answers.entries()) {
    const p = people[i]!;
    const ack = p.waitForMessage("checkedIn", 2000);
    p.send("checkIn", { phase: "before", value: before });
    await ack;
    const ack2 = p.waitForMessage("checkedIn", 2000);
    p.send("checkIn", { phase: "after", value: after });
    await ack2;
  }
}

async function runSession(answers: Array<[number, number]>) {
  const c = await circle(b, answers.length);
  // Distinctive pseudonyms, to look for in the database file afterwards.
  const people: Joined[] = c.people;
  await checkIns(people, answers);
  const refused = people[0]!.waitForMessage("error", 2000);
  people[0]!.send("checkIn", { phase: "before", value: 0 });
  expect(await refused).toEqual({ action: "checkIn", code: "already-checked-in" });
  people[0]!.send("react", { kind: "metoo" });
  people[0]!.send("needMoment");
  c.lead.send("endSession");
  await until(() => b.app.store.sessions.byId(c.s.id)?.status === "ended", 3000, "ended");
  return c;
}

async function aggregate(token: string, id: string) {
  const res = await fetch(`${b.url}/api/sessions/${id}/aggregate`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.json();
}

describe("check-in aggregates", () => {
  it("are hidden when fewer than 5 answered", async () => {
    const c = await runSession([[3, 5], [4, 6], [2, 2], [7, 8]]);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: false, minimum: 5 });
  });

  it("are shown with correct means from 5 up, to the owner only", async () => {
    const c = await runSession([[3, 5], [4, 6], [2, 2], [7, 8], [4, 9]]);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: true, n: 5, meanBefore: 4, meanAfter: 6 });
    const other = await circle(b, 0, { open: false });
    const res = await fetch(`${b.url}/api/sessions/${c.s.id}/aggregate`, { headers: { authorization: `Bearer ${other.f.apiToken}` } });
    expect(res.status).toBe(404);
  });
});

describe("the n ≥ 5 rule cannot be defeated from inside the circle", () => {
  async function answer(p: Joined, phase: "before" | "after", value: number) {
    const ack = p.waitForMessage("checkedIn", 2000);
    p.send("checkIn", { phase, value });
    await ack;
  }
  const end = async (c: Awaited<ReturnType<typeof circle>>) => {
    c.lead.send("endSession");
    await until(() => b.app.store.sessions.byId(c.s.id)?.status === "ended", 3000, "ended");
  };

  it("the facilitator and co-facilitators cannot check in (forbidden): four participants stay hidden", async () => {
    const c = await circle(b, 5);
    c.lead.send("promote", { target: c.people[4]!.sessionId });
    await until(() => c.lead.state.participants.get(c.people[4]!.sessionId)?.role === "cofacilitator", 2000, "promoted");
    await checkIns(c.people.slice(0, 4), [[3, 5], [4, 6], [2, 2], [7, 8]]);
    for (const lead of [c.lead, c.people[4]!]) {
      const refused = lead.waitForMessage("error", 2000);
      lead.send("checkIn", { phase: "before", value: 5 });
      expect(await refused).toEqual({ action: "checkIn", code: "forbidden" });
    }
    await end(c);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: false, minimum: 5 });
  });

  it("only before/after pairs of the same person count: five befores and five afters from six people are n = 4", async () => {
    const c = await circle(b, 6);
    await checkIns(c.people.slice(0, 4), [[3, 5], [4, 6], [2, 2], [7, 8]]);
    await answer(c.people[4]!, "before", 9);
    await answer(c.people[5]!, "after", 1);
    await end(c);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: false, minimum: 5 });
  });

  it("a 'before' whose person leaves for good is not counted, even if they come back as someone new", async () => {
    const c = await circle(b, 5);
    await checkIns(c.people.slice(0, 4), [[3, 5], [4, 6], [2, 2], [7, 8]]);
    await answer(c.people[4]!, "before", 9);
    await c.people[4]!.leave();
    const again = await join(b, c.s.code, "Someone New");
    await answer(again, "after", 1);
    await end(c);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: false, minimum: 5 });
  });

  it("means are shown to the nearest 0.5", async () => {
    // before: 22 / 5 = 4.4 → 4.5; after: 31 / 5 = 6.2 → 6
    const c = await circle(b, 5);
    await checkIns(c.people, [[3, 5], [4, 6], [2, 3], [7, 8], [6, 9]]);
    await end(c);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: true, n: 5, meanBefore: 4.5, meanAfter: 6 });
  });
});

describe("check-ins counted in a circle that closes before the session ends", () => {
  const closed = (code: string) => until(() => !b.app.live.has(code), 5000, "circle closed");

  it("survive everyone leaving; ending the session over HTTP later shows them", async () => {
    const c = await circle(b, 5);
    await checkIns(c.people, [[3, 5], [4, 6], [2, 2], [7, 8], [4, 9]]);
    await Promise.all([c.lead, ...c.people].map((r) => r.leave()));
    await closed(c.s.code);
    // Not while the session can still gather answers: figures read before and after one more
    // person's answer would give it away.
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: false, minimum: 5 });
    const ended = await fetch(`${b.url}/api/sessions/${c.s.id}/end`, { method: "POST", headers: { authorization: `Bearer ${c.f.apiToken}` } });
    expect(ended.status).toBe(200);
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: true, n: 5, meanBefore: 4, meanAfter: 6 });
  });

  it("a circle opened again for the same session adds to the first one's counts; a reconnection counts once", async () => {
    const c = await circle(b, 3);
    await checkIns(c.people, [[2, 4], [6, 7], [1, 3]]);
    // One person's connection drops and comes back to the same seat: a second answer is refused.
    const p = c.people[0]!;
    p.reconnection.enabled = false;
    const token = p.reconnectionToken;
    dropConnection(b, c.s.code, p.sessionId);
    await until(() => c.lead.state.participants.get(p.sessionId)?.connected === false, 3000, "seen as disconnected");
    const back = await sdk(b).reconnect(token);
    const refused = back.waitForMessage("error", 2000);
    back.send("checkIn", { phase: "before", value: 10 });
    expect(await refused).toEqual({ action: "checkIn", code: "already-checked-in" });
    const first = serverRoom(b, c.s.code);
    await Promise.all([c.lead, back, ...c.people.slice(1)].map((r) => r.leave()));
    await closed(c.s.code);

    // The same session's circle opens again later with two more people.
    const lead = await join(b, c.s.code, "Facilitator", { token: c.f.token });
    expect(serverRoom(b, c.s.code)).not.toBe(first);
    lead.send("openCircle");
    await until(() => lead.state.session.status === "open", 3000, "circle open");
    const more = [await join(b, c.s.code, "Person 4"), await join(b, c.s.code, "Person 5")];
    await checkIns(more, [[5, 9], [6, 7]]);
    lead.send("endSession");
    await until(() => b.app.store.sessions.byId(c.s.id)?.status === "ended", 3000, "ended");
    // before: (2 + 6 + 1 + 5 + 6) / 5; after: (4 + 7 + 3 + 9 + 7) / 5 — the refused 10 is not in it
    expect(await aggregate(c.f.apiToken, c.s.id)).toEqual({ available: true, n: 5, meanBefore: 4, meanAfter: 6 });
  });
});

it("the database file never holds a pseudonym", async () => {
  const c = await circle(b, 0);
  const p = await join(b, c.s.code, `${PSEUDONYM_MARK} Quill`);
  p.send("checkIn", { phase: "before", value: 5 });
  p.send("react", { kind: "heart" });
  p.send("needMoment");
  await p.waitForMessage("checkedIn", 2000);
  c.lead.send("endSession");
  await until(() => b.app.store.sessions.byId(c.s.id)?.status === "ended", 3000, "ended");
  const files = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]
    .map((f) => path.join(b.dataDir, f))
    .filter((f) => fs.existsSync(f));
  expect(files.length).toBeGreaterThanOrEqual(1);
  // Pseudonyms from every session of this file, in UTF-8 and UTF-16 (SQLite can store either).
  const marks = [PSEUDONYM_MARK, "Person 1", "Person 5"];
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    for (const m of marks) {
      expect(bytes.includes(Buffer.from(m, "utf8")), `${m} in ${path.basename(f)}`).toBe(false);
      expect(bytes.includes(Buffer.from(m, "utf16le")), `${m} (utf16) in ${path.basename(f)}`).toBe(false);
    }
  }
  // The session title a facilitator typed is there, so the search itself can find text.
  expect(files.some((f) => fs.readFileSync(f).includes(Buffer.from("Evening circle")))).toBe(true);
});
