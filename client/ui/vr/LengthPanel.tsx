import { Text } from "@react-three/drei";
import { SESSION_MINUTES, exerciseName, type SessionLength } from "../../../core/exercises";
import { resolveExercise } from "../../practice/exercise";
import { FONT_REGULAR } from "../../scene/font";
import { useAppStore } from "../../state/store";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { LENGTH_BUTTON_WIDTH, LENGTH_PANEL_WIDTH, VR_CYCLE_CHOICES, lengthLayout } from "./lengthLayout";
import { BODY_LINE_HEIGHT } from "./textLayout";
import { rowPositions } from "./theme";
import { useVrTheme } from "./useVrTheme";
import { minutesLabel } from "../screens/change";

const MINUTE_XS = rowPositions(SESSION_MINUTES.map(() => LENGTH_BUTTON_WIDTH));
const CYCLE_XS = rowPositions(VR_CYCLE_CHOICES.map(() => LENGTH_BUTTON_WIDTH));

const back = () => useAppStore.getState().go("exercise");
const choose = (length: SessionLength) => {
  const s = useAppStore.getState();
  s.chooseLength(length);
  s.go("check-in");
};

/**
 * Step 3: how long, in minutes or (for breathing) in breaths. What the
 * exercise is, its cautions and its evidence come first, as on the 2D screen:
 * long holds are not for everyone, and a headset user must see that too.
 */
export function LengthPanel() {
  const theme = useVrTheme();
  const draft = useAppStore((s) => s.draft);
  const exercise = resolveExercise(draft);
  if (!exercise) {
    // Reached without a valid choice (e.g. an invalid custom pattern).
    return (
      <VrPanel title="Choose an exercise first" width={0.5} height={0.2}>
        <VrButton label="Back" width={0.16} position={[0, -0.04, 0]} onSelect={back} />
      </VrPanel>
    );
  }
  const { text, height, textY, rows } = lengthLayout(exercise, theme);
  const length = draft.length;
  return (
    <VrPanel title={`${exerciseName(exercise)}: how long?`} width={LENGTH_PANEL_WIDTH} height={height}>
      <Text font={FONT_REGULAR} fontSize={theme.bodySize} lineHeight={BODY_LINE_HEIGHT} position={[-LENGTH_PANEL_WIDTH / 2 + 0.04, textY, 0]} color={theme.text} anchorX="left" anchorY="top" maxWidth={LENGTH_PANEL_WIDTH - 0.08}>
        {text}
      </Text>
      {SESSION_MINUTES.map((minutes, i) => (
        <VrButton
          key={minutes}
          label={minutesLabel(minutes)}
          width={LENGTH_BUTTON_WIDTH}
          selected={length.kind === "minutes" && length.minutes === minutes}
          position={[MINUTE_XS[i]!, rows[0]!, 0]}
          onSelect={() => choose({ kind: "minutes", minutes })}
        />
      ))}
      {exercise.kind === "breathing" &&
        VR_CYCLE_CHOICES.map((cycles, i) => (
          <VrButton
            key={cycles}
            label={`${cycles} breaths`}
            width={LENGTH_BUTTON_WIDTH}
            selected={length.kind === "cycles" && length.cycles === cycles}
            position={[CYCLE_XS[i]!, rows[1]!, 0]}
            onSelect={() => choose({ kind: "cycles", cycles })}
          />
        ))}
      <VrButton label="Back" width={0.16} position={[0, rows[rows.length - 1]!, 0]} onSelect={back} />
    </VrPanel>
  );
}
