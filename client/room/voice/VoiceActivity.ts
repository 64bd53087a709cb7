/** How often the detector listens, ms (10 Hz: a voice starts and stops on the scale of syllables). */
export const VAD_INTERVAL_MS = 100;
/** RMS level (full scale 1) above which the microphone hears a voice. */
export const VAD_ON = 0.02;
/** ...and under which it counts as quiet (hysteresis keeps breaths from flickering the glow). */
export const VAD_OFF = 0.012;
/** Loud samples in a row before "speaking", and quiet time before it ends, ms. */
const ON_SAMPLES = 2;
const HANG_MS = 700;

/**
 * A small voice-activity detector on this person's own microphone: an AnalyserNode read ten times a
 * second into one reused buffer (nothing allocated while it runs). Calls `changed` only when the
 * answer flips — at most a few times a second, which the server's `speaking` rate allows.
 */
export class VoiceActivity {
  private readonly analyser: AnalyserNode;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly samples: Float32Array<ArrayBuffer>;
  private readonly timer: ReturnType<typeof setInterval>;
  private loud = 0;
  private quietSince = 0;
  speaking = false;

  constructor(ctx: AudioContext, stream: MediaStream, private readonly changed: (speaking: boolean) => void, now: () => number = () => performance.now()) {
    this.source = ctx.createMediaStreamSource(stream);
    this.analyser = new AnalyserNode(ctx, { fftSize: 1024 });
    this.source.connect(this.analyser);
    this.samples = new Float32Array(this.analyser.fftSize);
    this.timer = setInterval(() => this.listen(now()), VAD_INTERVAL_MS);
  }

  /** The current level, RMS of the last ~21 ms. */
  level(): number {
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (let i = 0; i < this.samples.length; i++) sum += this.samples[i]! * this.samples[i]!;
    return Math.sqrt(sum / this.samples.length);
  }

  /** One step of the detector (the timer calls it; tests may too). */
  listen(at: number): void {
    const rms = this.level();
    if (rms >= VAD_ON) this.loud++;
    else if (rms < VAD_OFF) this.loud = 0;
    if (!this.speaking && this.loud >= ON_SAMPLES) return this.flip(true, at);
    if (this.speaking) {
      if (rms >= VAD_OFF) this.quietSince = at;
      else if (at - this.quietSince >= HANG_MS) this.flip(false, at);
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.source.disconnect();
    if (this.speaking) this.flip(false, 0);
  }

  private flip(on: boolean, at: number): void {
    this.speaking = on;
    this.quietSince = at;
    this.loud = 0;
    this.changed(on);
  }
}
