import type { BreathingPattern, PhaseName } from "./patterns";
import { cycleMs } from "./patterns";

/** Where a person is in a breathing pattern at one instant. */
export interface PhaseState {
  phase: PhaseName;
  /** index into pattern.steps */
  stepIndex: number;
  /** progress through the current step, 0..1 */
  progress: number;
  /** zero-based cycle number */
  cycle: number;
  /** time left in the current step, ms */
  remainingMs: number;
  /** lung fullness 0..1, eased, for the pacer's size or brightness */
  fullness: number;
  /** true once `cycles` cycles have been completed */
  done: boolean;
}

export function createPhaseState(): PhaseState {
  return { phase: "inhale", stepIndex: 0, progress: 0, cycle: 0, remainingMs: 0, fullness: 0, done: false };
}

/** Smooth start and stop so the pacer never jerks at a phase change. */
export function easeInOutSine(x: number): number {
  return -(Math.cos(Math.PI * x) - 1) / 2;
}

/**
 * The phase of `pattern` at `elapsedMs` since it started.
 *
 * Pure and allocation-free when `out` is given: the pacer calls it every frame.
 * Before the start (negative elapsed) it reports the first step at progress 0;
 * after `cycles` cycles it reports the last step complete with `done` set.
 */
export function phaseAt(
  pattern: BreathingPattern,
  elapsedMs: number,
  cycles = Infinity,
  out: PhaseState = createPhaseState(),
): PhaseState {
  const period = cycleMs(pattern);
  const steps = pattern.steps;
  const lastIndex = steps.length - 1;
  const t = Number.isFinite(elapsedMs) && elapsedMs > 0 ? elapsedMs : 0;
  let cycle = Math.floor(t / period);
  let within = t - cycle * period;
  out.done = false;
  if (cycle >= cycles) {
    cycle = cycles - 1;
    within = period;
    out.done = true;
  }
  let index = 0;
  let start = 0;
  // Phase boundaries belong to the step that begins there: at exactly 4000 ms of box breathing, it is "Hold".
  while (index < lastIndex && within >= start + steps[index]!.ms) {
    start += steps[index]!.ms;
    index++;
  }
  const current = steps[index]!;
  const progress = current.ms > 0 ? Math.min(1, Math.max(0, (within - start) / current.ms)) : 1;
  const from = index === 0 ? steps[lastIndex]!.to : steps[index - 1]!.to;
  out.phase = current.phase;
  out.stepIndex = index;
  out.progress = progress;
  out.cycle = cycle;
  out.remainingMs = Math.max(0, current.ms - (within - start));
  out.fullness = from + (current.to - from) * easeInOutSine(progress);
  return out;
}
