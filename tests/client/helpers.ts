import { createPhaseState } from "../../core/breathing";
import { createGuidedState } from "../../core/exercises";
import type { FrameState } from "../../client/state/frame";

/** A frame object of a test's own, so tickers under test do not share the app's. */
export function freshFrame(): FrameState {
  return { kind: null, elapsedMs: 0, totalMs: 0, cycles: 0, phase: createPhaseState(), guided: createGuidedState(), caption: "", count: 0, fullness: 0, progressText: "", paused: false, leadIn: 0 };
}
