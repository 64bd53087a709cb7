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

/** Waves: low-passed noise whose loudness and brightness swell every ~9 s. */
function waves(ctx: BaseAudioContext, out: GainNode, sources: AudioScheduledSourceNode[]): void {
  const src = noise(ctx);
  const filter = ctx.createBiquadFilter();
  filter.type = "lowpass";
  filter.frequency.value = 650;
  const swell = ctx.createGain();
  swell.gain.value = 0.55;
  src.connect(filter).connect(swell).connect(out);
  lfo(ctx, swell.gain, 0.11, 0.4, sources);
  lfo(ctx, filter.frequency, 0.11, 350, sources);
  sources.push(src);
}

/** Wind: band-passed noise with slow gusts that shift its pitch a little. */
function wind(ctx: BaseAudioContext, out: GainNode, sources: AudioScheduledSourceNode[]): void {
  const src = noise(ctx);
  const band = ctx.createBiquadFilter();
  band.type = "bandpass";
  band.frequency.value = 500;
  band.Q.value = 0.8;
  const gust = ctx.createGain();
  gust.gain.value = 0.6;
  src.connect(band).connect(gust).connect(out);
  lfo(ctx, gust.gain, 0.05, 0.35, sources);
  lfo(ctx, band.frequency, 0.037, 180, sources);
  sources.push(src);
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
