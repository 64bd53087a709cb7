import { draftExerciseName } from "../../practice/exercise";
import { useAppStore } from "../../state/store";
import { ScreenHeading } from "../ScreenHeading";
import { describeChange, describeDuration } from "./change";

/** Step 7: what changed. Never judges: any change, or none, is fine. */
export function SummaryScreen() {
  const draft = useAppStore((s) => s.draft);
  const change = describeChange(draft.before, draft.after);
  return (
    <section aria-labelledby="summary-heading" className="screen">
      <ScreenHeading id="summary-heading">Well done</ScreenHeading>
      <p>
        You practised {draftExerciseName(draft)} for {describeDuration(draft.practisedMs)}.
      </p>
      {change ? (
        <p className="change">
          How you feel: <strong>{change}</strong>
        </p>
      ) : (
        <p className="change">No before-and-after rating this time, and that is fine.</p>
      )}
      <p className="hint">Saved on this device only.</p>
      <p className="actions">
        <button type="button" onClick={() => useAppStore.getState().restart()}>
          Another session
        </button>
        <button type="button" className="secondary" onClick={() => useAppStore.getState().openHistory()}>
          History
        </button>
      </p>
    </section>
  );
}
