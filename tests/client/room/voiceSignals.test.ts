import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VoiceConfig } from "../../../core/protocol";
import { createVoiceStore, followVoice, type VoiceRoom } from "../../../client/room/voice";
import type { VoiceOutput } from "../../../client/room/voice/VoiceOutput";

/**
 * Signalling that arrives before this page knows how the circle carries voices. A person who has
 * just been seated asks the room for its voice settings; meanwhile someone already speaking sees
 * them in the next patch and, when that side is the one that offers (impolite), sends an offer at
 * once. That offer can come before the settings do, and it is sent only once: the newcomer must
 * still answer it, or the two never hear each other.
 */

const SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n";

/** Just enough of RTCPeerConnection for PeerLink: descriptions, one audio transceiver, tracks. */
class FakePeerConnection {
  static all: FakePeerConnection[] = [];
  signalingState: RTCSignalingState = "stable";
  iceGatheringState: RTCIceGatheringState = "complete";
  iceConnectionState: RTCIceConnectionState = "new";
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  ontrack: ((e: { track: unknown; streams: unknown[] }) => void) | null = null;
  onicecandidate: unknown = null;
  onnegotiationneeded: (() => void) | null = null;
  oniceconnectionstatechange: unknown = null;
  private readonly transceivers: { direction: string; sender: { track: unknown; replaceTrack: () => Promise<void> } }[] = [];
  constructor() {
    FakePeerConnection.all.push(this);
  }
  addTransceiver(_kind: string, init: { direction: string }) {
    this.transceivers.push({ direction: init.direction, sender: { track: null, replaceTrack: async () => {} } });
    queueMicrotask(() => this.onnegotiationneeded?.());
  }
  getTransceivers() {
    return this.transceivers;
  }
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.remoteDescription = d;
    if (d.type === "offer") {
      this.signalingState = "have-remote-offer";
      if (!this.transceivers.length) this.transceivers.push({ direction: "recvonly", sender: { track: null, replaceTrack: async () => {} } });
    } else this.signalingState = "stable";
    this.ontrack?.({ track: {}, streams: [{ id: "remote" }] });
  }
  async setLocalDescription() {
    const answering = this.signalingState === "have-remote-offer";
    this.localDescription = { type: answering ? "answer" : "offer", sdp: SDP };
    this.signalingState = answering ? "stable" : "have-local-offer";
  }
  async addIceCandidate() {}
  addEventListener() {}
  removeEventListener() {}
  restartIce() {}
  close() {
    this.signalingState = "closed";
  }
}

const voiceOf = (mic: boolean) => ({ role: "participant", muted: false, mic, connected: true, speaking: false });

/** A seated page's room: "a" (this page, just seated, no microphone) and "b" (speaking). */
function fakeRoom() {
  const handlers = new Map<string, (m: unknown) => void>();
  let settings: (c: VoiceConfig) => void = () => {};
  const sent: { type: string; payload: unknown }[] = [];
  const onStateChange = Object.assign((cb: () => void) => void cb, { remove: () => {} });
  const room = {
    sessionId: "a",
    state: { participants: new Map([["a", voiceOf(false)], ["b", voiceOf(true)]]), pieceMode: false, pieceHolder: "" },
    onStateChange,
    onMessage: (type: string, cb: (m: unknown) => void) => {
      handlers.set(type, cb);
      return () => handlers.delete(type);
    },
    send: (type: string, payload: unknown) => void sent.push({ type, payload }),
    request: () => new Promise<VoiceConfig>((done) => (settings = done)),
  };
  return {
    room: room as unknown as VoiceRoom,
    sent,
    deliver: (type: string, m: unknown) => handlers.get(type)?.(m),
    settingsArrive: (c: VoiceConfig) => settings(c),
  };
}

const fakeOutput = () =>
  ({ add: vi.fn(), remove: vi.fn(), setAudible: vi.fn(), setSpatial: vi.fn(), ids: () => [], close: vi.fn(), resume: vi.fn() }) as unknown as VoiceOutput;

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("mesh signalling before the voice settings arrive", () => {
  beforeEach(() => {
    FakePeerConnection.all = [];
    vi.stubGlobal("RTCPeerConnection", FakePeerConnection);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("an offer that came first is answered once the settings come, and the voice is played", async () => {
    const { room, sent, deliver, settingsArrive } = fakeRoom();
    const output = fakeOutput();
    const stop = followVoice(room, createVoiceStore(), () => output);
    // "b" sorts after "a": "b" is the impolite side and offers; "a" only ever answers.
    deliver("signal", { from: "b", description: { type: "offer", sdp: SDP } });
    await settle();
    settingsArrive({ mode: "mesh", iceServers: [] });
    await vi.waitFor(() => expect(sent.filter((m) => m.type === "signal").map((m) => m.payload)).toEqual([{ to: "b", description: { type: "answer", sdp: expect.stringContaining("usedtx=1") } }]));
    expect(FakePeerConnection.all).toHaveLength(1);
    expect(FakePeerConnection.all[0]!.remoteDescription).toEqual({ type: "offer", sdp: SDP });
    expect(output.add).toHaveBeenCalledWith("b", expect.anything());
    stop();
  });
});
