import { useAppStore, type AppStore } from "../../state/store";
import { practiceTicker, type PracticeTicker } from "../ticker";
import { pulseControllers, type HapticSession } from "./hapticCue";
import { speakStep } from "./speechCue";
import { createToneCue, type ToneCue } from "./toneCue";

export interface CueOptions {
  store?: AppStore;
  ticker?: PracticeTicker;
  tone?: ToneCue;
  /** the running XR session, if any (from the XR store) */
  getSession?: () => HapticSession | null | undefined;
}

/** The app's tone engine, so a user-gesture handler can wake its AudioContext. */
export const toneCue = createToneCue();

/**
 * Connect the cue engines to the ticker. Each reads its switch from the
 * settings at the moment a step begins, so toggling a cue applies at once.
 * Returns the cleanup.
 */
export function installCues({ store = useAppStore, ticker = practiceTicker, tone = toneCue, getSession = () => null }: CueOptions = {}): () => void {
  const offStep = ticker.onStep((step) => {
    const { cues, toneVolume } = store.getState().settings;
    if (cues.tones) tone.play(step, toneVolume);
    if (cues.haptics) pulseControllers(getSession(), step);
    if (cues.speech) speakStep(step);
  });
  // Browsers allow audio to resume after any earlier gesture on the page (sticky
  // activation), which also covers a practice started from an in-VR panel.
  // Switching tones on mid-practice is itself a gesture: without preparing then,
  // the tones would stay silent until the next resume.
  const offStart = store.subscribe((state, prev) => {
    const running = state.practice.status === "running";
    const tones = state.settings.cues.tones;
    if (tones && running && (prev.practice.status !== "running" || !prev.settings.cues.tones)) tone.prepare();
    if (state.practice.status !== "running" && prev.practice.status === "running") globalThis.speechSynthesis?.cancel();
  });
  return () => {
    offStep();
    offStart();
  };
}
