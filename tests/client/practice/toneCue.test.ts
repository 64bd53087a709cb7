import { soloPractice } from "../../../client/practice/source";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installCues } from "../../../client/practice/cues/installCues";
import { createToneCue } from "../../../client/practice/cues/toneCue";
import { createPracticeTicker, type PracticeStep } from "../../../client/practice/ticker";
import { createAppStore } from "../../../client/state/store";
import { freshFrame } from "../helpers";

/** One scheduled sound: its pitch glide and the loudest gain it reaches. */
interface Heard {
  fromHz: number;
  toHz: number;
  peak: number;
}

/**
 * Just enough of an AudioContext to hear what the tone engine schedules.
 * Like a browser's, it starts suspended and sounds only once resumed.
 */
class FakeAudioContext {
  state: AudioContextState = "suspended";
  currentTime = 0;
  readonly destination = {};
  readonly heard: Heard[] = [];
  resume() {
    this.state = "running";
    return Promise.resolve();
  }
  close() {
    this.state = "closed";
    return Promise.resolve();
  }
  createOscillator() {
    const sound: Heard = { fromHz: 0, toHz: 0, peak: 0 };
    const heard = this.heard;
    return {
      type: "sine",
      frequency: { setValueAtTime: (hz: number) => void (sound.fromHz = hz), exponentialRampToValueAtTime: (hz: number) => void (sound.toHz = hz) },
      connect: (gain: { sound?: Heard }) => {
        gain.sound = sound;
        return gain;
      },
      start: () => void heard.push(sound),
      stop: () => undefined,
      onended: null,
    };
  }
  createGain() {
    const node: { sound?: Heard; gain: object; connect: () => object; disconnect: () => void } = {
      gain: {
        setValueAtTime: () => undefined,
        exponentialRampToValueAtTime: (g: number) => {
          if (node.sound) node.sound.peak = Math.max(node.sound.peak, g);
        },
      },
      connect: () => ({}),
      disconnect: () => undefined,
    };
    return node;
  }
}

const step = (phase: PracticeStep["phase"]): PracticeStep => ({ kind: "breathing", phase, caption: "", stepIndex: 0, cycle: 0, stepMs: 4000 });

function engine() {
  const ctx = new FakeAudioContext();
  const tone = createToneCue(() => ctx as unknown as AudioContext);
  return { ctx, tone };
}

describe("tone cue engine", () => {
  it("rises on the in-breath and falls on the out-breath, louder with the tone volume", () => {
    const { ctx, tone } = engine();
    tone.prepare();
    tone.play(step("inhale"), 1);
    tone.play(step("exhale"), 0.5);
    const [inhale, exhale] = ctx.heard;
    expect(inhale!.toHz).toBeGreaterThan(inhale!.fromHz);
    expect(exhale!.toHz).toBeLessThan(exhale!.fromHz);
    expect(exhale!.peak).toBeCloseTo(inhale!.peak / 2);
  });

  it("is silent at zero volume and before the audio is woken by a gesture", () => {
    const { ctx, tone } = engine();
    tone.play(step("inhale"), 1);
    tone.prepare();
    tone.play(step("inhale"), 0);
    expect(ctx.heard).toHaveLength(0);
  });
});

describe("tones during a practice", () => {
  function practice(tones: boolean) {
    const { ctx, tone } = engine();
    const store = createAppStore();
    const ticker = createPracticeTicker(soloPractice(store), freshFrame());
    const stop = installCues({ store, ticker, tone });
    store.getState().setCues({ tones, haptics: false, speech: false });
    store.getState().chooseExercise("box");
    store.getState().checkIn(null, 0);
    ticker.tick(0);
    return { ctx, store, ticker, stop };
  }

  it("plays a tone at each phase change at the chosen volume, and none once switched off", () => {
    const { ctx, store, ticker, stop } = practice(true);
    expect(ctx.heard).toHaveLength(1);
    const atDefault = ctx.heard[0]!.peak; // default tone volume 0.5
    store.getState().updateSettings({ toneVolume: 0.25 });
    ticker.tick(8000); // Breathe out
    expect(ctx.heard).toHaveLength(2);
    expect(ctx.heard[1]!.peak).toBeCloseTo(atDefault / 2);
    store.getState().setCues({ tones: false });
    ticker.tick(12_000);
    expect(ctx.heard).toHaveLength(2);
    stop();
  });

  it("sounds at the next phase when tones are switched on mid-practice", () => {
    const { ctx, store, ticker, stop } = practice(false);
    expect(ctx.heard).toHaveLength(0);
    store.getState().setCues({ tones: true }); // the click on "Soft tones"
    ticker.tick(4000);
    expect(ctx.heard).toHaveLength(1);
    stop();
  });
});

describe("spoken guidance during a practice", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("speaks each phase and falls silent as soon as the practice pauses", () => {
    const said: string[] = [];
    vi.stubGlobal("speechSynthesis", {
      getVoices: () => [{ name: "voice" }],
      speak: (u: { text: string }) => said.push(u.text),
      cancel: () => said.push("(silence)"),
    });
    vi.stubGlobal(
      "SpeechSynthesisUtterance",
      class {
        rate = 1;
        volume = 1;
        constructor(readonly text: string) {}
      },
    );
    const store = createAppStore();
    const ticker = createPracticeTicker(soloPractice(store), freshFrame());
    const stop = installCues({ store, ticker, tone: { prepare: () => undefined, play: () => undefined, close: () => undefined } });
    store.getState().setCues({ speech: true, tones: false, haptics: false });
    store.getState().chooseExercise("box");
    store.getState().checkIn(null, 0);
    ticker.tick(0);
    expect(said.at(-1)).toBe("Breathe in");
    store.getState().pause(1000);
    ticker.tick(1000); // the page's driver ticks on every change of the practice
    expect(said.at(-1)).toBe("(silence)");
    ticker.tick(5000);
    expect(said.at(-1)).toBe("(silence)");
    stop();
  });
});
