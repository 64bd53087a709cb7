import { INTERNATIONAL } from "../../core/care/crisis";
import { DEFAULT_ENVIRONMENT, type EnvironmentId } from "../../core/environments";

/** The calm environments (canonical list in core/environments; each has a folder under client/scene/environments). */
export { ENVIRONMENT_IDS, type EnvironmentId } from "../../core/environments";

/** Which cues accompany the pacer. Captions are always on. */
export interface CueSettings {
  tones: boolean;
  haptics: boolean;
  speech: boolean;
}

export interface Settings {
  environment: EnvironmentId;
  /** the orb changes brightness instead of size; scenery stands still */
  reducedMotion: boolean;
  largeText: boolean;
  highContrast: boolean;
  cues: CueSettings;
  /** ambient sound volume, 0..1 */
  ambienceVolume: number;
  /** cue tone volume, 0..1 */
  toneVolume: number;
  /** seated: the orb and panels sit lower and closer */
  seated: boolean;
  /** crisis region code (ISO 3166-1 alpha-2) or "INTL" */
  region: string;
}

/** Text grows by this much with "Larger text", on the page and in a headset. */
export const LARGE_TEXT_SCALE = 1.3;

export const DEFAULT_SETTINGS: Settings = {
  environment: DEFAULT_ENVIRONMENT,
  reducedMotion: false,
  largeText: false,
  highContrast: false,
  cues: { tones: true, haptics: true, speech: false },
  ambienceVolume: 0.4,
  toneVolume: 0.5,
  seated: true,
  region: INTERNATIONAL.code,
};
