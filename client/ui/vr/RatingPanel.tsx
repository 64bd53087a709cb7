import { useState } from "react";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { gridPositions } from "./theme";

const VALUES = Array.from({ length: 11 }, (_, i) => i);
const SIZE = 0.075;

export interface RatingPanelProps {
  title: string;
  /** label of the confirming button, e.g. "Start" */
  confirm: string;
  /** called with the chosen value, or null when skipped */
  onDone: (value: number | null) => void;
  /** when given, a Back button leads to the previous step */
  onBack?: () => void;
}

/**
 * A 0–10 rating (check-in / check-out): pick a number, then confirm; or skip.
 * Two rows (6 + 5) keep every target 7.5 cm wide on a panel that fits the view.
 */
export function RatingPanel({ title, confirm, onDone, onBack }: RatingPanelProps) {
  const [value, setValue] = useState<number | null>(null);
  const positions = gridPositions(VALUES.length, 6, SIZE, SIZE, 0.015);
  const height = 0.5;
  return (
    <VrPanel title={title} subtitle="0 = very bad · 10 = very good" width={0.66} height={height}>
      <group position-y={0.01}>
        {VALUES.map((v, i) => (
          <VrButton key={v} label={String(v)} width={SIZE} height={SIZE} selected={v === value} position={[...positions[i]!, 0]} onSelect={() => setValue(v)} />
        ))}
      </group>
      <group position-y={-height / 2 + 0.065}>
        {onBack ? <VrButton label="Back" width={0.16} position={[-0.2, 0, 0]} onSelect={onBack} /> : null}
        <VrButton label="Skip" width={0.18} position={[onBack ? -0.01 : -0.11, 0, 0]} onSelect={() => onDone(null)} />
        <VrButton label={confirm} width={0.2} selected={value != null} position={[onBack ? 0.19 : 0.11, 0, 0]} onSelect={() => onDone(value)} />
      </group>
    </VrPanel>
  );
}
