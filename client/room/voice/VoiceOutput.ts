import { loopback } from "./loopback";

/** Where a remote voice is placed: distance falloff (gentle: across a 4 m circle a voice keeps ~45 %). */
export const FALLOFF = { distanceModel: "inverse", refDistance: 1, rolloffFactor: 0.4, maxDistance: 12 } as const;
/** How fast a voice fades in or out when it may (no longer) be heard, s (time constant). */
const GATE_S = 0.03;

/** HRTF costs more than a phone or a standalone headset should spend; they get equal-power panning. */
export function panningFor(userAgent: string = globalThis.navigator?.userAgent ?? ""): PanningModelType {
  return /Android|iPhone|iPad|Mobile|OculusBrowser|Quest|Pico/i.test(userAgent) ? "equalpower" : "HRTF";
}

interface Voice {
  /** Chrome plays a remote WebRTC stream into Web Audio only while a media element holds it */
  element: HTMLAudioElement;
  source: MediaStreamAudioSourceNode;
  /** 1 while this person may be heard, 0 otherwise: every client drops a voice the rules forbid */
  gate: GainNode;
  panner: PannerNode;
  analyser: AnalyserNode | null;
  audible: boolean;
}

/**
 * Everyone's voice as this person hears it: each remote stream → its gate → a PannerNode at that
 * person's head (or straight to the mix in plain stereo) → the mix → a loopback peer connection
 * (so the browser's echo canceller hears what the speakers play) → an audio element. One graph per
 * room; `place` and `listen` run every frame and only write AudioParams.
 */
export class VoiceOutput {
  readonly ctx: AudioContext;
  private readonly mix: GainNode;
  private readonly voices = new Map<string, Voice>();
  private spatial = true;
  private player: HTMLAudioElement | null = null;
  private stopLoopback: (() => void) | null = null;
  private closed = false;
  private mixTap: AnalyserNode | null = null;

  constructor(
    ctx: AudioContext = new AudioContext({ latencyHint: "interactive" }),
    private readonly panningModel: PanningModelType = panningFor(),
  ) {
    this.ctx = ctx;
    this.mix = ctx.createGain();
    void this.route();
  }

  /** Start a person's voice (muted by its gate until `setAudible`). */
  add(id: string, stream: MediaStream): void {
    this.remove(id);
    const { ctx } = this;
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => {});
    const source = ctx.createMediaStreamSource(stream);
    const gate = ctx.createGain();
    gate.gain.value = 0;
    const panner = new PannerNode(ctx, { panningModel: this.panningModel, ...FALLOFF });
    source.connect(gate);
    panner.connect(this.mix);
    gate.connect(this.spatial ? panner : this.mix);
    this.voices.set(id, { element, source, gate, panner, analyser: null, audible: false });
  }

  /** Whose voices are here (a copy). */
  ids(): string[] {
    return [...this.voices.keys()];
  }

  has(id: string): boolean {
    return this.voices.has(id);
  }

  remove(id: string): void {
    const v = this.voices.get(id);
    if (!v) return;
    this.voices.delete(id);
    v.source.disconnect();
    v.gate.disconnect();
    v.panner.disconnect();
    v.element.srcObject = null;
  }

  /** Play this person's voice or drop it (a muted person, or not the piece holder in talking-piece mode). */
  setAudible(id: string, on: boolean): void {
    const v = this.voices.get(id);
    if (!v || v.audible === on) return;
    v.audible = on;
    const gain = v.gate.gain;
    gain.cancelScheduledValues(this.ctx.currentTime);
    // Fades in softly; a dropped voice is silent at once: nothing of it may be heard.
    if (on) gain.setTargetAtTime(1, this.ctx.currentTime, GATE_S);
    else gain.setValueAtTime(0, this.ctx.currentTime);
  }

  /** Spatial (each voice from its seat) or plain stereo. */
  setSpatial(on: boolean): void {
    if (on === this.spatial) return;
    this.spatial = on;
    for (const v of this.voices.values()) {
      v.gate.disconnect();
      v.gate.connect(on ? v.panner : this.mix);
      if (v.analyser) v.gate.connect(v.analyser);
    }
  }

  /** Put a person's voice at (x, y, z), world metres. Per frame: writes AudioParams only. */
  place(id: string, x: number, y: number, z: number): void {
    const p = this.voices.get(id)?.panner;
    if (!p) return;
    p.positionX.value = x;
    p.positionY.value = y;
    p.positionZ.value = z;
  }

  /** The listener's head: position and where it faces (forward and up unit vectors). Per frame. */
  listen(x: number, y: number, z: number, fx: number, fy: number, fz: number, ux: number, uy: number, uz: number): void {
    const l = this.ctx.listener;
    if (!l.positionX) return; // very old Safari: keep the default listener
    l.positionX.value = x;
    l.positionY.value = y;
    l.positionZ.value = z;
    l.forwardX.value = fx;
    l.forwardY.value = fy;
    l.forwardZ.value = fz;
    l.upX.value = ux;
    l.upY.value = uy;
    l.upZ.value = uz;
  }

  /** An analyser on what is played of this person (after their gate), for tests and benchmarks. */
  analyser(id: string): AnalyserNode | null {
    const v = this.voices.get(id);
    if (!v) return null;
    if (!v.analyser) {
      v.analyser = new AnalyserNode(this.ctx, { fftSize: 2048, smoothingTimeConstant: 0.5 });
      v.gate.connect(v.analyser);
    }
    return v.analyser;
  }

  /** An analyser on the whole mix this person hears, for tests and benchmarks. */
  mixAnalyser(): AnalyserNode {
    if (!this.mixTap) {
      this.mixTap = new AnalyserNode(this.ctx, { fftSize: 2048, smoothingTimeConstant: 0.5 });
      this.mix.connect(this.mixTap);
    }
    return this.mixTap;
  }

  /** Ask the browser to start sound (after a user gesture, where autoplay is restricted). */
  resume(): void {
    if (this.ctx.state === "suspended") void this.ctx.resume().catch(() => {});
    if (this.player?.paused) void this.player.play().catch(() => {});
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.voices.keys()]) this.remove(id);
    this.stopLoopback?.();
    if (this.player) this.player.srcObject = null;
    void this.ctx.close().catch(() => {});
  }

  /** The mix out through the loopback pair; straight to the speakers if that cannot start. */
  private async route(): Promise<void> {
    const out = this.ctx.createMediaStreamDestination();
    this.mix.connect(out);
    try {
      const { stream, close } = await loopback(out.stream);
      if (this.closed) return close();
      this.stopLoopback = close;
      this.player = new Audio();
      this.player.srcObject = stream;
      void this.player.play().catch(() => {});
    } catch {
      if (this.closed) return;
      this.mix.disconnect();
      this.mix.connect(this.ctx.destination);
    }
  }
}
