import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { janusInstalled, startJanus, type RunningJanus } from "../../scripts/janus";
import { JanusClient } from "../../server/voice/JanusClient";
import { JanusRooms, newJanusToken, type JanusRoom } from "../../server/voice/JanusRooms";
import type { SfuCircle } from "../../server/voice/SfuCircle";
import { SfuServer } from "../../server/voice/SfuServer";
import { bootApp, facilitator, join, sendRaw, serverRoom, session, sleep, until, type Booted, type Joined } from "./harness";

/**
 * Debian's Janus, started on loopback with its own configuration (scripts/janus.ts; `.ci/run`
 * installs the package when missing): our server's side of the SFU — rooms only with the admin key,
 * nobody in without a token we allowed, moderation only with the room's secret — and circles whose
 * voices go through it when the server has JANUS_URL.
 */
describe.skipIf(!janusInstalled())("Janus", () => {
  let janus: RunningJanus;
  let client: JanusClient;
  let rooms: JanusRooms;
  beforeAll(async () => {
    janus = await startJanus();
    client = await JanusClient.connect(janus.url);
    rooms = new JanusRooms(client, await client.attach(), janus.adminKey);
  }, 90_000);
  afterAll(() => {
    client?.close();
    janus?.stop();
  });

  describe("rooms for circles", () => {
    it("creates a circle's room only with the admin key; nobody joins it without an allowed token", async () => {
      const stranger = new JanusRooms(client, await client.attach(), "wrong key");
      await expect(stranger.create("circle-x", 8)).rejects.toThrow(/janus/);
      const room = await rooms.create("circle-a", 8);
      const handle = await client.attach();
      const join = (token?: string) => client.request(handle, { request: "join", ptype: "publisher", room: room.room, id: "p1", ...(token ? { token } : {}) });
      await expect(join()).rejects.toThrow(/janus/);
      const token = newJanusToken();
      await rooms.allowed(room, "add", [token]);
      const joined = await join(token);
      expect(joined.plugindata?.data.videoroom).toBe("joined");
      expect((await rooms.participants(room)).map((p) => p.id)).toEqual(["p1"]);
      // Moderation needs the room's secret: a client that knows the room cannot unmute itself.
      await expect(client.request(handle, { request: "moderate", room: room.room, secret: "guess", id: "p1", mid: "0", mute: false })).rejects.toThrow(/janus/);
      await rooms.destroy(room);
      await expect(rooms.participants(room)).rejects.toThrow(/janus/);
    }, 30_000);
  });

  describe("a circle with JANUS_URL", () => {
    let b: Booted;
    let sfu: SfuServer;
    beforeAll(async () => {
      sfu = new SfuServer({ url: janus.url, adminKey: janus.adminKey });
      b = await bootApp({ voice: { iceServers: [], sfu } });
    });
    afterAll(async () => {
      await b?.stop();
      sfu?.close();
    });

    /** A browser-like offer to send audio (Janus answers it; no media ever flows in this test). */
    const offer = () => ({
      type: "offer" as const,
      sdp: [
        "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0", "a=msid-semantic: WMS",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
        `a=fingerprint:sha-256 ${Array.from({ length: 32 }, () => "AB").join(":")}`, "a=setup:actpass",
        "a=mid:0", "a=sendonly", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1", "a=ssrc:1000 cname:x",
        "",
      ].join("\r\n"),
    });

    type Sfu = { pc: string; description?: { type: string; sdp: string }; streams?: { mid: string; from: string }[]; closed?: true };
    const sfuInbox = (room: Joined) => {
      const got: Sfu[] = [];
      room.onMessage("sfu", (m: Sfu) => got.push(m));
      return got;
    };
    const circleSfu = (code: string) => (serverRoom(b, code) as unknown as { voice: { sfu: SfuCircle } }).voice.sfu;
    /** Janus' own view of the circle's room, through a connection of the test's own. */
    const inJanus = (room: JanusRoom) => rooms.participants(room);

    async function circleWithWaiting() {
      const f = await facilitator(b);
      const s = session(b, f.id, { admission: true });
      const lead = await join(b, s.code, "Facilitator", { token: f.token });
      lead.send("openCircle");
      await until(() => lead.state.session.status === "open", 3000, "open");
      const a = await join(b, s.code, "Ash");
      const c = await join(b, s.code, "Cedar");
      const waiting = await join(b, s.code, "Wren");
      await until(() => lead.state.knocking?.size === 3, 3000, "three knock");
      lead.send("admit", { target: a.sessionId });
      lead.send("admit", { target: c.sessionId });
      await until(() => lead.state.participants.size === 3, 3000, "two let in");
      return { code: s.code, lead, a, c, waiting };
    }

    it("answers voice with mode sfu to people in the circle only; the circle has its own Janus room while it is open", async () => {
      const { code, lead, a, c, waiting } = await circleWithWaiting();
      expect(await a.request("voice")).toEqual({ mode: "sfu", iceServers: [] });
      await expect(waiting.request("voice")).rejects.toThrow();
      const room = circleSfu(code).janusRoom;
      expect(await inJanus(room)).toEqual([]);
      for (const r of [a, c, waiting, lead]) await r.leave();
      await until(() => !b.app.live.has(code), 5000, "circle closed");
      await sleep(300);
      await expect(inJanus(room)).rejects.toThrow(/janus/); // destroyed with the circle
    }, 30_000);

    it("a member's offer is answered by Janus; the waiting area gets nothing of the SFU and may not publish", async () => {
      const { code, lead, a, c, waiting } = await circleWithWaiting();
      const toA = sfuInbox(a), toWaiting = sfuInbox(waiting);
      const waitingErrors: string[] = [];
      waiting.onMessage("error", (e: { code: string }) => waitingErrors.push(e.code));
      await c.request("voice");
      await lead.request("voice");
      a.send("mic", { on: true });
      await until(() => lead.state.participants.get(a.sessionId)?.mic === true, 2000, "mic on");
      a.send("sfu", { pc: "publisher", description: offer() });
      await until(() => toA.some((m) => m.description?.type === "answer"), 8000, "Janus' answer");
      const answer = toA.find((m) => m.description)!;
      expect(answer.pc).toBe("publisher");
      expect(answer.description!.sdp).toMatch(/^m=audio /m);
      expect(answer.description!.sdp).toMatch(/a=recvonly/);
      expect((await inJanus(circleSfu(code).janusRoom)).map((p) => p.id)).toEqual([a.sessionId]);
      // (Subscriptions follow once a's audio reaches Janus, which needs real media: tests/server/SfuCircle.test.ts, tests/e2e/voice.test.ts.)
      // The waiting person: refused, never sent anything of the SFU, and not in Janus.
      sendRaw(waiting, "sfu", { pc: "publisher", description: offer() });
      await until(() => waitingErrors.length === 1, 2000, "refused");
      expect(waitingErrors).toEqual(["not-admitted"]);
      await sleep(500);
      expect(toWaiting).toEqual([]);
      expect((await inJanus(circleSfu(code).janusRoom)).map((p) => p.id)).toEqual([a.sessionId]);
    }, 30_000);

    it("someone who may not be heard cannot start publishing; someone removed is taken out of Janus and gets no more", async () => {
      const { code, lead, a, c } = await circleWithWaiting();
      const errors: string[] = [];
      c.onMessage("error", (e: { action: string; code: string }) => errors.push(`${e.action}:${e.code}`));
      c.send("sfu", { pc: "publisher", description: offer() }); // mic off: may not be heard
      await until(() => errors.length === 1, 2000, "refused");
      expect(errors).toEqual(["sfu:invalid-state"]);
      const toA = sfuInbox(a);
      a.send("mic", { on: true });
      await until(() => lead.state.participants.get(a.sessionId)?.mic === true, 2000, "mic on");
      a.send("sfu", { pc: "publisher", description: offer() });
      await until(() => toA.some((m) => m.description), 8000, "answered");
      const room = circleSfu(code).janusRoom;
      expect((await inJanus(room)).map((p) => p.id)).toEqual([a.sessionId]);
      lead.send("remove", { target: a.sessionId });
      await until(() => !lead.state.participants.has(a.sessionId), 3000, "removed");
      await until(() => false, 1500, "").catch(() => {});
      expect(await inJanus(room)).toEqual([]);
    }, 30_000);

    it("a mute, and talking-piece mode, are Janus' own moderation of the speaker's audio, whatever their client sends", async () => {
      const { code, lead, a, c } = await circleWithWaiting();
      const room = circleSfu(code).janusRoom;
      // A participant of the test's own in the same Janus room hears what Janus says of everyone's streams.
      const said: string[] = [];
      const watch = await client.attach((m) => {
        const d = m.plugindata?.data;
        if (d && typeof d.moderation === "string") said.push(`${String(d.id)}:${d.moderation}`);
      });
      const token = newJanusToken();
      await rooms.allowed(room, "add", [token]);
      await client.request(watch, { request: "join", ptype: "publisher", room: room.room, id: "watcher", token });
      const toA = sfuInbox(a);
      const aErrors: string[] = [];
      a.onMessage("error", (e: { action: string; code: string }) => aErrors.push(`${e.action}:${e.code}`));
      a.send("mic", { on: true });
      await until(() => lead.state.participants.get(a.sessionId)?.mic === true, 2000, "mic on");
      a.send("sfu", { pc: "publisher", description: offer() });
      await until(() => toA.some((m) => m.description), 8000, "answered");
      const A = a.sessionId;
      await until(() => said.includes(`${A}:unmuted`), 3000, "forwarded while a may be heard");
      // The facilitator mutes a: Janus drops a's audio (a's client, like a modified one, sends on).
      lead.send("mute", { target: A });
      await until(() => said.at(-1) === `${A}:muted`, 3000, "muted by Janus");
      // While muted, a new offer to speak is refused.
      a.send("sfu", { pc: "publisher", description: offer() });
      await until(() => aErrors.length === 1, 2000, "refused");
      expect(aErrors).toEqual(["sfu:invalid-state"]);
      lead.send("unmute", { target: A });
      await until(() => said.at(-1) === `${A}:unmuted`, 3000, "unmuted by Janus");
      // Talking-piece mode: a participant without the piece is dropped; with it, forwarded again.
      lead.send("setPieceMode", { on: true });
      await until(() => said.at(-1) === `${A}:muted`, 3000, "outside the piece");
      lead.send("givePiece", { to: c.sessionId });
      await sleep(300);
      expect(said.at(-1)).toBe(`${A}:muted`);
      lead.send("givePiece", { to: A });
      await until(() => said.at(-1) === `${A}:unmuted`, 3000, "holding the piece");
      expect(said.filter((x) => !x.startsWith(A))).toEqual([]);
      await client.detach(watch);
    }, 30_000);
  });
});
