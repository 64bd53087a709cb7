import type { ReactNode } from "react";

/** A labelled checkbox. */
export function Toggle({ label, checked, onChange, disabled, note }: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; note?: ReactNode }) {
  return (
    <p className="field toggle">
      <label>
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} /> {label}
      </label>
      {note && <span className="hint"> {note}</span>}
    </p>
  );
}

/** A labelled 0–100 % slider over a 0..1 value. */
export function Volume({ id, label, value, onChange }: { id: string; label: string; value: number; onChange: (v: number) => void }) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(value * 100)}
        aria-valuetext={`${Math.round(value * 100)}%`}
        onChange={(e) => onChange(Number(e.currentTarget.value) / 100)}
      />
    </p>
  );
}
