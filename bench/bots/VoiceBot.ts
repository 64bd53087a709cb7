import { Client, type Room } from "@colyseus/sdk";
import { AGREEMENT_VERSION } from "../../core/care";
import { ROOM_NAME, type Candidate, type Description, type VoiceConfig, type VoiceServerMessages } from "../../core/protocol";
import { linked, mayBeHeard } from "../../core/voice";
import type { CircleState, Participant } from "../../server/rooms/CircleState";
import { VoiceMesh } from "../../client/room/voice/VoiceMesh";
import { VoiceSfu } from "../../client/room/voice/VoiceSfu";
import type { TalkingMics } from "./nodeWebRtc";

/** Wire bytes of one person's voice connections so far, and how many are up. */
export interface Wire {
  sent: number;
  received: number;
  /** voices this person receives */
  voices: number;
  /** voice connections (mesh links, or the SFU's publisher and subscriber) */
  pcs: number;
  connected: number;
  /**
   * Audio packets received so far from each voice, by voice and connection ("sessionId#connection"
   * → count): a connection made again starts counting from 0.
   */
  packets?: Record<string, number>;
  /** audio packets from each voice its receiver found missing (RTP sequence gaps), keyed as `packets` */
  lost?: Record<string, number>;
  /** audio packets sent so far over each connection (connection → count) */
  packetsSent?: Record<string, number>;
  /** wire bytes so far of each connection (connection → [sent, received]) */
  byConnection?: Record<string, [number, number]>;
}

/** A number for each connection, so statistics taken at two moments are compared connection by connection. */
const connectionIds = new WeakMap<RTCPeerConnection, number>();
let nextConnection = 1;
const connectionId = (pc: RTCPeerConnection): number => {
  let id = connectionIds.get(pc);
  if (id === undefined) connectionIds.set(pc, (id = nextConnection++));
  return id;
};

/**
 * One person in a circle, in Node: joins with @colyseus/sdk as a participant who accepted the
 * agreement, turns a talking microphone on, and carries voices with the client's own VoiceMesh /
 * VoiceSfu (client/room/voice: PeerLink's perfect negotiation, the SFU's publisher and subscriber,
 * Opus DTX asked for, the same SDP limits) over libwebrtc (nodeWebRtc.ts). What the browser's
 * followVoice does around them is repeated here in a few lines, because followVoice itself is bound
 * to a page (document and window listeners, Web Audio for playing and for the voice-activity
 * detector, the test hooks on window): the same rules from core/voice (who is linked, who may be
 * heard), the same messages, a track disabled while this person may not be heard, signals that come
 * before the voice settings kept until they come, and `speaking` sent when the tone starts and stops
 * (where a page's detector would). Incoming voices are received and counted, never played.
 */
export class VoiceBot {
  private mesh: VoiceMesh | null = null;
  private sfu: VoiceSfu | null = null;
  private config: VoiceConfig | null = null;
  private readonly early: { from: string; description?: Description; candidate?: Candidate }[] = [];
  /** the SFU's messages that came before the voice settings (see the constructor) */
  private readonly earlySfu: VoiceServerMessages["sfu"][] = [];
  private readonly streams = new Set<string>();
  private heard = false;
  private talking = false;
  private sentSpeaking = false;
  private readonly mic: { track: MediaStreamTrack; close: () => void };
  /** errors the room answered ("action code" → how many), to say why a circle did not link */
  readonly errors = new Map<string, number>();

