import { soloPractice } from "../../../client/practice/source";
import { describe, expect, it, vi } from "vitest";
import { installCues, silenceCuesWhile } from "../../../client/practice/cues/installCues";
import { pulseControllers, type HapticSession } from "../../../client/practice/cues/hapticCue";
import { hasVoices, speakStep } from "../../../client/practice/cues/speechCue";
import type { ToneCue } from "../../../client/practice/cues/toneCue";
import { createPracticeTicker, type PracticeStep } from "../../../client/practice/ticker";
import { createAppStore } from "../../../client/state/store";
import { freshFrame } from "../helpers";

const inhale: PracticeStep = { kind: "breathing", phase: "inhale", caption: "Breathe in", stepIndex: 0, cycle: 0, stepMs: 4000 };

function session(...actuators: unknown[][]): HapticSession {
  return { inputSources: actuators.map((hapticActuators) => ({ gamepad: { hapticActuators } })) };
}

describe("controller haptics", () => {
  it("pulses the first actuator of every controller", () => {
    const left = { pulse: vi.fn(() => Promise.resolve(true)) };
    const right = { playEffect: vi.fn(() => Promise.resolve("complete")) };
    expect(pulseControllers(session([left], [right], []), inhale)).toBe(2);
    expect(left.pulse).toHaveBeenCalledWith(expect.any(Number), expect.any(Number));
    expect(right.playEffect).toHaveBeenCalledWith("dual-rumble", expect.objectContaining({ duration: expect.any(Number) }));
  });

  it("does nothing without a session or actuators", () => {
    expect(pulseControllers(null, inhale)).toBe(0);
    expect(pulseControllers({ inputSources: [{ gamepad: null }, {}] }, inhale)).toBe(0);
  });
});

describe("spoken guidance", () => {
  it("stays silent on a device without voices", () => {
    const synth = { getVoices: () => [], speak: vi.fn(), cancel: vi.fn() } as unknown as SpeechSynthesis;
    expect(hasVoices(synth)).toBe(false);
    expect(speakStep(inhale, synth)).toBe(false);
    expect(synth.speak).not.toHaveBeenCalled();
  });
});

describe("cue switches", () => {
  it("plays tones and pulses controllers only when switched on, at the chosen volume", () => {
    const store = createAppStore();
    const ticker = createPracticeTicker(soloPractice(store), freshFrame());
    const tone: ToneCue = { prepare: vi.fn(), play: vi.fn(), close: vi.fn() };
    const actuator = { pulse: vi.fn(() => Promise.resolve(true)) };
    const stop = installCues({ store, ticker, tone, getSession: () => session([actuator]) });
    store.getState().updateSettings({ toneVolume: 0.3 });
    store.getState().setCues({ haptics: false });
    store.getState().chooseExercise("box");
    store.getState().checkIn(null, 0);
    ticker.tick(0);
    expect(tone.prepare).toHaveBeenCalled();
    expect(tone.play).toHaveBeenCalledWith(expect.objectContaining({ phase: "inhale" }), 0.3);
    expect(actuator.pulse).not.toHaveBeenCalled();
    store.getState().setCues({ haptics: true, tones: false });
    ticker.tick(4000);
    expect(actuator.pulse).toHaveBeenCalledTimes(1);
    expect(tone.play).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe("silencing every cue from elsewhere (a person in a circle)", () => {
  it("plays nothing while the predicate says so, and again once it does not or is removed", () => {
    const store = createAppStore();
    const ticker = createPracticeTicker(soloPractice(store), freshFrame());
    const tone: ToneCue = { prepare: vi.fn(), play: vi.fn(), close: vi.fn() };
    const stop = installCues({ store, ticker, tone });
    let quiet = true;
    const unsilence = silenceCuesWhile(() => quiet);
    store.getState().chooseExercise("box");
    store.getState().checkIn(null, 0);
    ticker.tick(0);
    expect(tone.play).not.toHaveBeenCalled();
    quiet = false;
    ticker.tick(4000);
    expect(tone.play).toHaveBeenCalledTimes(1);
    quiet = true;
    unsilence();
    ticker.tick(8000);
    expect(tone.play).toHaveBeenCalledTimes(2);
    stop();
  });
});
