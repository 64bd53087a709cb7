import { EXERCISES, exerciseName, type Exercise } from "../../../core/exercises";
import { useAppStore } from "../../state/store";
import { ScreenHeading } from "../ScreenHeading";
import { CustomPatternForm } from "./CustomPatternForm";

const breathing = EXERCISES.filter((e) => e.kind === "breathing");
const guided = EXERCISES.filter((e) => e.kind === "guided");

function summaryOf(e: Exercise): string {
  return e.kind === "breathing" ? e.pattern.summary : e.script.summary;
}

function ExerciseChoice({ exercise }: { exercise: Exercise }) {
  const choose = () => {
    const { chooseExercise, go } = useAppStore.getState();
    chooseExercise(exercise.id);
    go("length");
  };
  const descId = `exercise-${exercise.id}-desc`;
  return (
    <li>
      <button type="button" className="choice" aria-describedby={descId} onClick={choose}>
        {exerciseName(exercise)}
      </button>
      <span id={descId} className="choice-description">
        {summaryOf(exercise)}
      </span>
    </li>
  );
}

/** Step 2: choose a breathing pattern, your own pattern, or a guided exercise. */
export function ExerciseScreen() {
  const customOpen = useAppStore((s) => s.draft.exerciseId === "custom");
  return (
    <section aria-labelledby="exercise-heading" className="screen">
      <ScreenHeading id="exercise-heading">Choose an exercise</ScreenHeading>
      <h2 id="breathing-heading">Breathing</h2>
      <ul className="choices" role="list" aria-labelledby="breathing-heading">
        {breathing.map((e) => (
          <ExerciseChoice key={e.id} exercise={e} />
        ))}
        <li>
          <button
            type="button"
            className="choice"
            aria-expanded={customOpen}
            aria-controls="custom-pattern"
            onClick={() => useAppStore.getState().chooseExercise("custom")}
          >
            Your own pattern
          </button>
          <span className="choice-description">Set your own seconds for each part of the breath</span>
        </li>
      </ul>
      {customOpen && <CustomPatternForm />}
      <h2 id="guided-heading">Guided relaxation</h2>
      <ul className="choices" role="list" aria-labelledby="guided-heading">
        {guided.map((e) => (
          <ExerciseChoice key={e.id} exercise={e} />
        ))}
      </ul>
      <p>
        <button type="button" className="secondary" onClick={() => useAppStore.getState().go("environment")}>
          Back
        </button>
      </p>
    </section>
  );
}
