import type { PracticeStep } from "../ticker";

/** Loudest a cue tone gets at full tone volume: cues sit under the ambience, never over it. */
const PEAK_GAIN = 0.18;
/** Longest a rising/falling tone lasts, s; longer steps keep quiet after it. */
const GLIDE_S = 1.6;
const LOW_HZ = 196; // G3
const HIGH_HZ = 262; // C4

export interface ToneCue {
  /** Create or resume the AudioContext. Call from a user gesture (browsers refuse otherwise). */
  prepare(): void;
  /** Play the cue for a new step at `volume` 0..1. */
  play(step: Readonly<PracticeStep>, volume: number): void;
  close(): void;
}

/**
 * Soft sine cues: rising on the in-breath, falling on the out-breath, a quiet
 * tick at a hold and a single low chime at each guided step.
 */
export function createToneCue(makeContext: () => AudioContext | null = defaultContext): ToneCue {
  let ctx: AudioContext | null = null;

  function voice(fromHz: number, toHz: number, seconds: number, gain: number) {
    if (!ctx || ctx.state !== "running" || gain <= 0) return;
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const amp = ctx.createGain();
    osc.type = "sine";
    osc.frequency.setValueAtTime(fromHz, t);
    osc.frequency.exponentialRampToValueAtTime(toHz, t + seconds);
    // Slow attack and release: no clicks, nothing startling.
    amp.gain.setValueAtTime(0.0001, t);
    amp.gain.exponentialRampToValueAtTime(gain, t + Math.min(0.25, seconds / 3));
    amp.gain.exponentialRampToValueAtTime(0.0001, t + seconds);
    osc.connect(amp).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + seconds + 0.05);
    osc.onended = () => amp.disconnect();
  }

  return {
    prepare() {
      ctx ??= makeContext();
      if (ctx && ctx.state === "suspended") void ctx.resume().catch(() => undefined);
    },
    play(step, volume) {
      const gain = PEAK_GAIN * Math.min(1, Math.max(0, volume));
      const seconds = Math.min(GLIDE_S, Math.max(0.3, (step.stepMs / 1000) * 0.8));
      if (step.kind === "guided") voice(LOW_HZ * 1.5, LOW_HZ * 1.5, 1.2, gain * 0.8);
      else if (step.phase === "inhale") voice(LOW_HZ, HIGH_HZ, seconds, gain);
      else if (step.phase === "exhale") voice(HIGH_HZ, LOW_HZ, seconds, gain);
      else voice(440, 440, 0.12, gain * 0.4);
    },
    close() {
      void ctx?.close().catch(() => undefined);
      ctx = null;
    },
  };
}

function defaultContext(): AudioContext | null {
  return typeof AudioContext === "function" ? new AudioContext({ latencyHint: "playback" }) : null;
}
