import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_FILE } from "../../server/store/SqliteStore";
import { bootApp, circle, join, until, type Booted, type Joined } from "./harness";

let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

const PSEUDONYM_MARK = "Zephyrine";

async function runSession(answers: Array<[number, number]>) {
  const c = await circle(b, answers.length);
  // Distinctive pseudonyms, to look for in the database file afterwards.
  const people: Joined[] = c.people;
  for (const [i, [before, after]] of answers.entries()) {
    const p = people[i]!;
    const ack = p.waitForMessage("checkedIn", 2000);
    p.send("checkIn", { phase: "before", value: before });
    await ack;
    const ack2 = p.waitForMessage("checkedIn", 2000);
    p.send("checkIn", { phase: "after", value: after });
    await ack2;
  }
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
    expect(await aggregate(c.f.token, c.s.id)).toEqual({ available: false, minimum: 5 });
  });

  it("are shown with correct means from 5 up, to the owner only", async () => {
    const c = await runSession([[3, 5], [4, 6], [2, 2], [7, 8], [4, 9]]);
    expect(await aggregate(c.f.token, c.s.id)).toEqual({ available: true, n: 5, meanBefore: 4, meanAfter: 6 });
    const other = await circle(b, 0, { open: false });
    const res = await fetch(`${b.url}/api/sessions/${c.s.id}/aggregate`, { headers: { authorization: `Bearer ${other.f.token}` } });
    expect(res.status).toBe(404);
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
