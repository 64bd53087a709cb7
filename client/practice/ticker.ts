import { phaseAt, type PhaseName } from "../../core/breathing";
import { guidedAt, guidedStepMs } from "../../core/exercises";
import { frame, type FrameState } from "../state/frame";
import { useAppStore } from "../state/store";
import { soloPractice, type PracticeNow, type PracticeSource } from "./source";

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

/** Whether a practice is on, and whether it is moving. */
export type PracticeStatus = "off" | "running" | "paused";

export type StepListener = (step: Readonly<PracticeStep>) => void;
export type DisplayListener = (frame: Readonly<FrameState>) => void;
export type StatusListener = (status: PracticeStatus, previous: PracticeStatus) => void;

/** Caption during a shared practice's lead-in, above the 3-2-1 count. */
export const LEAD_IN_CAPTION = "Get ready to breathe together";

export interface PracticeTicker {
  /** Advance to `now` (performance.now() ms). Idempotent for the same clock: call it from any loop. */
  tick(now: number): void;
  /** ms from the last tick until the caption or count next changes; Infinity when not running */
  nextChangeIn(): number;
  /** the status at the last tick */
  status(): PracticeStatus;
  /** Follow another source (a circle's shared practice) until the returned function restores the previous one. */
  use(source: PracticeSource): () => void;
  onStep(listener: StepListener): () => void;
  /** caption, count, progress text or pause changed */
  onDisplay(listener: DisplayListener): () => void;
  /** the status changed (seen at a tick) */
  onStatus(listener: StatusListener): () => void;
  /** the source says its practice may have changed (or another source took over): tick soon */
  onChange(listener: () => void): () => void;
}

function listeners<T extends (...args: never[]) => void>() {
  const set = new Set<T>();
  return {
    set,
    add(listener: T) {
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}

/**
 * Turns a practice source's clock into per-frame values. Everything it
 * touches each frame is preallocated (the frame object, the step event), so
 * it can run inside the WebXR render loop at 90 Hz without garbage.
 */
export function createPracticeTicker(initial: PracticeSource, out: FrameState = frame): PracticeTicker {
  const steps = listeners<StepListener>();
  const displays = listeners<DisplayListener>();
  const statuses = listeners<StatusListener>();
  const changes = listeners<() => void>();
  const step: PracticeStep = { kind: "breathing", phase: null, caption: "", stepIndex: 0, cycle: 0, stepMs: 0 };

  let source = initial;
  let offSource = source.subscribe(() => changes.set.forEach((l) => l()));
  let practice: PracticeNow | null = null;
  let status: PracticeStatus = "off";
  let lastStep = -1;
  let lastCycle = -1;
  let lastCount = -1;
  let lastCaption = "";
  let lastPaused = false;
  let nextChange = Infinity;

  function setStatus(next: PracticeStatus) {
    if (next === status) return;
    const previous = status;
    status = next;
    for (const listener of statuses.set) listener(next, previous);
  }

  function deactivate() {
    practice = null;
    setStatus("off");
    nextChange = Infinity;
    if (out.kind === null && lastStep === -1) return;
    out.kind = null;
    out.caption = out.progressText = lastCaption = "";
    out.count = out.elapsedMs = out.leadIn = 0;
    out.fullness = 0;
    out.paused = lastPaused = false;
    lastStep = lastCycle = lastCount = -1;
    for (const listener of displays.set) listener(out);
  }

  function emitStep(kind: PracticeStep["kind"], phase: PhaseName | null, index: number, cycle: number, ms: number) {
    step.kind = kind;
    step.phase = phase;
    step.caption = out.caption;
    step.stepIndex = index;
    step.cycle = cycle;
    step.stepMs = ms;
    for (const listener of steps.set) listener(step);
  }

  function tick(now: number) {
    const current = source.current();
    if (!current) return deactivate();
    if (current !== practice) {
      // A new practice (not only a pause): its first step must be announced again.
      if (!practice || current.key !== practice.key || current.exercise !== practice.exercise) lastStep = lastCycle = lastCount = -1;
      practice = current;
    }
    const { exercise, plan } = current;
    out.kind = exercise.kind;
    out.totalMs = plan.totalMs;
    out.cycles = plan.cycles;
    out.paused = current.paused;
    // Before any step event, so a cue engine can wake its audio for the first step.
    setStatus(current.paused ? "paused" : "running");
    const elapsed = source.elapsed(now);
    out.elapsedMs = Math.max(0, elapsed);
    let index: number;
    let cycle = 0;
    let done: boolean;
    if (elapsed < 0) {
      // A shared practice's lead-in: count down to the first breath, no cues yet.
      index = -2;
      done = false;
      out.leadIn = Math.ceil(-elapsed / 1000);
      out.caption = LEAD_IN_CAPTION;
      out.count = out.leadIn;
      out.fullness = 0;
      out.progressText = "";
      nextChange = -elapsed - (out.leadIn - 1) * 1000;
    } else if (exercise.kind === "breathing") {
      out.leadIn = 0;
      const phase = phaseAt(exercise.pattern, elapsed, plan.cycles, out.phase);
      index = phase.stepIndex;
      cycle = phase.cycle;
      done = phase.done;
      const currentStep = exercise.pattern.steps[index]!;
      out.caption = currentStep.caption;
      out.count = Math.ceil(phase.remainingMs / 1000);
      out.fullness = phase.fullness;
      // Next change: the count drops at each whole second left, the phase at zero.
      nextChange = phase.remainingMs - Math.max(0, out.count - 1) * 1000;
      if (index !== lastStep || cycle !== lastCycle) {
        if (cycle !== lastCycle) out.progressText = `Cycle ${cycle + 1} of ${plan.cycles}`;
        if (!done) emitStep("breathing", currentStep.phase, index, cycle, currentStep.ms);
      }
    } else {
      out.leadIn = 0;
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
    const changed =
      index !== lastStep || cycle !== lastCycle || out.count !== lastCount || out.caption !== lastCaption || out.paused !== lastPaused;
    lastStep = index;
    lastCycle = cycle;
    lastCount = out.count;
    lastCaption = out.caption;
    lastPaused = out.paused;
    if (changed) for (const listener of displays.set) listener(out);
    if (current.paused) nextChange = Infinity;
    else if (done) source.finished(plan.totalMs, now);
  }

  return {
    tick,
    nextChangeIn: () => nextChange,
    status: () => status,
    use(next) {
      const previous = source;
      const swap = (to: PracticeSource) => {
        offSource();
        source = to;
        offSource = source.subscribe(() => changes.set.forEach((l) => l()));
        changes.set.forEach((l) => l());
      };
      swap(next);
      return () => {
        if (source === next) swap(previous);
      };
    },
    onStep: steps.add,
    onDisplay: displays.add,
    onStatus: statuses.add,
    onChange: changes.add,
  };
}

/** The app's ticker, writing into the shared `frame`; the solo flow's clock unless a circle takes over. */
export const practiceTicker = createPracticeTicker(soloPractice(useAppStore));

/**
 * Advance the practice to `now` (performance.now() ms). Call it once per
 * rendered frame from the 3D loop (useFrame); it also runs in XR, where the
 * window's requestAnimationFrame is paused. The DOM driver calls it too; a
 * repeated call for the same clock changes nothing.
 */
export function tickPractice(now: number): void {
  practiceTicker.tick(now);
}
