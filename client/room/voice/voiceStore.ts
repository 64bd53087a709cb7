import { create } from "zustand";

/**
 * This person's microphone: `off` (not asked for, or turned off), `asking` (the browser's prompt is
 * up), `on`, `denied` (the browser or the person said no: they stay in the circle, listening) or
 * `unavailable` (no microphone, or it could not start).
 */
export type MicState = "off" | "asking" | "on" | "denied" | "unavailable";

/** Voice choices kept on this device. */
export interface VoicePrefs {
  /** speak only while Space (desktop) or a trigger (VR) is held */
  pushToTalk: boolean;
  /** every voice from the middle, both ears alike, instead of from where each person sits */
  plainStereo: boolean;
}

export interface VoiceState extends VoicePrefs {
  mic: MicState;
  /** push-to-talk held right now (Space or a trigger) */
  held: boolean;
  /** this device's voice-activity detector hears this person (sent as `speaking`) */
  speaking: boolean;
  /** how the circle carries voices once known */
  mode: "mesh" | "sfu" | null;
  /** open the microphone (asks the browser the first time); set by the circle's voice while in it */
  micOn: () => void;
  /** close the microphone */
  micOff: () => void;
  set: (patch: Partial<VoiceState>) => void;
}

/** localStorage key of VoicePrefs. */
export const VOICE_PREFS_KEY = "breathing-room:voice:v1";

function loadPrefs(storage: Storage | undefined): VoicePrefs {
  const prefs: VoicePrefs = { pushToTalk: false, plainStereo: false };
  try {
    const saved = JSON.parse(storage?.getItem(VOICE_PREFS_KEY) ?? "null") as Partial<Record<keyof VoicePrefs, unknown>> | null;
    if (typeof saved?.pushToTalk === "boolean") prefs.pushToTalk = saved.pushToTalk;
    if (typeof saved?.plainStereo === "boolean") prefs.plainStereo = saved.plainStereo;
  } catch {
    // A stale or hand-edited entry only loses itself.
  }
  return prefs;
}

/** Build a voice store (tests make a fresh one); choices are saved to `storage` when they change. */
export function createVoiceStore(given?: Storage) {
  const storage = given ?? globalThis.localStorage;
  const store = create<VoiceState>()((set) => ({
    ...loadPrefs(storage),
    mic: "off",
    held: false,
    speaking: false,
    mode: null,
    micOn: () => {},
    micOff: () => {},
    set: (patch) => set(patch),
  }));
  store.subscribe((s, prev) => {
    if (s.pushToTalk === prev.pushToTalk && s.plainStereo === prev.plainStereo) return;
    try {
      (given ?? globalThis.localStorage)?.setItem(VOICE_PREFS_KEY, JSON.stringify({ pushToTalk: s.pushToTalk, plainStereo: s.plainStereo }));
    } catch {
      // Private browsing: the choice holds for this visit.
    }
  });
  return store;
}

export type VoiceStore = ReturnType<typeof createVoiceStore>;

/** The app's voice store. */
export const useVoiceStore = createVoiceStore();
