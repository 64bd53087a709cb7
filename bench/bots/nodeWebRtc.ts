// WebRTC in Node for the voice bench's people: libwebrtc through @roamhq/wrtc, with the two parts of
// today's API that the client's voice code relies on and wrtc lacks, and a microphone that talks.
import wrtc from "@roamhq/wrtc";

/** One candidate per address and protocol (see NodePeerConnection): the key of a candidate line. */
function candidateKey(line: string): string {
  // candidate:<foundation> <component> <protocol> <priority> <address> <port> typ <type> [... tcptype <t>]
  const [, component, protocol, , address, , , type] = line.replace(/^a=/, "").split(" ");
  return `${component} ${protocol} ${address} ${type} ${/tcptype (\S+)/.exec(line)?.[1] ?? ""}`;
}

/** `sdp` with each section's repeated candidates (same address, protocol and type) left out. */
function oncePerAddress(sdp: string): string {
  return sdp
    .split(/^(?=m=)/m)
    .map((section) => {
      const seen = new Set<string>();
      return section.replace(/^a=candidate:[^\r\n]*\r?\n/gm, (line) => {
        const key = candidateKey(line.trim());
        if (seen.has(key)) return "";
        seen.add(key);
        return line;
      });
    })
    .join("");
}

/**
 * wrtc's peer connection plus what browsers have had since 2020 and our PeerLink / VoiceSfu use:
 * `setLocalDescription()` with no description (an offer, or the answer to a remote offer) and an
 * offer taken while our own is out rolling ours back first ("implicit rollback", the polite side of
 * perfect negotiation). And one candidate per address and protocol, as a browser gathers: with
 * dozens of connections in one process, libwebrtc M106 here keeps opening new passive TCP ports for
 * a connection while others start (a mesh of 8 gathered ~35 candidates per link: too long a
 * description, then more trickled candidates than the room's signalling rate lets through), so the
 * repeats are neither announced nor put in the description. wrtc defines `localDescription` on each
 * instance, not on its prototype, hence a Proxy rather than a subclass. Everything else is
 * libwebrtc's own.
 */
function NodePeerConnection(config?: RTCConfiguration): RTCPeerConnection {
  const pc = new (wrtc.RTCPeerConnection as unknown as typeof RTCPeerConnection)(config);
  const announced = new Set<string>();
  const dispatch = pc.dispatchEvent.bind(pc);
  pc.dispatchEvent = (event: Event) => {
    const line = event.type === "icecandidate" ? (event as RTCPeerConnectionIceEvent).candidate?.candidate : undefined;
    if (line) {
      const key = candidateKey(line);
      if (announced.has(key)) return true;
      announced.add(key);
    }
    return dispatch(event);
  };
  const setLocal = pc.setLocalDescription.bind(pc);
  const setRemote = pc.setRemoteDescription.bind(pc);
  pc.setLocalDescription = async (description?: RTCLocalSessionDescriptionInit) => {
    if (description?.sdp || description?.type === "rollback") return setLocal(description);
    const answering = pc.signalingState === "have-remote-offer" || pc.signalingState === "have-local-pranswer";
    return setLocal(answering ? await pc.createAnswer() : await pc.createOffer());
  };
  pc.setRemoteDescription = async (description: RTCSessionDescriptionInit) => {
    if (description.type === "offer" && pc.signalingState === "have-local-offer") await setLocal({ type: "rollback" });
    return setRemote(description);
  };
  return new Proxy(pc, {
    get(target, key) {
      if (key !== "localDescription") return Reflect.get(target, key) as unknown;
      const local = target.localDescription;
      return local && { type: local.type, sdp: oncePerAddress(local.sdp), toJSON: () => ({ type: local.type, sdp: oncePerAddress(local.sdp) }) };
    },
  });
}

/** Make the client's voice modules (PeerLink, VoiceMesh, VoiceSfu) run in this process. */
export function installNodeWebRtc(): void {
  Object.assign(globalThis, { RTCPeerConnection: NodePeerConnection, MediaStream: wrtc.MediaStream });
}

/** Sample rate of the talking microphones, Hz; frames of 10 ms, as a browser's audio capture delivers them. */
const RATE = 48_000;
const FRAME = RATE / 100;
/** A voice's pattern: 1.6 s of tone, 1 s of silence (as the pages' microphones in bench/voice.ts). */
const ON_S = 1.6;
const CYCLE_S = 2.6;
/** Amplitude while talking (full scale 1), and the fade at each edge, s. */
const LEVEL = 0.3;
const FADE_S = 0.02;

interface Mic {
  source: InstanceType<typeof wrtc.nonstandard.RTCAudioSource>;
  hz: number;
  /** phase of the tone, radians */
  phase: number;
  /** when this microphone started, s on the shared clock (so the voices are not all in step) */
  offset: number;
  talking: boolean;
  onTalking: (on: boolean) => void;
}

/**
 * Talking microphones: each a tone gated 1.6 s on, 1 s off (Opus with DTX sends next to nothing in
 * the pauses), 10 ms frames of 16-bit PCM pushed into an RTCAudioSource. One timer feeds them all and
 * catches up on the frames a late tick owes, so each sends 100 frames a second however busy the
 * event loop is. One buffer, reused for every frame.
 */
export class TalkingMics {
  private readonly mics = new Set<Mic>();
  private readonly samples = new Int16Array(FRAME);
  private readonly t0 = performance.now();
  private sent = 0;
  private readonly timer = setInterval(() => this.tick(), 10);

  /** A new microphone track with a tone of `hz`; `onTalking` hears each switch between tone and pause. */
  open(hz: number, onTalking: (on: boolean) => void = () => {}): { track: MediaStreamTrack; close: () => void } {
    const source = new wrtc.nonstandard.RTCAudioSource();
    const mic: Mic = { source, hz, phase: 0, offset: (this.sent / 100) % CYCLE_S, talking: false, onTalking };
    this.mics.add(mic);
    const track = source.createTrack() as unknown as MediaStreamTrack;
    return {
      track,
      close: () => {
        this.mics.delete(mic);
        track.stop();
      },
    };
  }

  close(): void {
    clearInterval(this.timer);
    for (const mic of this.mics) mic.onTalking = () => {};
    this.mics.clear();
  }

  private tick(): void {
    const due = Math.floor((performance.now() - this.t0) / 10);
    // After a long stall, skip what cannot be caught up rather than burst a second of audio.
    if (due - this.sent > 20) this.sent = due - 20;
    for (; this.sent < due; this.sent++) for (const mic of this.mics) this.frame(mic, this.sent / 100);
  }

  private frame(mic: Mic, at: number): void {
    const t = (at - mic.offset + CYCLE_S) % CYCLE_S;
    const talking = t < ON_S;
    if (talking !== mic.talking) {
      mic.talking = talking;
      mic.onTalking(talking);
    }
    const step = (2 * Math.PI * mic.hz) / RATE;
    for (let i = 0; i < FRAME; i++) {
      const s = t + i / RATE;
      const gain = s < ON_S ? LEVEL * Math.min(1, s / FADE_S, (ON_S - s) / FADE_S) : 0;
      this.samples[i] = Math.round(32767 * gain * Math.sin(mic.phase));
      mic.phase += step;
    }
    mic.phase %= 2 * Math.PI;
    mic.source.onData({ samples: this.samples, sampleRate: RATE, bitsPerSample: 16, channelCount: 1, numberOfFrames: FRAME });
  }
}
