import type { Candidate, Description, IceServer } from "../../../core/protocol";
import { GATHER_WAIT_MS, MAX_SDP_LENGTH, withOpusDtx, withoutCandidates } from "../../../core/voice";

/** What one link sends to the other person (the room relays it as `signal`). */
export type OutgoingSignal = { description: Description } | { candidate: Candidate };

/** Resolves when ICE gathering completes or after `ms`, whichever is first (the mesh and the SFU path both wait so). */
export function gathered(pc: RTCPeerConnection, ms: number): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      pc.removeEventListener("icegatheringstatechange", check);
      done();
    }
    function check() {
      if (pc.iceGatheringState === "complete") finish();
    }
    pc.addEventListener("icegatheringstatechange", check);
  });
}

/**
 * One audio connection to one other person, negotiated with the "perfect negotiation" pattern
 * (W3C WebRTC, §10.7): either side may (re)negotiate at any time; on a collision the *polite* side
 * rolls its own offer back, the impolite side ignores the other's. Only the impolite side adds the
 * audio transceiver, so a pair has exactly one audio section; the polite side takes it from the
 * offer and answers `sendrecv`. The microphone is attached with `replaceTrack` (mute, push-to-talk
 * and a new microphone never renegotiate). Descriptions go out with Opus DTX asked for and, when
 * they fit, with the candidates gathered in the first GATHER_WAIT_MS; later ones follow one by one.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  /** candidates trickle only once the description carrying the first ones has gone */
  private described = false;
  private readonly pending: Candidate[] = [];
  private track: MediaStreamTrack | null = null;
  private closed = false;

  constructor(
    readonly remote: string,
    readonly polite: boolean,
    iceServers: readonly IceServer[],
    private readonly send: (signal: OutgoingSignal) => void,
    onStream: (stream: MediaStream) => void,
  ) {
    const pc = (this.pc = new RTCPeerConnection({ iceServers: iceServers as RTCIceServer[] }));
    pc.ontrack = ({ track, streams }) => onStream(streams[0] ?? new MediaStream([track]));
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || !candidate.candidate) return;
      const c = candidate.toJSON() as Candidate;
      if (this.described) this.send({ candidate: c });
      else this.pending.push(c);
    };
    pc.onnegotiationneeded = () => void this.offer();
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === "failed" && !this.polite) pc.restartIce();
    };
    if (!polite) pc.addTransceiver("audio", { direction: "sendrecv" });
  }

  /** The microphone track to send (null: nothing). Never renegotiates. */
  setTrack(track: MediaStreamTrack | null): void {
    this.track = track;
    const sender = this.audioSender();
    if (sender && sender.track !== track) void sender.replaceTrack(track).catch(() => {});
  }

  /** A description or candidate from the other person. */
  async receive(signal: { description?: Description; candidate?: Candidate }): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    try {
      if (signal.description) {
        const description = signal.description;
        // An offer is welcome when we are stable, or about to be (our answer is being applied).
        const readyForOffer = !this.makingOffer && (pc.signalingState === "stable" || this.settingRemoteAnswer);
        const collision = description.type === "offer" && !readyForOffer;
        this.ignoreOffer = !this.polite && collision;
        if (this.ignoreOffer) return;
        this.settingRemoteAnswer = description.type === "answer";
        await pc.setRemoteDescription(description); // rolls back our own offer if there was a collision
        this.settingRemoteAnswer = false;
        if (description.type === "offer") {
          const transceiver = pc.getTransceivers()[0];
          if (transceiver && transceiver.direction !== "sendrecv") transceiver.direction = "sendrecv";
          this.setTrack(this.track);
          await pc.setLocalDescription();
          await this.sendDescription();
        }
      } else if (signal.candidate) {
        try {
          await pc.addIceCandidate(signal.candidate);
        } catch (error) {
          if (!this.ignoreOffer) throw error;
        }
      }
    } catch {
      // A description that cannot apply (a stale one after a rollback): the next negotiation mends it.
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = this.pc.oniceconnectionstatechange = null;
    this.pc.close();
  }

  private audioSender(): RTCRtpSender | undefined {
    return this.pc.getTransceivers()[0]?.sender;
  }

  private async offer(): Promise<void> {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      this.setTrack(this.track);
      await this.pc.setLocalDescription();
      await this.sendDescription();
    } catch {
      // Closed while offering, or rolled back by the other side's offer: nothing to send.
    } finally {
      this.makingOffer = false;
    }
  }

  /** Send the current local description (with the candidates gathered so far, when it fits). */
  private async sendDescription(): Promise<void> {
    const pc = this.pc;
    const type = pc.localDescription?.type;
    if (!this.described) await gathered(pc, GATHER_WAIT_MS);
    const local = pc.localDescription;
    // Rolled back or replaced while gathering: that description is no longer ours to send.
    if (this.closed || !local || local.type !== type || (type !== "offer" && type !== "answer")) return;
    let sdp = withOpusDtx(local.sdp);
    const carried = sdp.length <= MAX_SDP_LENGTH;
    if (!carried) sdp = withOpusDtx(withoutCandidates(local.sdp));
    if (sdp.length > MAX_SDP_LENGTH) return;
    this.send({ description: { type, sdp } });
    if (!this.described) {
      this.described = true;
      // Candidates already in the description need not travel again.
      if (!carried) for (const c of this.pending) this.send({ candidate: c });
      this.pending.length = 0;
    }
  }
}
