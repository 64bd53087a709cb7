import { crisisRegion, regionFromLocale } from "../../core/care/crisis";
import { isEnvironmentId } from "../../core/environments";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import type { AppStore } from "./store";

/** localStorage key; bump the suffix if the shape ever changes incompatibly. */
export const SETTINGS_KEY = "breathing-room:settings:v1";

/** Defaults that depend on the device: motion preference and the locale's crisis region. */
export function deviceDefaults(): Settings {
  const reducedMotion = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  const locale = typeof navigator === "undefined" ? undefined : navigator.language;
  return { ...DEFAULT_SETTINGS, reducedMotion, region: crisisRegion(regionFromLocale(locale)).code };
}

const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const isUnit = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= 1;

/**
 * Saved settings over the device defaults. Each field is checked on its own,
 * so a stale or hand-edited entry cannot break the app; it only loses that field.
 */
export function loadSettings(storage: Storage | undefined = globalThis.localStorage): Settings {
  const base = deviceDefaults();
  let saved: Record<string, unknown> = {};
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === "object") saved = parsed as Record<string, unknown>;
  } catch {
    return base;
  }
  const cues = (saved.cues && typeof saved.cues === "object" ? saved.cues : {}) as Record<string, unknown>;
  const env = saved.environment;
  return {
    environment: isEnvironmentId(env) ? env : base.environment,
    reducedMotion: isBool(saved.reducedMotion) ? saved.reducedMotion : base.reducedMotion,
    largeText: isBool(saved.largeText) ? saved.largeText : base.largeText,
    highContrast: isBool(saved.highContrast) ? saved.highContrast : base.highContrast,
    cues: {
      tones: isBool(cues.tones) ? cues.tones : base.cues.tones,
      haptics: isBool(cues.haptics) ? cues.haptics : base.cues.haptics,
      speech: isBool(cues.speech) ? cues.speech : base.cues.speech,
    },
    ambienceVolume: isUnit(saved.ambienceVolume) ? saved.ambienceVolume : base.ambienceVolume,
    toneVolume: isUnit(saved.toneVolume) ? saved.toneVolume : base.toneVolume,
    seated: isBool(saved.seated) ? saved.seated : base.seated,
    region: typeof saved.region === "string" ? crisisRegion(saved.region).code : base.region,
  };
}

/** Save settings whenever they change. Returns the unsubscribe. */
export function persistSettings(store: AppStore, storage: Storage | undefined = globalThis.localStorage): () => void {
  return store.subscribe((state, prev) => {
    if (state.settings === prev.settings) return;
    try {
      storage?.setItem(SETTINGS_KEY, JSON.stringify(state.settings));
    } catch {
      // Private browsing or a full quota: settings still apply for this visit.
    }
  });
}
