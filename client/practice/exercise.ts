import { validateCustomPattern } from "../../core/breathing";
import { EXERCISES, exerciseName, planSession, type Exercise, type SessionPlan } from "../../core/exercises";
import type { SessionDraft } from "../state/store";

/** The exercise the draft points at; a custom pattern only when its inputs are valid. */
export function resolveExercise(draft: Pick<SessionDraft, "exerciseId" | "custom">): Exercise | null {
  if (draft.exerciseId === "custom") {
    const result = validateCustomPattern(draft.custom);
    return result.ok ? { kind: "breathing", id: "custom", pattern: result.pattern } : null;
  }
  return EXERCISES.find((e) => e.id === draft.exerciseId) ?? null;
}

/** Exercise plus plan, or null when nothing valid is chosen yet. */
export function resolvePlan(draft: Pick<SessionDraft, "exerciseId" | "custom" | "length">): { exercise: Exercise; plan: SessionPlan } | null {
  const exercise = resolveExercise(draft);
  return exercise ? { exercise, plan: planSession(exercise, draft.length) } : null;
}

/** Display name of the draft's exercise ("" when none). */
export function draftExerciseName(draft: Pick<SessionDraft, "exerciseId" | "custom">): string {
  const exercise = resolveExercise(draft);
  return exercise ? exerciseName(exercise) : "";
}
