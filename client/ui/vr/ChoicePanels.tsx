import { useState } from "react";
import { EXERCISES, exerciseName } from "../../../core/exercises";
import { ENVIRONMENT_NAMES } from "../../../core/environments";
import { ENVIRONMENT_IDS, useAppStore } from "../../state/store";
import { CustomPatternPanel } from "./CustomPatternPanel";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { VR_THEME, gridPositions } from "./theme";

const BOTTOM_ROW = (height: number) => -height / 2 + 0.06;

/** Step 1: where to be. Choosing a place moves on to the exercise. */
export function EnvironmentPanel() {
  const current = useAppStore((s) => s.settings.environment);
  const positions = gridPositions(ENVIRONMENT_IDS.length, 1, 0.34, VR_THEME.buttonHeight);
  return (
    <VrPanel title="Choose a place" width={0.5} height={0.42}>
      <group position-y={-0.03}>
        {ENVIRONMENT_IDS.map((id, i) => (
          <VrButton
            key={id}
            label={ENVIRONMENT_NAMES[id]}
            width={0.34}
            selected={id === current}
            position={[...positions[i]!, 0]}
            onSelect={() => {
              const s = useAppStore.getState();
              s.updateSettings({ environment: id });
              s.go("exercise");
            }}
          />
        ))}
      </group>
    </VrPanel>
  );
}

const CUSTOM_LABEL = "Your own pattern";

/**
 * Step 2: what to practise: the breathing patterns, your own pattern and the
 * guided exercises. "Your own pattern" opens its editor in place, as the 2D
 * screen does.
 */
export function ExercisePanel() {
  const chosen = useAppStore((s) => s.draft.exerciseId);
  const [editing, setEditing] = useState(() => useAppStore.getState().draft.exerciseId === "custom");
  if (editing) return <CustomPatternPanel onBack={() => setEditing(false)} />;
  const positions = gridPositions(EXERCISES.length + 1, 2, 0.3, VR_THEME.buttonHeight);
  const height = 0.62;
  return (
    <VrPanel title="Choose an exercise" width={0.72} height={height}>
      <group position-y={0.0}>
        {EXERCISES.map((exercise, i) => (
          <VrButton
            key={exercise.id}
            label={exerciseName(exercise)}
            width={0.3}
            selected={exercise.id === chosen}
            position={[...positions[i]!, 0]}
            onSelect={() => {
              const s = useAppStore.getState();
              s.chooseExercise(exercise.id);
              s.go("length");
            }}
          />
        ))}
        <VrButton
          label={CUSTOM_LABEL}
          width={0.3}
          selected={chosen === "custom"}
          position={[...positions[EXERCISES.length]!, 0]}
          onSelect={() => {
            useAppStore.getState().chooseExercise("custom");
            setEditing(true);
          }}
        />
      </group>
      <VrButton label="Back" width={0.16} position={[0, BOTTOM_ROW(height), 0]} onSelect={() => useAppStore.getState().go("environment")} />
    </VrPanel>
  );
}
