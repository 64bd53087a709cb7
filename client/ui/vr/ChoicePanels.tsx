import { useState } from "react";
import { EXERCISES, exerciseName } from "../../../core/exercises";
import { ENVIRONMENT_NAMES } from "../../../core/environments";
import { ENVIRONMENT_IDS, useAppStore } from "../../state/store";
import { CustomPatternPanel } from "./CustomPatternPanel";
import { VrButton, VrPanel, VrRow } from "./kit";

/** Step 1: where to be. Choosing a place moves on to the exercise. */
export function EnvironmentPanel() {
  const current = useAppStore((s) => s.settings.environment);
  return (
    <VrPanel title="Choose a place" width={560}>
      {ENVIRONMENT_IDS.map((id) => (
        <VrButton
          key={id}
          label={ENVIRONMENT_NAMES[id]}
          selected={id === current}
          onSelect={() => {
            const s = useAppStore.getState();
            s.updateSettings({ environment: id });
            s.go("exercise");
          }}
        />
      ))}
      <VrButton label="Learn" variant="secondary" onSelect={() => useAppStore.getState().go("learn")} />
    </VrPanel>
  );
}

const CUSTOM_LABEL = "Your own pattern";
const CHOICE_WIDTH = 330;

/**
 * Step 2: what to practise: the breathing patterns, your own pattern and the
 * guided exercises. "Your own pattern" opens its editor in place, as the 2D
 * screen does.
 */
export function ExercisePanel() {
  const chosen = useAppStore((s) => s.draft.exerciseId);
  const [editing, setEditing] = useState(() => useAppStore.getState().draft.exerciseId === "custom");
  if (editing) return <CustomPatternPanel onBack={() => setEditing(false)} />;
  return (
    <VrPanel title="Choose an exercise" width={2 * CHOICE_WIDTH + 100}>
      <VrRow>
        {EXERCISES.map((exercise) => (
          <VrButton
            key={exercise.id}
            label={exerciseName(exercise)}
            width={CHOICE_WIDTH}
            selected={exercise.id === chosen}
            onSelect={() => {
              const s = useAppStore.getState();
              s.chooseExercise(exercise.id);
              s.go("length");
            }}
          />
        ))}
        <VrButton
          label={CUSTOM_LABEL}
          width={CHOICE_WIDTH}
          selected={chosen === "custom"}
          onSelect={() => {
            useAppStore.getState().chooseExercise("custom");
            setEditing(true);
          }}
        />
      </VrRow>
      <VrRow>
        <VrButton label="Back" width={200} onSelect={() => useAppStore.getState().go("environment")} />
      </VrRow>
    </VrPanel>
  );
}
