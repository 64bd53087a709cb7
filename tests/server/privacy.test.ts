import fs from "node:fs";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { AGREEMENT_VERSION } from "../../core/care";
import { ROOM_NAME, type JoinOptions } from "../../core/protocol";
import { cleanUp, start, until, type Run } from "./childServer";

afterAll(cleanUp);

/** Names and words nobody else would write: if any turns up in a log or a file, it came from the room. */
const PSEUDONYMS = ["Marigold Thistlewick", "Zephyrine Quillfeather", "Bartholomew Nettlesworth", "Ottoline Brambleworth", "Percival Wobblesnout"];
const CHAT = ["marmalade horizon 4417", "the lighthouse keeper's umbrella 9931", "I want to end my life quietlyword 5521"];
const IP = /\b(?:\d{1,3}\.){3}\d{1,3}\b|::1\b|::ffff:/;

type AnyRoom = Awaited<ReturnType<Client["joinOrCreate"]>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every file under `dir` as text (SQLite pages, WAL and all). */
function everything(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, text: fs.readFileSync(file).toString("latin1") });
  }
  return out;
}

describe("what the server keeps of a whole session", () => {
  it("no pseudonym, no chat and no address in its output or its data directory", async () => {
    const r: Run = await start({});
    await until("listening", () => r.out().includes("listening on"));
    const banner = r.out();
    const base = `http://127.0.0.1:${r.port}`;
    const ws = `ws://127.0.0.1:${r.port}`;
    const api = async (method: string, url: string, token?: string, body?: unknown) => {
      const res = await fetch(base + url, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };

    // A facilitator signs up, schedules a circle and enters it with a room token.
    const up = await api("POST", "/api/auth/signup", undefined, { email: "lead@example.org", password: "correct horse battery" });
    expect(up.status).toBe(201);
    const made = await api("POST", "/api/sessions", up.body.token, { title: "Thursday circle" });
    const code = made.body.code as string;
    const roomToken = (await api("POST", "/api/auth/room-token", up.body.token)).body.token as string;
    const leadClient = new Client(ws);
    leadClient.auth.token = roomToken;
    const options = (pseudonym: string): JoinOptions => ({ code, pseudonym, look: "sage", agreementVersion: AGREEMENT_VERSION });
    const lead = await leadClient.joinOrCreate(ROOM_NAME, { code, pseudonym: PSEUDONYMS[0]!, look: "dusk" });
    const alerts: unknown[] = [];
    lead.onMessage("*", (_type, message) => alerts.push(message));
    lead.send("openCircle");
    lead.send("setAdmission", { on: false });
    await sleep(200);

    // People join, talk, react, check in, ask for a moment and report; one sends rubbish.
    const people: AnyRoom[] = [];
    for (const name of PSEUDONYMS.slice(1, 4)) {
      const room = await new Client(ws).joinOrCreate(ROOM_NAME, options(name));
      room.onMessage("*", () => {});
      people.push(room);
    }
    await sleep(300);
    const [a, b, c] = people as [AnyRoom, AnyRoom, AnyRoom];
    a.send("chat", { text: CHAT[0] });
    b.send("chat", { text: CHAT[1] });
    await sleep(1200);
    c.send("chat", { text: CHAT[2] });
    a.send("react", { kind: "heart" });
    b.send("raiseHand");
    a.send("checkIn", { phase: "before", value: 3 });
    c.send("needMoment");
    b.send("report", { target: a.sessionId, reason: "unkind", events: [] });
    const rude = await new Client(ws).joinOrCreate(ROOM_NAME, options(PSEUDONYMS[4]!));
    (rude.send as (t: string, m: unknown) => void).call(rude, "chat", { text: 5, note: `${PSEUDONYMS[4]} ${CHAT[0]}` });
    (rude.send as (t: string, m: unknown) => void).call(rude, "nonsense", { who: PSEUDONYMS[4] });
    await sleep(800);
    expect(alerts.length).toBeGreaterThan(0);

    // Everyone leaves; the facilitator ends the session over HTTP; the server stops.
    for (const room of people) await room.leave().catch(() => {});
    expect((await api("POST", `/api/sessions/${made.body.id as string}/end`, up.body.token)).status).toBe(200);
    await lead.leave().catch(() => {});
    await sleep(300);
    r.child.kill("SIGTERM");
    expect(await r.exited).toBe(0);

    const logs = r.out() + r.err();
    if (process.env.SHOW_LOGS) console.log(logs);
    const afterBanner = r.out().slice(banner.length) + r.err();
    const files = everything(r.dataDir);
    expect(files.some((f) => f.file.endsWith(".sqlite"))).toBe(true);
    // The search does read the database: what is meant to be stored is found.
    expect(files.some((f) => f.text.includes("lead@example.org") && f.text.includes("Thursday circle"))).toBe(true);
    for (const word of [...PSEUDONYMS, ...CHAT, "Thistlewick", "Quillfeather", "marmalade", "lighthouse"]) {
      expect(logs, `output holds "${word}"`).not.toContain(word);
      for (const f of files) expect(f.text.includes(word), `${path.basename(f.file)} holds "${word}"`).toBe(false);
    }
    // Only the start-up banner names an address (the server's own); nothing after it, and no file.
    expect(afterBanner, "output after start-up names an address").not.toMatch(IP);
    for (const f of files.filter((x) => !x.file.endsWith(".pem"))) expect(IP.test(f.text), `${path.basename(f.file)} holds an address`).toBe(false);
  }, 120_000);
});
