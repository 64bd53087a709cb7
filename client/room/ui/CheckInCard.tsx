import { useState } from "react";
import { EXERCISES, exerciseName } from "../../../core/exercises";
import { Role, type CheckInPhase } from "../../../core/protocol";
import { saveSession } from "../../practice/history";
import { describeChange } from "../../ui/screens/change";
import { FeelingScale } from "../../ui/screens/FeelingScale";
import type { FinishedPractice } from "../roomStore";
import { useRoom, useRoomServices } from "./RoomContext";

const QUESTION: Record<CheckInPhase, string> = {
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

/** The person's own change, seen only here, and kept in their device history if they choose. */
function Change({ finished, before, after, onClose }: { finished: FinishedPractice; before: number | null; after: number | null; onClose: () => void }) {
  const [saved, setSaved] = useState<"no" | "saving" | "yes" | "failed">("no");
  const change = describeChange(before, after);
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

/**
 * The group check-in around the circle's exercise: how someone feels before it (while the circle
 * is open and no exercise has ended yet) and after it, each skippable. Facilitators lead; they are
 * not asked.
 */
export function CheckInCard() {
  const leading = useRoom((s) => s.people[s.me]?.role !== Role.participant);
  const open = useRoom((s) => s.session.status === "open");
  const { before, after } = useRoom((s) => s.checkIns);
  const finished = useRoom((s) => s.finished);
  // The server counts one check-in of each kind per person and session: after the change has been seen once, it is done.
  const [closed, setClosed] = useState(false);
  if (leading || !open || closed) return null;
  if (!finished) return before.state === "idle" ? <Question phase="before" /> : null;
  if (after.state === "idle") return <Question phase="after" />;
  if (after.value === null && before.value === null) return null;
  return <Change finished={finished} before={before.value} after={after.value} onClose={() => setClosed(true)} />;
}
