import { useAppStore, type AppStore } from "../state/store";
import { draftExerciseName } from "./exercise";
import { saveSession, type SessionRecord } from "./history";

/**
 * Save each session when its check-out is answered or skipped, whichever
 * surface did it (DOM or an in-VR panel). Returns the cleanup.
 */
export function recordHistory(
  store: AppStore = useAppStore,
  save: (record: Omit<SessionRecord, "id">) => Promise<unknown> = saveSession,
): () => void {
  return store.subscribe((state, prev) => {
    if (state.screen !== "summary" || prev.screen !== "check-out") return;
    const { draft } = state;
    save({
      date: Date.now(),
      exerciseId: draft.exerciseId ?? "",
      exerciseName: draftExerciseName(draft),
      minutes: Math.round(draft.practisedMs / 6000) / 10,
      before: draft.before,
      after: draft.after,
    }).catch((error: unknown) => {
      // History is a convenience; failing to save must not interrupt the person.
      console.warn("Could not save this session to history", error);
    });
  });
}
