import { Container } from "@react-three/uikit";
import { CUSTOM_LIMITS, validateCustomPattern, type CustomPatternInput } from "../../../core/breathing";
import { useAppStore } from "../../state/store";
import { VrButton, VrPanel, VrRow, VrText, space } from "./kit";

/** Each part of the breath: the words shown, and the short name its −/+ buttons go by. */
const FIELDS: { key: keyof CustomPatternInput; text: string; name: string }[] = [
  { key: "inhale", text: "Breathe in", name: "Breathe in" },
  { key: "hold", text: "Hold after breathing in", name: "Hold in" },
  { key: "exhale", text: "Breathe out", name: "Breathe out" },
  { key: "holdOut", text: "Hold after breathing out", name: "Hold out" },
];

/** One press changes a part by a whole second: half seconds are for the keyboard, not a ray. */
const STEP_S = 1;

/** A part of the breath after one press, kept inside the validator's range. */
export function stepCustom(key: keyof CustomPatternInput, value: number, direction: 1 | -1): number {
  const { min, max } = CUSTOM_LIMITS[key];
  const from = Number.isFinite(value) ? value : min;
  return Math.min(max, Math.max(min, from + direction * STEP_S));
}

/** "Name  −  4 s  +": a value in steps a ray can hit. Shared by the pattern editor and the volumes. */
export function StepperRow({ text, name, value, onStep }: { text: string; name: string; value: string; onStep: (direction: 1 | -1) => void }) {
  return (
    <Container flexDirection="row" alignItems="center" gap={space("sm")}>
      <VrText grow>{text}</VrText>
      <VrButton label={`${name} −`} text="−" onSelect={() => onStep(-1)} />
      <Container width={110} justifyContent="center">
        <VrText role="label" textAlign="center">
          {value}
        </VrText>
      </Container>
      <VrButton label={`${name} +`} text="+" onSelect={() => onStep(1)} />
    </Container>
  );
}

/**
 * A person's own pattern in a headset: − / + per part, checked by the same
 * validator the practice uses; Continue only once it is valid.
 */
export function CustomPatternPanel({ onBack }: { onBack: () => void }) {
  const custom = useAppStore((s) => s.draft.custom);
  const result = validateCustomPattern(custom);
  const step = (key: keyof CustomPatternInput, direction: 1 | -1) =>
    useAppStore.getState().setCustom({ [key]: stepCustom(key, useAppStore.getState().draft.custom[key], direction) });
  return (
    <VrPanel title="Your own pattern" subtitle="Seconds for each part · a hold of 0 skips it" width={760}>
      {FIELDS.map(({ key, text, name }) => (
        <StepperRow key={key} text={text} name={name} value={Number.isFinite(custom[key]) ? `${custom[key]} s` : "–"} onStep={(d) => step(key, d)} />
      ))}
      <VrText textAlign="center" muted={result.ok}>
        {result.ok ? result.pattern.summary : (result.errors[0] ?? "")}
      </VrText>
      <VrRow>
        <VrButton label="Back" width={200} onSelect={onBack} />
        <VrButton label="Continue" variant="primary" width={240} disabled={!result.ok} onSelect={() => useAppStore.getState().go("length")} />
      </VrRow>
    </VrPanel>
  );
}
