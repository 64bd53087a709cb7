import type { EnvironmentId } from "../../state/store";

/** A running ambience voice: its output and how to stop it. */
export interface AmbienceVoice {
  output: AudioNode;
  stop(): void;
}

/** Loopable noise, generated once per context. Pink-ish: gentler than white. */
function noiseBuffer(ctx: BaseAudioContext, seconds = 4): AudioBuffer {
  const buffer = ctx.createBuffer(1, Math.floor(ctx.sampleRate * seconds), ctx.sampleRate);
  const data = buffer.getChannelData(0);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let seed = 12345;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const white = (seed / 0x7fffffff) * 2 - 1;
    // Paul Kellet's economy pink-noise filter.
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    data[i] = (b0 + b1 + b2 + white * 0.1848) * 0.11;
  }
  return buffer;
}

function noise(ctx: BaseAudioContext): AudioBufferSourceNode {
  const src = ctx.createBufferSource();
  src.buffer = noiseBuffer(ctx);
  src.loop = true;
  return src;
}

/** A slow oscillator added onto `param`: value swings by ±depth around its set value. */
function lfo(ctx: BaseAudioContext, param: AudioParam, hz: number, depth: number, started: AudioScheduledSourceNode[]): void {
  const osc = ctx.createOscillator();
  osc.frequency.value = hz;
  const amount = ctx.createGain();
  amount.gain.value = depth;
  osc.connect(amount).connect(param);
  started.push(osc);
}

/** Filtered noise whose loudness and filter frequency drift with two slow LFOs. */
interface DriftingNoise {
  filter: BiquadFilterType;
  hz: number;
  q?: number;
  level: number;
  /** loudness LFO: rate, Hz, and depth (gain units) */
  swell: [hz: number, depth: number];
  /** filter LFO: rate, Hz, and depth (Hz) */
  sweep: [hz: number, depth: number];
}

function driftingNoise(ctx: BaseAudioContext, out: GainNode, sources: AudioScheduledSourceNode[], v: DriftingNoise): void {
  const src = noise(ctx);
  const filter = ctx.createBiquadFilter();
  filter.type = v.filter;
  filter.frequency.value = v.hz;
  if (v.q !== undefined) filter.Q.value = v.q;
  const level = ctx.createGain();
  level.gain.value = v.level;
  src.connect(filter).connect(level).connect(out);
  lfo(ctx, level.gain, v.swell[0], v.swell[1], sources);
  lfo(ctx, filter.frequency, v.sweep[0], v.sweep[1], sources);
  sources.push(src);
}

/** Waves: low-passed noise whose loudness and brightness swell every ~9 s. */
function waves(ctx: BaseAudioContext, out: GainNode, sources: AudioScheduledSourceNode[]): void {
  driftingNoise(ctx, out, sources, { filter: "lowpass", hz: 650, level: 0.55, swell: [0.11, 0.4], sweep: [0.11, 350] });
}

/** Wind: band-passed noise with slow gusts that shift its pitch a little. */
function wind(ctx: BaseAudioContext, out: GainNode, sources: AudioScheduledSourceNode[]): void {
  driftingNoise(ctx, out, sources, { filter: "bandpass", hz: 500, q: 0.8, level: 0.6, swell: [0.05, 0.35], sweep: [0.037, 180] });
}

/** Night: a low, soft pad (two detuned sines) and distant crickets (a high tone pulsed in short trills). */
function night(ctx: BaseAudioContext, out: GainNode, sources: AudioScheduledSourceNode[]): void {
  const pad = ctx.createGain();
  pad.gain.value = 0.1;
  for (const hz of [110, 164.8, 110.6]) {
    const osc = ctx.createOscillator();
    osc.frequency.value = hz;
    osc.connect(pad);
    sources.push(osc);
  }
  lfo(ctx, pad.gain, 0.06, 0.04, sources);
  pad.connect(out);

  const chirp = ctx.createOscillator();
  chirp.frequency.value = 4300;
  const trill = ctx.createGain();
  trill.gain.value = 0;
  // 28 Hz amplitude flutter makes the tone a cricket's trill; a 0.6 Hz gate
  // groups it into chirps; a 0.07 Hz swell lets the chorus come and go.
  lfo(ctx, trill.gain, 28, 0.5, sources);
  const gate = ctx.createGain();
  gate.gain.value = 0.25;
  lfo(ctx, gate.gain, 0.6, 0.25, sources);
  const level = ctx.createGain();
  level.gain.value = 0.012;
  lfo(ctx, level.gain, 0.07, 0.008, sources);
  chirp.connect(trill).connect(gate).connect(level).connect(out);
  sources.push(chirp);
}

const BUILDERS: Record<EnvironmentId, typeof waves> = { shore: waves, forest: wind, night };

/**
 * Start the ambience for an environment on `ctx`. It fades in over 2 s;
 * `stop()` fades out over 0.6 s before releasing the nodes, so there is no click.
 */
export function startAmbience(ctx: BaseAudioContext, env: EnvironmentId): AmbienceVoice {
  const output = ctx.createGain();
  const sources: AudioScheduledSourceNode[] = [];
  BUILDERS[env](ctx, output, sources);
  const now = ctx.currentTime;
  output.gain.setValueAtTime(0, now);
  output.gain.linearRampToValueAtTime(1, now + 2);
  for (const s of sources) s.start(now);
  return {
    output,
    stop() {
      const t = ctx.currentTime;
      output.gain.cancelScheduledValues(t);
      output.gain.setValueAtTime(output.gain.value, t);
      output.gain.linearRampToValueAtTime(0, t + 0.6);
      for (const s of sources) s.stop(t + 0.7);
      setTimeout(() => output.disconnect(), 800);
    },
  };
}
