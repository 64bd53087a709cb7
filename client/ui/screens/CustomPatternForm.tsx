import { useRef, useState, type FormEvent } from "react";
import { CUSTOM_LIMITS, validateCustomPattern, type CustomPatternInput } from "../../../core/breathing";
import { useAppStore } from "../../state/store";

const FIELDS: { key: keyof CustomPatternInput; label: string }[] = [
  { key: "inhale", label: "Breathe in" },
  { key: "hold", label: "Hold after breathing in" },
  { key: "exhale", label: "Breathe out" },
  { key: "holdOut", label: "Hold after breathing out" },
];

/** Inputs for a person's own pattern; errors come from the same validator the practice uses. */
export function CustomPatternForm() {
  const custom = useAppStore((s) => s.draft.custom);
  const result = validateCustomPattern(custom);
  const [tried, setTried] = useState(false);
  const errorsRef = useRef<HTMLDivElement>(null);
  const errors = result.ok ? [] : result.errors;
  const showErrors = errors.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (result.ok) useAppStore.getState().go("length");
    else errorsRef.current?.focus();
  };

  return (
    <form id="custom-pattern" className="custom-pattern" aria-label="Your own pattern" noValidate onSubmit={submit}>
      <p className="hint">Seconds for each part, in whole or half seconds. A hold of 0 skips it.</p>
      {FIELDS.map(({ key, label }) => (
        <p key={key} className="field">
          <label htmlFor={`custom-${key}`}>{label} (seconds)</label>
          <input
            id={`custom-${key}`}
            type="number"
            inputMode="decimal"
            min={CUSTOM_LIMITS[key].min}
            max={CUSTOM_LIMITS[key].max}
            step={0.5}
            defaultValue={Number.isFinite(custom[key]) ? custom[key] : ""}
            aria-invalid={showErrors}
            aria-describedby={showErrors ? "custom-errors" : undefined}
            onChange={(e) => useAppStore.getState().setCustom({ [key]: parseFloat(e.currentTarget.value) })}
          />
        </p>
      ))}
      {showErrors && (
        <div id="custom-errors" ref={errorsRef} tabIndex={-1} className="errors" role={tried ? "alert" : undefined}>
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {result.ok && <p className="hint">{result.pattern.summary}</p>}
      <button type="submit">Continue</button>
    </form>
  );
}
