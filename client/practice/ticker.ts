import { phaseAt, type PhaseName } from "../../core/breathing";
import { guidedAt, guidedStepMs, type Exercise, type SessionPlan } from "../../core/exercises";
import { frame, type FrameState } from "../state/frame";
import { practiceElapsed, useAppStore, type AppStore, type SessionDraft } from "../state/store";
import { resolvePlan } from "./exercise";

/** A new step began (a breathing phase or a guided instruction). Reused between events: copy what you keep. */
export interface PracticeStep {
  kind: "breathing" | "guided";
  /** breathing phase; null for guided steps */
  phase: PhaseName | null;
  caption: string;
  stepIndex: number;
  cycle: number;
  /** full length of this step, ms */
  stepMs: number;
}

export type StepListener = (step: Readonly<PracticeStep>) => void;
export type DisplayListener = (frame: Readonly<FrameState>) => void;

export interface PracticeTicker {
  /** Advance to `now` (performance.now() ms). Idempotent for the same clock: call it from any loop. */
  tick(now: number): void;
  /** ms from the last tick until the caption or count next changes; Infinity when not running */
  nextChangeIn(): number;
  onStep(listener: StepListener): () => void;
  /** caption, count or progress text changed */
  onDisplay(listener: DisplayListener): () => void;
}

/**
 * Turns the store's practice clock into per-frame values. Everything it
 * touches each frame is preallocated (the frame object, the step event), so
 * it can run inside the WebXR render loop at 90 Hz without garbage.
 */
export function createPracticeTicker(store: AppStore = useAppStore, out: FrameState = frame): PracticeTicker {
  const stepListeners = new Set<StepListener>();
  const displayListeners = new Set<DisplayListener>();
  const step: PracticeStep = { kind: "breathing", phase: null, caption: "", stepIndex: 0, cycle: 0, stepMs: 0 };

  let draftRef: SessionDraft | null = null;
  let startedAt = -1;
  let exercise: Exercise | null = null;
  let plan: SessionPlan = { cycles: 0, totalMs: 0 };
  let lastStep = -1;
  let lastCycle = -1;
  let lastCount = -1;
  let lastCaption = "";
  let nextChange = Infinity;

  function prepare(draft: SessionDraft, started: number) {
    if (draft !== draftRef) {
      draftRef = draft;
      const resolved = resolvePlan(draft);
      exercise = resolved?.exercise ?? null;
      if (resolved) plan = resolved.plan;
    }
    if (started !== startedAt) {
      // A new practice: the first step must be announced again.
      startedAt = started;
      lastStep = lastCycle = lastCount = -1;
    }
    out.kind = exercise?.kind ?? null;
    out.totalMs = plan.totalMs;
    out.cycles = plan.cycles;
  }

  function deactivate() {
    if (out.kind === null && startedAt === -1) return;
    out.kind = null;
    out.caption = out.progressText = lastCaption = "";
    out.count = out.elapsedMs = 0;
    out.fullness = 0;
    startedAt = -1;
    nextChange = Infinity;
    for (const listener of displayListeners) listener(out);
  }

  function emitStep(kind: PracticeStep["kind"], phase: PhaseName | null, index: number, cycle: number, ms: number) {
    step.kind = kind;
    step.phase = phase;
    step.caption = out.caption;
    step.stepIndex = index;
    step.cycle = cycle;
    step.stepMs = ms;
    for (const listener of stepListeners) listener(step);
  }

  function tick(now: number) {
    const state = store.getState();
    const clock = state.practice;
    if (clock.status !== "running" && clock.status !== "paused") return deactivate();
    prepare(state.draft, clock.startedAt);
    if (!exercise) return;
    const elapsed = practiceElapsed(clock, now);
    out.elapsedMs = elapsed;
    let index: number;
    let cycle = 0;
    let done: boolean;
    if (exercise.kind === "breathing") {
      const phase = phaseAt(exercise.pattern, elapsed, plan.cycles, out.phase);
      index = phase.stepIndex;
      cycle = phase.cycle;
      done = phase.done;
      const current = exercise.pattern.steps[index]!;
      out.caption = current.caption;
      out.count = Math.ceil(phase.remainingMs / 1000);
      out.fullness = phase.fullness;
      // Next change: the count drops at each whole second left, the phase at zero.
      nextChange = phase.remainingMs - Math.max(0, out.count - 1) * 1000;
      if (index !== lastStep || cycle !== lastCycle) {
        if (cycle !== lastCycle) out.progressText = `Cycle ${cycle + 1} of ${plan.cycles}`;
        if (!done) emitStep("breathing", current.phase, index, cycle, current.ms);
      }
    } else {
      const guided = guidedAt(exercise.script, elapsed, plan.totalMs, out.guided);
      index = guided.stepIndex;
      done = guided.done;
      out.caption = guided.caption;
      out.count = Math.ceil(guided.remainingMs / 1000);
      out.fullness = 0.5;
      const stepMs = guidedStepMs(exercise.script, index, plan.totalMs);
      nextChange = Math.min((1 - guided.progress) * stepMs, guided.remainingMs % 1000 || 1000);
      if (index !== lastStep) {
        out.progressText = `Step ${index + 1} of ${exercise.script.steps.length}`;
        if (!done) emitStep("guided", null, index, 0, stepMs);
      }
    }
    const changed = index !== lastStep || cycle !== lastCycle || out.count !== lastCount || out.caption !== lastCaption;
    lastStep = index;
    lastCycle = cycle;
    lastCount = out.count;
    lastCaption = out.caption;
    if (changed) for (const listener of displayListeners) listener(out);
    if (clock.status !== "running") nextChange = Infinity;
    // End exactly at the planned length, so practised time is not inflated by a late frame.
    if (done && clock.status === "running") state.stop(clock.startedAt + clock.pausedTotal + plan.totalMs);
  }

  return {
    tick,
    nextChangeIn: () => nextChange,
    onStep(listener) {
      stepListeners.add(listener);
      return () => void stepListeners.delete(listener);
    },
    onDisplay(listener) {
      displayListeners.add(listener);
      return () => void displayListeners.delete(listener);
    },
  };
}

/** The app's ticker, writing into the shared `frame`. */
export const practiceTicker = createPracticeTicker();

/**
 * Advance the practice to `now` (performance.now() ms). Call it once per
 * rendered frame from the 3D loop (useFrame); it also runs in XR, where the
 * window's requestAnimationFrame is paused. The DOM driver calls it too; a
 * repeated call for the same clock changes nothing.
 */
export function tickPractice(now: number): void {
  practiceTicker.tick(now);
}
