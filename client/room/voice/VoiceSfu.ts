import type { Candidate, Description, IceServer, SfuConnection, SfuPayload, VoiceServerMessages } from "../../../core/protocol";
import { GATHER_WAIT_MS, MAX_SDP_LENGTH, withOpusDtx, withoutCandidates, withoutRepeatedCodecs } from "../../../core/voice";
import { compactAnswer } from "./compactAnswer";
import { gathered } from "./PeerLink";

/** What the SFU path needs around it: the room to send through and where incoming voices go. */
export interface SfuHost {
  send(payload: SfuPayload): void;
  /** `id`'s voice arrived (again, on another stream) */
  stream(id: string, stream: MediaStream): void;
  /** `id`'s voice is no longer carried */
  gone(id: string): void;
}

/** One connection to the SFU: its candidates wait until the description carrying the first ones has gone. */
class SfuConnectionState {
  readonly pc: RTCPeerConnection;
  described = false;
  readonly pending: Candidate[] = [];

  constructor(
    readonly kind: SfuConnection,
    iceServers: readonly IceServer[],
    private readonly send: (payload: SfuPayload) => void,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: iceServers as RTCIceServer[] });
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate || !candidate.candidate) return;
      const c = candidate.toJSON() as Candidate;
      if (this.described) this.send({ pc: this.kind, candidate: c });
      else this.pending.push(c);
    };
  }

  /** Send the local description (with the candidates gathered in GATHER_WAIT_MS when it fits). */
  async describe(): Promise<boolean> {
    const type = this.pc.localDescription?.type;
    if (!this.described) await gathered(this.pc, GATHER_WAIT_MS);
    const local = this.pc.localDescription;
    if (!local || local.type !== type || this.pc.signalingState === "closed") return false;
    let sdp = withOpusDtx(local.sdp);
    const carried = sdp.length <= MAX_SDP_LENGTH;
    if (!carried) sdp = withOpusDtx(withoutCandidates(local.sdp));
    // Many voices: the later sections' copies of the shared transport go too.
    if (sdp.length > MAX_SDP_LENGTH) sdp = compactAnswer(sdp);
    // Still more (a dozen voices and up): their coding lines too, which the server puts back for Janus.
    if (sdp.length > MAX_SDP_LENGTH) sdp = withoutRepeatedCodecs(sdp);
    if (sdp.length > MAX_SDP_LENGTH) return false;
    if (this.kind === "publisher" && local.type === "offer") this.send({ pc: "publisher", description: { type: "offer", sdp } });
    else if (this.kind === "subscriber" && local.type === "answer") this.send({ pc: "subscriber", description: { type: "answer", sdp } });
    else return false;
    if (!this.described) {
      this.described = true;
      if (!carried) for (const c of this.pending) this.send({ pc: this.kind, candidate: c });
      this.pending.length = 0;
    }
    return true;
  }

  close(): void {
    this.pc.onicecandidate = this.pc.ontrack = null;
    this.pc.close();
  }
}

/**
 * Voices through the circle's SFU (Janus, docs/PROTOCOL.md "Voice through the SFU"): one connection
 * that sends this person's microphone (audio only, Opus with DTX asked for) while they have one and
 * may be heard, and one that receives everyone else, each of its streams labelled by the server
 * with whose voice it is. All signalling goes through the circle room (`sfu`); this page never
 * talks to Janus except for the audio itself.
 */
