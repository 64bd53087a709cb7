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

let silenced: () => boolean = () => false;

/**
 * Let another part of the app silence every cue while `predicate` says so — a person in a circle
 * silencing their own tones, haptics and speech during the shared practice, which nobody pauses.
 * Returns the cleanup.
 */
export function silenceCuesWhile(predicate: () => boolean): () => void {
  silenced = predicate;
  return () => {
    if (silenced === predicate) silenced = () => false;
  };
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
    if (silenced()) return;
    const { cues, toneVolume } = store.getState().settings;
    if (cues.tones) tone.play(step, toneVolume);
    if (cues.haptics) pulseControllers(getSession(), step);
    if (cues.speech) speakStep(step);
  });
  // Browsers allow audio to resume after any earlier gesture on the page (sticky
  // activation), which also covers a practice started from an in-VR panel.
  const offStatus = ticker.onStatus((status, previous) => {
    if (status === "running" && store.getState().settings.cues.tones) tone.prepare();
    if (previous === "running" && status !== "running") globalThis.speechSynthesis?.cancel();
  });
  // Switching tones on mid-practice is itself a gesture: without preparing then,
  // the tones would stay silent until the next resume.
  const offTones = store.subscribe((state, prev) => {
    if (state.settings.cues.tones && !prev.settings.cues.tones && ticker.status() === "running") tone.prepare();
  });
  return () => {
    offStep();
    offStatus();
    offTones();
  };
}
