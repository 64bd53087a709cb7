import { useState } from "react";
import { VrButton, VrPanel, VrRow } from "./kit";

const VALUES = Array.from({ length: 11 }, (_, i) => i);
const SIZE = 80;

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
 * Two rows (6 + 5) keep every target 8 cm wide on a panel that fits the view.
 */
export function RatingPanel({ title, confirm, onDone, onBack }: RatingPanelProps) {
  const [value, setValue] = useState<number | null>(null);
  const number = (v: number) => <VrButton key={v} label={String(v)} width={SIZE} selected={v === value} onSelect={() => setValue(v)} />;
  return (
    <VrPanel title={title} subtitle="0 = very bad · 10 = very good" width={640}>
      <VrRow>{VALUES.slice(0, 6).map(number)}</VrRow>
      <VrRow>{VALUES.slice(6).map(number)}</VrRow>
      <VrRow>
        {onBack ? <VrButton label="Back" grow onSelect={onBack} /> : null}
        <VrButton label="Skip" grow onSelect={() => onDone(null)} />
        <VrButton label={confirm} variant="primary" grow onSelect={() => onDone(value)} />
      </VrRow>
    </VrPanel>
  );
}
