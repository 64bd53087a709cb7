import type { Exercise, SessionPlan } from "../../core/exercises";
import { practiceElapsed, type AppState, type AppStore } from "../state/store";
import { resolvePlan } from "./exercise";

/** The practice a source is running now. */
export interface PracticeNow {
  /** changes when a new practice starts, so its first step is announced again */
  key: number;
  exercise: Exercise;
  plan: SessionPlan;
  /** paused: the pacer holds still (a shared practice never pauses; a person only silences their own cues) */
  paused: boolean;
}

/**
 * Where the pacer's time comes from: the solo flow's own clock, or a circle's shared practice
 * on the server clock. The ticker reads it every frame, so `current()` must return the same
 * object while nothing changed and `elapsed()` must not allocate.
 */
export interface PracticeSource {
  /** the practice now, or null when none runs */
  current(): PracticeNow | null;
  /** practised time at local `now` (performance.now() ms); negative during a shared lead-in */
  elapsed(now: number): number;
  /** `onChange` runs when `current()` may have changed (start, pause, stop); returns the cleanup */
  subscribe(onChange: () => void): () => void;
  /** the plan has run to its end at practised time `totalMs`, seen at local `now` */
  finished(totalMs: number, now: number): void;
}

/** The solo flow's practice: the store's clock (performance.now() ms, with pauses) and draft. */
export function soloPractice(store: AppStore): PracticeSource {
  let practiceRef: AppState["practice"] | null = null;
  let draftRef: AppState["draft"] | null = null;
  let resolved: ReturnType<typeof resolvePlan> = null;
  let now: PracticeNow | null = null;

  return {
    current() {
      const { practice, draft } = store.getState();
      if (practice === practiceRef && draft === draftRef) return now;
      if (draft !== draftRef) resolved = resolvePlan(draft);
      practiceRef = practice;
      draftRef = draft;
      const on = practice.status === "running" || practice.status === "paused";
      now = on && resolved ? { key: practice.startedAt, exercise: resolved.exercise, plan: resolved.plan, paused: practice.status === "paused" } : null;
      return now;
    },
    elapsed: (at) => practiceElapsed(store.getState().practice, at),
    subscribe: (onChange) =>
      store.subscribe((state, prev) => {
        if (state.practice !== prev.practice || state.draft !== prev.draft) onChange();
      }),
    finished(totalMs) {
      const { practice, stop } = store.getState();
      // End exactly at the planned length, so practised time is not inflated by a late frame.
      if (practice.status === "running") stop(practice.startedAt + practice.pausedTotal + totalMs);
    },
  };
}