  private constructor(
    readonly room: Room,
    mics: TalkingMics,
    hz: number,
  ) {
    this.mic = mics.open(hz, (on) => {
      this.talking = on;
      this.updateSpeaking();
    });
    this.mic.track.enabled = false;
    room.onMessage("signal", ({ from, description, candidate }: VoiceServerMessages["signal"]) => {
      if (!this.mesh) return void (this.early.length < 64 && this.early.push({ from, description, candidate }));
      this.mesh.receive(from, { description, candidate }, Boolean(this.self() && this.state.participants.get(from)));
    });
    // Janus' first offer may come in the same read from the socket as the answer to `voice`: ws
    // hands both over at once, before the awaited answer has started the SFU path. (A page gets each
    // message as a task of its own, so its `voice` answer is taken first.) Kept until it starts.
    room.onMessage("sfu", (m: VoiceServerMessages["sfu"]) => {
      if (this.sfu) this.sfu.receive(m);
      else if (!this.config && this.earlySfu.length < 64) this.earlySfu.push(m);
    });
    room.onMessage("error", (e: { action: string; code: string }) => {
      const key = `${e.action} ${e.code}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
      if (e.action === "sfu") this.sfu?.refused();
    });
    // A room connection the server closed (code 4xxx) or that dropped: said with the errors.
    room.onLeave((code: number) => void this.errors.set(`left the room ${code}`, 1));
    room.onStateChange(() => this.sync());
    // Everything else a page is told (its seat's token, chat, reactions…) is no concern of voice.
    room.onMessage("*", () => {});
  }

  /** Join the circle `code` on the server at `baseURL` as `name`, speaking with a tone of `hz`, once admitted. */
  static async join(baseURL: string, code: string, name: string, mics: TalkingMics, hz: number): Promise<VoiceBot> {
    const client = new Client(baseURL.replace(/^http/, "ws"));
    const room = await client.joinOrCreate(ROOM_NAME, { code, pseudonym: name, look: "sage", agreementVersion: AGREEMENT_VERSION });
    const bot = new VoiceBot(room, mics, hz);
    for (let i = 0; i < 200 && !bot.self(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!bot.self()) throw new Error(`${name} was not admitted within 10 s`);
    // As a page: voice settings on entering the circle, then the microphone button.
    const config: VoiceConfig = await room.request("voice");
    bot.config = config;
    bot.start(config);
    room.send("mic", { on: true });
    return bot;
  }

  private get state(): CircleState {
    return this.room.state as CircleState;
  }

  private self(): Participant | undefined {
    return this.state?.participants?.get(this.room.sessionId);
  }

  private start(c: VoiceConfig): void {
    const host = {
      stream: (id: string) => void this.streams.add(id),
      gone: (id: string) => void this.streams.delete(id),
    };
    if (c.mode === "sfu") {
      this.sfu = new VoiceSfu(c.iceServers, { ...host, send: (payload) => this.room.send("sfu", payload) });
      for (const m of this.earlySfu.splice(0)) this.sfu.receive(m);
    } else {
      this.mesh = new VoiceMesh(this.room.sessionId, c.iceServers, { ...host, signal: (to, signal) => this.room.send("signal", { to, ...signal }) });
      this.mesh.setTrack(this.mic.track);
      for (const { from, ...signal } of this.early.splice(0)) this.mesh.receive(from, signal, Boolean(this.state.participants.get(from)));
    }
    this.sync();
  }

  /** As followVoice's sync: links, and whether this person's track is live. */
  private sync(): void {
    const s = this.state;
    const me = this.room.sessionId;
    const mine = this.self();
    if (!mine || !this.config) return;
    this.heard = mayBeHeard(me, mine, s);
    if (this.mic.track.enabled !== this.heard) this.mic.track.enabled = this.heard;
    this.updateSpeaking();
    if (this.sfu) return this.sfu.setTrack(this.mic.track, this.heard);
    const mesh = this.mesh;
    if (!mesh) return;
    s.participants.forEach((p, id) => void (linked(me, mine, id, p, s) && mesh.open(id)));
    mesh.prune((id) => {
      const p = s.participants.get(id);
      return Boolean(p && linked(me, mine, id, p, s));
    });
  }

  private updateSpeaking(): void {
    const on = this.talking && this.heard;
    if (on === this.sentSpeaking) return;
    this.sentSpeaking = on;
    this.room.send("speaking", { on });
  }

  private pcs(): RTCPeerConnection[] {
    return [...[...(this.mesh?.connections() ?? [])].map((link) => link.pc), ...(this.sfu?.connections() ?? [])];
  }

  /** Voices received and connections up, without statistics (cheap enough to poll while a circle links). */
  links(): Wire {
    const pcs = this.pcs();
    return { sent: 0, received: 0, voices: this.streams.size, pcs: pcs.length, connected: pcs.filter((pc) => pc.connectionState === "connected").length };
  }

  /**
   * Wire bytes of every voice connection (transport stats: RTP, RTCP, SRTP, STUN), and the audio
   * packets received from each voice (inbound RTP: a mesh link's, or the SFU subscriber's by owner).
   */
  async wire(): Promise<Wire> {
    const total: Wire = { sent: 0, received: 0, voices: this.streams.size, pcs: 0, connected: 0, packets: {}, lost: {}, packetsSent: {}, byConnection: {} };
    const packets = total.packets!;
    const lost = total.lost!;
    const count = async (pc: RTCPeerConnection, from?: string) => {
      total.pcs++;
      if (pc.connectionState === "connected") total.connected++;
      const id = connectionId(pc);
      const bytes: [number, number] = [0, 0];
      // A link closed meanwhile (the circle changed) has nothing more to say.
      const stats = await pc.getStats().catch(() => new Map());
      stats.forEach((r: { type: string; kind?: string; bytesSent?: number; bytesReceived?: number; packetsReceived?: number; packetsLost?: number; packetsSent?: number }) => {
        if (r.type === "transport") {
          bytes[0] += r.bytesSent ?? 0;
          bytes[1] += r.bytesReceived ?? 0;
        } else if (r.type === "outbound-rtp" && r.kind === "audio") {
          total.packetsSent![id] = (total.packetsSent![id] ?? 0) + (r.packetsSent ?? 0);
        } else if (from && r.type === "inbound-rtp" && r.kind === "audio") {
          packets[`${from}#${id}`] = (packets[`${from}#${id}`] ?? 0) + (r.packetsReceived ?? 0);
          lost[`${from}#${id}`] = (lost[`${from}#${id}`] ?? 0) + (r.packetsLost ?? 0);
        }
      });
      total.sent += bytes[0];
      total.received += bytes[1];
      total.byConnection![id] = bytes;
    };
    // All at once: one after another, 15 links' statistics took longer than 30 s in a busy process.
    await Promise.all([...[...(this.mesh?.connections() ?? [])].map((link) => count(link.pc, link.remote)), ...(this.sfu?.connections() ?? []).map((pc) => count(pc))]);
    // Through the SFU, every voice comes over the one subscriber connection.
    if (this.sfu) for (const [from, n] of Object.entries(await this.sfu.packetsByVoice())) packets[`${from}#sfu`] = n;
    return total;
  }

  /** Audio packets received so far from each voice (sessionId → count, over its connections now open), mesh or SFU. */
  async packetsByVoice(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [key, n] of Object.entries((await this.wire()).packets ?? {})) {
      const from = key.slice(0, key.lastIndexOf("#"));
      out[from] = (out[from] ?? 0) + n;
    }
    return out;
  }

  async leave(): Promise<void> {
    this.mesh?.closeAll();
    this.sfu?.close();
    this.mic.close();
    await this.room.leave().catch(() => {});
  }
}
