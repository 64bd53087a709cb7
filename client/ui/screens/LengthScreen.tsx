import { useState, type FormEvent } from "react";
import { MAX_CYCLES, SESSION_MINUTES, exerciseName, planSession, type SessionMinutes } from "../../../core/exercises";
import { resolveExercise } from "../../practice/exercise";
import { useAppStore } from "../../state/store";
import { ScreenHeading } from "../ScreenHeading";
import { ExerciseAbout } from "./ExerciseAbout";
import { minutesLabel } from "./change";


/** Step 3: how long. Breathing can also be counted in cycles. */
export function LengthScreen() {
  const draft = useAppStore((s) => s.draft);
  const exercise = resolveExercise(draft);
  const [cycles, setCycles] = useState(() => (exercise ? planSession(exercise, draft.length).cycles : 12));
  const cyclesValid = Number.isInteger(cycles) && cycles >= 1 && cycles <= MAX_CYCLES;

  if (!exercise) {
    // Reached without a valid choice (e.g. an invalid custom pattern): send the person back to choose.
    return (
      <section aria-labelledby="length-heading" className="screen">
        <ScreenHeading id="length-heading">Choose an exercise first</ScreenHeading>
        <button type="button" onClick={() => useAppStore.getState().go("exercise")}>
          Back
        </button>
      </section>
    );
  }

  const pickMinutes = (minutes: SessionMinutes) => {
    const { chooseLength, go } = useAppStore.getState();
    chooseLength({ kind: "minutes", minutes });
    go("check-in");
  };
  const submitCycles = (event: FormEvent) => {
    event.preventDefault();
    if (!cyclesValid) return;
    const { chooseLength, go } = useAppStore.getState();
    chooseLength({ kind: "cycles", cycles });
    go("check-in");
  };

  return (
    <section aria-labelledby="length-heading" className="screen">
      <ScreenHeading id="length-heading">{exerciseName(exercise)}: how long?</ScreenHeading>
      <ExerciseAbout exercise={exercise} />
      <h2 id="minutes-heading">Length</h2>
      <ul className="choices inline" role="list" aria-labelledby="minutes-heading">
        {SESSION_MINUTES.map((m) => (
          <li key={m}>
            <button type="button" className="choice" onClick={() => pickMinutes(m)}>
              {minutesLabel(m)}
            </button>
          </li>
        ))}
      </ul>
      {exercise.kind === "breathing" && (
        <form className="cycles" aria-labelledby="cycles-heading" noValidate onSubmit={submitCycles}>
          <h2 id="cycles-heading">Or count breaths</h2>
          {/* The label, the hint under it, then the number and the button that uses it on one row (a grid in the CSS). */}
          <label htmlFor="cycles-input">Number of cycles</label>
          <p id="cycles-hint" className="hint">
            {cyclesValid ? "One cycle is one full breath." : `Choose a whole number from 1 to ${MAX_CYCLES}.`}
          </p>
          <input
            id="cycles-input"
            type="number"
            min={1}
            max={MAX_CYCLES}
            step={1}
            value={Number.isFinite(cycles) ? cycles : ""}
            aria-invalid={!cyclesValid}
            aria-describedby="cycles-hint"
            onChange={(e) => setCycles(parseInt(e.currentTarget.value, 10))}
          />
          <button type="submit" className="choice" disabled={!cyclesValid}>
            {cyclesValid ? `Breathe ${cycles} cycle${cycles === 1 ? "" : "s"}` : "Breathe"}
          </button>
        </form>
      )}
      <p>
        <button type="button" className="secondary" onClick={() => useAppStore.getState().go("exercise")}>
          Back
        </button>
      </p>
    </section>
  );
}
