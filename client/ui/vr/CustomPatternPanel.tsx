import { Text } from "@react-three/drei";
import { CUSTOM_LIMITS, validateCustomPattern, type CustomPatternInput } from "../../../core/breathing";
import { FONT_BOLD, FONT_REGULAR } from "../../scene/font";
import { useAppStore } from "../../state/store";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { useVrTheme } from "./useVrTheme";

/** Each part of the breath: the words shown, and the short name its −/+ buttons go by. */
const FIELDS: { key: keyof CustomPatternInput; text: string; name: string }[] = [
  { key: "inhale", text: "Breathe in", name: "Breathe in" },
  { key: "hold", text: "Hold after breathing in", name: "Hold in" },
  { key: "exhale", text: "Breathe out", name: "Breathe out" },
  { key: "holdOut", text: "Hold after breathing out", name: "Hold out" },
];

/** One press changes a part by a whole second: half seconds are for the keyboard, not a ray. */
const STEP_S = 1;
const WIDTH = 0.8;
const HEIGHT = 0.7;
const ROW_PITCH = 0.095;
const STEPPER = 0.08;

/** A part of the breath after one press, kept inside the validator's range. */
export function stepCustom(key: keyof CustomPatternInput, value: number, direction: 1 | -1): number {
  const { min, max } = CUSTOM_LIMITS[key];
  const from = Number.isFinite(value) ? value : min;
  return Math.min(max, Math.max(min, from + direction * STEP_S));
}

/**
 * A person's own pattern in a headset: − / + per part, checked by the same
 * validator the practice uses; Continue only once it is valid.
 */
export function CustomPatternPanel({ onBack }: { onBack: () => void }) {
  const theme = useVrTheme();
  const custom = useAppStore((s) => s.draft.custom);
  const result = validateCustomPattern(custom);
  const step = (key: keyof CustomPatternInput, direction: 1 | -1) =>
    useAppStore.getState().setCustom({ [key]: stepCustom(key, useAppStore.getState().draft.custom[key], direction) });
  const firstRow = HEIGHT / 2 - 0.17;
  return (
    <VrPanel title="Your own pattern" subtitle="Seconds for each part · a hold of 0 skips it" width={WIDTH} height={HEIGHT}>
      {FIELDS.map(({ key, text, name }, i) => {
        const y = firstRow - i * ROW_PITCH;
        return (
          <group key={key} position-y={y}>
            <Text font={FONT_REGULAR} fontSize={theme.bodySize} position={[-WIDTH / 2 + 0.04, 0, 0]} color={theme.text} anchorX="left" anchorY="middle" maxWidth={0.4}>
              {text}
            </Text>
            <VrButton label={`${name} −`} text="−" width={STEPPER} position={[0.14, 0, 0]} onSelect={() => step(key, -1)} />
            <Text font={FONT_BOLD} fontSize={theme.labelSize} position={[0.24, 0, 0]} color={theme.text} anchorX="center" anchorY="middle">
              {Number.isFinite(custom[key]) ? `${custom[key]} s` : "–"}
            </Text>
            <VrButton label={`${name} +`} text="+" width={STEPPER} position={[0.34, 0, 0]} onSelect={() => step(key, 1)} />
          </group>
        );
      })}
      <Text font={FONT_REGULAR} fontSize={theme.bodySize} position={[0, firstRow - 4 * ROW_PITCH + 0.02, 0]} color={result.ok ? theme.muted : theme.text} anchorX="center" anchorY="middle" maxWidth={WIDTH - 0.08} textAlign="center">
        {result.ok ? result.pattern.summary : result.errors[0]}
      </Text>
      <group position-y={-HEIGHT / 2 + 0.065}>
        <VrButton label="Back" width={0.16} position={[-0.11, 0, 0]} onSelect={onBack} />
        <VrButton label="Continue" width={0.2} selected={result.ok} disabled={!result.ok} position={[0.1, 0, 0]} onSelect={() => useAppStore.getState().go("length")} />
      </group>
    </VrPanel>
  );
}
