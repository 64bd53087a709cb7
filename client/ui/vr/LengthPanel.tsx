import { SESSION_MINUTES, exerciseName, type Exercise, type SessionLength } from "../../../core/exercises";
import { resolveExercise } from "../../practice/exercise";
import { useAppStore } from "../../state/store";
import { minutesLabel } from "../screens/change";
import { VrButton, VrList, VrPanel, VrRow, VrText } from "./kit";

/** Breath counts offered in a headset, beside the minutes (the DOM takes any number up to MAX_CYCLES). */
export const VR_CYCLE_CHOICES = [4, 8, 12] as const;

const WIDTH = 860;
const LENGTH_WIDTH = 180;
/** The about text scrolls beyond this, so the choices stay in view, mm. */
const ABOUT_MAX_HEIGHT = 330;

const back = () => useAppStore.getState().go("exercise");
const choose = (length: SessionLength) => {
  const s = useAppStore.getState();
  s.chooseLength(length);
  s.go("check-in");
};

/** What the exercise is, when to take care, where the evidence comes from: as the 2D length screen says it. */
function About({ exercise }: { exercise: Exercise }) {
  const about = exercise.kind === "breathing" ? exercise.pattern : exercise.script;
  return (
    <VrList maxHeight={ABOUT_MAX_HEIGHT}>
      <VrText>{about.summary}</VrText>
      {about.cautions.length > 0 ? <VrText role="h3">Take care:</VrText> : null}
      {about.cautions.map((c) => (
        <VrText key={c}>{`• ${c}`}</VrText>
      ))}
      <VrText role="small" muted>{`Evidence: ${about.evidence.source}`}</VrText>
    </VrList>
  );
}

/**
 * Step 3: how long, in minutes or (for breathing) in breaths. What the
 * exercise is, its cautions and its evidence come first, as on the 2D screen:
 * long holds are not for everyone, and a headset user must see that too.
 */
export function LengthPanel() {
  const draft = useAppStore((s) => s.draft);
  const exercise = resolveExercise(draft);
  if (!exercise) {
    // Reached without a valid choice (e.g. an invalid custom pattern).
    return (
      <VrPanel title="Choose an exercise first" width={560}>
        <VrRow>
          <VrButton label="Back" width={200} onSelect={back} />
        </VrRow>
      </VrPanel>
    );
  }
  const length = draft.length;
  return (
    <VrPanel title={`${exerciseName(exercise)}: how long?`} width={WIDTH}>
      <About exercise={exercise} />
      <VrRow>
        {SESSION_MINUTES.map((minutes) => (
          <VrButton
            key={minutes}
            label={minutesLabel(minutes)}
            width={LENGTH_WIDTH}
            selected={length.kind === "minutes" && length.minutes === minutes}
            onSelect={() => choose({ kind: "minutes", minutes })}
          />
        ))}
      </VrRow>
      {exercise.kind === "breathing" ? (
        <VrRow>
          {VR_CYCLE_CHOICES.map((cycles) => (
            <VrButton
              key={cycles}
              label={`${cycles} breaths`}
              width={LENGTH_WIDTH}
              selected={length.kind === "cycles" && length.cycles === cycles}
              onSelect={() => choose({ kind: "cycles", cycles })}
            />
          ))}
        </VrRow>
      ) : null}
      <VrRow>
        <VrButton label="Back" width={200} onSelect={back} />
      </VrRow>
    </VrPanel>
  );
}
