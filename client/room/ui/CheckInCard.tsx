import { useState } from "react";
import { EXERCISES, exerciseName } from "../../../core/exercises";
import { Role, type CheckInPhase } from "../../../core/protocol";
import { saveSession } from "../../practice/history";
import { describeChange } from "../../ui/screens/change";
import { FeelingScale } from "../../ui/screens/FeelingScale";
import type { FinishedPractice } from "../roomStore";
import { useRoom, useRoomServices } from "./RoomContext";

export const QUESTION: Record<CheckInPhase, string> = {
  before: "Before we breathe together: how do you feel right now?",
  after: "How do you feel now?",
};

/** 0–10 or skip; only the answer's count and sum reach the server, the value stays here. */
function Question({ phase }: { phase: CheckInPhase }) {
  const { store } = useRoomServices();
  const [value, setValue] = useState<number | null>(null);
  const id = `room-check-${phase}`;
  return (
    <div className="card check-in">
      <p id={id} className="question">
        {QUESTION[phase]}
      </p>
      <FeelingScale labelledBy={id} value={value} onChange={setValue} />
      <p className="actions">
        <button type="button" disabled={value === null} onClick={() => store.getState().checkIn(phase, value)}>
          Answer
        </button>
        <button type="button" className="secondary" onClick={() => store.getState().checkIn(phase, null)}>
          Skip
        </button>
      </p>
      <p className="hint">Only the group's numbers are kept, never who answered what.</p>
    </div>
  );
}

const nameOf = (patternId: string) => {
  const e = EXERCISES.find((x) => x.id === patternId);
  return e ? exerciseName(e) : "Breathing";
};

/** Keeping the circle's exercise in this device's history, if the person chooses: "no" until asked. */
export function useSaveToHistory(finished: FinishedPractice, before: number | null, after: number | null) {
  const [saved, setSaved] = useState<"no" | "saving" | "yes" | "failed">("no");
  const save = () => {
    setSaved("saving");
    saveSession({
      date: finished.endedAt,
      exerciseId: finished.patternId,
      exerciseName: `${nameOf(finished.patternId)}, in a circle`,
      minutes: Math.round(finished.practisedMs / 6000) / 10,
      before,
      after,
    }).then(
      () => setSaved("yes"),
      () => setSaved("failed"),
    );
  };
  return { saved, save };
}

/** The person's own change, seen only here, and kept in their device history if they choose. */
function Change({ finished, before, after, onClose }: { finished: FinishedPractice; before: number | null; after: number | null; onClose: () => void }) {
  const { saved, save } = useSaveToHistory(finished, before, after);
  const change = describeChange(before, after);
  return (
    <div className="card check-in" role="status">
      {change ? (
        <p className="change">
          How you feel: <strong>{change}</strong>
        </p>
      ) : (
        <p>Thank you for breathing with the circle.</p>
      )}
      <p className="actions">
        {saved !== "yes" && (
          <button type="button" className="secondary" disabled={saved === "saving"} onClick={save}>
            Save to my history on this device
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </p>
      {saved === "yes" && <p>Saved to your history. It stays on this device.</p>}
      {saved === "failed" && <p className="error">This browser could not save it. Nothing was lost from the circle.</p>}
    </div>
  );
}

export type CheckInStep =
  | { kind: "question"; phase: CheckInPhase }
  | { kind: "change"; finished: FinishedPractice; before: number | null; after: number | null }
  | null;

/**
 * Where this person is in the group check-in around the circle's exercise: how they feel before
 * it (while the circle is open and no exercise has ended yet) and after it, each skippable, then
 * their own change. Facilitators lead; they are not asked. `closed`: the change was seen and put away.
 */
export function useCheckInStep(closed: boolean): CheckInStep {
  const leading = useRoom((s) => s.people[s.me]?.role !== Role.participant);
  const open = useRoom((s) => s.session.status === "open");
  const { before, after } = useRoom((s) => s.checkIns);
  const finished = useRoom((s) => s.finished);
  if (leading || !open || closed) return null;
  if (!finished) return before.state === "idle" ? { kind: "question", phase: "before" } : null;
  if (after.state === "idle") return { kind: "question", phase: "after" };
  if (after.value === null && before.value === null) return null;
  return { kind: "change", finished, before: before.value, after: after.value };
}

/** The group check-in on the page (the headset has its own board, client/room/vr/CheckInBoard). */
export function CheckInCard() {
  // The server counts one check-in of each kind per person and session: after the change has been seen once, it is done.
  const [closed, setClosed] = useState(false);
  const step = useCheckInStep(closed);
  if (!step) return null;
  if (step.kind === "question") return <Question key={step.phase} phase={step.phase} />;
  return <Change finished={step.finished} before={step.before} after={step.after} onClose={() => setClosed(true)} />;
}
