import { LOOKS, type Look } from "../../../core/protocol";
import { LOOK_COLOURS } from "../looks";

/** The eight looks as colour swatches with their names: a native radio group (arrow keys move and choose). */
export function LookPicker({ value, onChange }: { value: Look; onChange: (look: Look) => void }) {
  return (
    <fieldset className="look-picker">
      <legend>Your colour in the circle</legend>
      <div className="looks">
        {LOOKS.map((look) => (
          <label key={look} className="look-option">
            <input type="radio" name="look" value={look} checked={value === look} onChange={() => onChange(look)} />
            <span className="swatch" style={{ background: LOOK_COLOURS[look].main }} aria-hidden="true" />
            {LOOK_COLOURS[look].name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
