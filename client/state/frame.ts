import { createPhaseState, type PhaseState } from "../../core/breathing";
import { createGuidedState, type GuidedState } from "../../core/exercises";

/**
 * Values that change every frame live here, outside React: the practice
 * ticker writes them, the orb, captions and cue engines read them. Nothing
 * here triggers a render.
 */
export interface FrameState {
  /** which kind of exercise is running; null when no practice is on screen */
  kind: "breathing" | "guided" | null;
  /** practised time, ms, excluding pauses */
  elapsedMs: number;
  /** total planned time, ms */
  totalMs: number;
  /** planned cycles (breathing) */
  cycles: number;
  /** breathing exercises */
  phase: PhaseState;
  /** guided exercises */
  guided: GuidedState;
  /** the caption now showing (breathing or guided) */
  caption: string;
  /** whole seconds left in the current breathing step, for the count */
  count: number;
  /** lung fullness 0..1 eased; 0.5 for guided exercises */
  fullness: number;
  /** "Cycle 2 of 12" or "Step 3 of 7"; rebuilt only when it changes */
  progressText: string;
  /** the pacer holds still */
  paused: boolean;
  /** whole seconds until a shared practice's first breath (3-2-1); 0 once it runs */
  leadIn: number;
}

export const frame: FrameState = {
  kind: null,
  elapsedMs: 0,
  totalMs: 0,
  cycles: 0,
  phase: createPhaseState(),
  guided: createGuidedState(),
  caption: "",
  count: 0,
  fullness: 0,
  progressText: "",
  paused: false,
  leadIn: 0,
};