export class VoiceSfu {
  private publisher: SfuConnectionState | null = null;
  private subscriber: SfuConnectionState | null = null;
  private track: MediaStreamTrack | null = null;
  /** subscriber mid → whose voice the server says it carries */
  private readonly owners = new Map<string, string>();
  /** subscriber mid → the voice handed to `host.stream` for it */
  private readonly given = new Map<string, { from: string; track: MediaStreamTrack }>();
  /** whose voices the subscriber carries */
  private heard = new Set<string>();
  /** answers apply one at a time, in the order the offers came */
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly iceServers: readonly IceServer[],
    private readonly host: SfuHost,
  ) {}

  /**
   * The microphone to send: a track starts publishing (offered once, when the person may be
   * heard: the server refuses anyone else), null stops it. Muting and push-to-talk only disable the
   * track, and Janus' moderation drops it anyway while the person may not be heard.
   */
  setTrack(track: MediaStreamTrack | null, mayPublish: boolean): void {
    if (this.closed) return;
    if (track !== this.track) {
      this.track = track;
      if (!track) this.stopPublishing();
      else void this.publisher?.pc.getSenders()[0]?.replaceTrack(track).catch(() => {});
    }
    if (track && mayPublish && !this.publisher) void this.publish(track);
  }

  /**
   * Audio packets received so far from each person (sessionId → count), from the subscriber's
   * statistics: what Janus forwards, before this page's own gates (tests and benchmarks).
   */
  async packetsByVoice(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    const stats = await this.subscriber?.pc.getStats();
    stats?.forEach((r: { type: string; kind?: string; mid?: string; packetsReceived?: number }) => {
      const from = r.type === "inbound-rtp" && r.kind === "audio" && r.mid !== undefined ? this.owners.get(r.mid) : undefined;
      if (from) out[from] = (out[from] ?? 0) + (r.packetsReceived ?? 0);
    });
    return out;
  }

  /** This page's connections to the SFU (for statistics). */
  connections(): RTCPeerConnection[] {
    return [this.publisher?.pc, this.subscriber?.pc].filter((pc): pc is RTCPeerConnection => Boolean(pc));
  }

  receive(m: VoiceServerMessages["sfu"]): void {
    if (this.closed) return;
    if (m.pc === "publisher") {
      if (m.closed) return this.stopPublishing();
      if (m.description?.type === "answer") {
        const pub = this.publisher;
        if (pub) void pub.pc.setRemoteDescription(m.description).catch(() => this.stopPublishing());
      }
      if (m.candidate) void this.publisher?.pc.addIceCandidate(m.candidate).catch(() => {});
      return;
    }
    if (m.closed) return this.stopListening();
    if (m.candidate) void this.subscriber?.pc.addIceCandidate(m.candidate).catch(() => {});
    if (m.description?.type === "offer") {
      const offer = m.description;
      const streams = m.streams ?? [];
      this.chain = this.chain.then(() => this.answer(offer, streams)).catch(() => {});
    }
  }

  /** The server refused our offer to speak: the next `setTrack` while heard offers again. */
  refused(): void {
    this.stopPublishing();
  }

  close(): void {
    this.closed = true;
    this.stopPublishing();
    this.stopListening();
  }

  private async publish(track: MediaStreamTrack): Promise<void> {
    const pub = (this.publisher = new SfuConnectionState("publisher", this.iceServers, (p) => this.host.send(p)));
    pub.pc.addTransceiver(track, { direction: "sendonly" });
    try {
      await pub.pc.setLocalDescription();
      if (this.publisher !== pub) return;
      if (!(await pub.describe())) this.stopPublishing();
    } catch {
      if (this.publisher === pub) this.stopPublishing();
    }
  }

  private stopPublishing(): void {
    this.publisher?.close();
    this.publisher = null;
  }

  private async answer(offer: Description, streams: { mid: string; from: string }[]): Promise<void> {
    if (this.closed) return;
    const sub = (this.subscriber ??= new SfuConnectionState("subscriber", this.iceServers, (p) => this.host.send(p)));
    await sub.pc.setRemoteDescription(offer);
    await sub.pc.setLocalDescription();
    this.owners.clear();
    for (const s of streams) this.owners.set(s.mid, s.from);
    this.follow(sub.pc);
    await sub.describe();
  }

  /** Hand each carried voice to the host (once per stream and owner), and say whose are gone. */
  private follow(pc: RTCPeerConnection): void {
    const carried = new Set<string>();
    for (const t of pc.getTransceivers()) {
      const mid = t.mid;
      const from = mid === null ? undefined : this.owners.get(mid);
      if (mid === null || !from || t.currentDirection === "inactive" || t.currentDirection === "stopped") continue;
      carried.add(from);
      const track = t.receiver.track;
      const had = this.given.get(mid);
      if (had?.from === from && had.track === track) continue;
      this.given.set(mid, { from, track });
      this.host.stream(from, new MediaStream([track]));
    }
    for (const [mid, { from }] of this.given) if (this.owners.get(mid) !== from) this.given.delete(mid);
    for (const from of this.heard) if (!carried.has(from)) this.host.gone(from);
    this.heard = carried;
  }

  private stopListening(): void {
    this.subscriber?.close();
    this.subscriber = null;
    this.owners.clear();
    this.given.clear();
    for (const from of this.heard) this.host.gone(from);
    this.heard = new Set();
  }
}
