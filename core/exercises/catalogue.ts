import { PATTERNS, PATTERN_IDS, cycleMs, cyclesForMinutes, type BreathingPattern, type BuiltInPatternId } from "../breathing";
import { GUIDED, GUIDED_IDS, type GuidedId, type GuidedScript } from "./guided";

/** Session lengths a person can choose, minutes. */
export const SESSION_MINUTES = [1, 3, 5, 10] as const;
export type SessionMinutes = (typeof SESSION_MINUTES)[number];

/** How long to practise: a number of minutes, or (for breathing) a number of cycles. */
export type SessionLength = { kind: "minutes"; minutes: SessionMinutes } | { kind: "cycles"; cycles: number };

/** Bounds for a cycle count. */
export const MAX_CYCLES = 60;

export type Exercise =
  | { kind: "breathing"; id: BuiltInPatternId | "custom"; pattern: BreathingPattern }
  | { kind: "guided"; id: GuidedId; script: GuidedScript };

/** Everything on the exercise menu, breathing first. */
export const EXERCISES: readonly Exercise[] = [
  ...PATTERN_IDS.map((id): Exercise => ({ kind: "breathing", id, pattern: PATTERNS[id] })),
  ...GUIDED_IDS.map((id): Exercise => ({ kind: "guided", id, script: GUIDED[id] })),
];

export function exerciseName(exercise: Exercise): string {
  return exercise.kind === "breathing" ? exercise.pattern.name : exercise.script.name;
}

/** A concrete plan: how many cycles (breathing) and how long in all, ms. */
export interface SessionPlan {
  cycles: number;
  totalMs: number;
}

/** Turn a chosen length into a plan. Guided scripts are stretched to the minutes chosen. */
export function planSession(exercise: Exercise, length: SessionLength): SessionPlan {
  if (exercise.kind === "breathing") {
    const cycles =
      length.kind === "cycles"
        ? Math.min(MAX_CYCLES, Math.max(1, Math.round(length.cycles)))
        : cyclesForMinutes(exercise.pattern, length.minutes);
    return { cycles, totalMs: cycles * cycleMs(exercise.pattern) };
  }
  const totalMs = length.kind === "minutes" ? length.minutes * 60_000 : exercise.script.naturalMs;
  return { cycles: 1, totalMs };
}
