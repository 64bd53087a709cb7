import { EXERCISES, SESSION_MINUTES, exerciseName } from "../../../core/exercises";
import { ENVIRONMENT_NAMES } from "../../scene/environments";
import { ENVIRONMENT_IDS, useAppStore } from "../../state/store";
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

/** Step 2: what to practise: the breathing patterns and the guided exercises. */
export function ExercisePanel() {
  const chosen = useAppStore((s) => s.draft.exerciseId);
  const positions = gridPositions(EXERCISES.length, 2, 0.3, VR_THEME.buttonHeight);
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
      </group>
      <VrButton label="Back" width={0.16} position={[0, BOTTOM_ROW(height), 0]} onSelect={() => useAppStore.getState().go("environment")} />
    </VrPanel>
  );
}

const minutesLabel = (m: number) => (m === 1 ? "1 minute" : `${m} minutes`);

/** Step 3: how long. */
export function LengthPanel() {
  const length = useAppStore((s) => s.draft.length);
  const positions = gridPositions(SESSION_MINUTES.length, 2, 0.22, VR_THEME.buttonHeight);
  const height = 0.42;
  return (
    <VrPanel title="How long?" width={0.56} height={height}>
      <group position-y={0.01}>
        {SESSION_MINUTES.map((minutes, i) => (
          <VrButton
            key={minutes}
            label={minutesLabel(minutes)}
            selected={length.kind === "minutes" && length.minutes === minutes}
            position={[...positions[i]!, 0]}
            onSelect={() => {
              const s = useAppStore.getState();
              s.chooseLength({ kind: "minutes", minutes });
              s.go("check-in");
            }}
          />
        ))}
      </group>
      <VrButton label="Back" width={0.16} position={[0, BOTTOM_ROW(height), 0]} onSelect={() => useAppStore.getState().go("exercise")} />
    </VrPanel>
  );
}
