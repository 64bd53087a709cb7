import { useRef, type KeyboardEvent } from "react";

const VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

interface FeelingScaleProps {
  /** id of the question's text, which names the group */
  labelledBy: string;
  value: number | null;
  onChange: (value: number) => void;
}

/**
 * 0–10 as a radio group of buttons: arrow keys move and choose, one tab stop
 * for the whole group (the WAI-ARIA radio group pattern).
 */
export function FeelingScale({ labelledBy, value, onChange }: FeelingScaleProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = value ?? 5;

  const onKeyDown = (event: KeyboardEvent, current: number) => {
    const delta = event.key === "ArrowRight" || event.key === "ArrowUp" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowDown" ? -1 : 0;
    const next = event.key === "Home" ? 0 : event.key === "End" ? 10 : delta ? Math.min(10, Math.max(0, current + delta)) : null;
    if (next === null) return;
    event.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="feeling">
      <div role="radiogroup" aria-labelledby={labelledBy} aria-describedby="feeling-anchors" className="feeling-scale">
        {VALUES.map((n) => (
          <button
            key={n}
            ref={(el) => {
              refs.current[n] = el;
            }}
            type="button"
            role="radio"
            aria-checked={value === n}
            tabIndex={n === tabStop ? 0 : -1}
            onClick={() => onChange(n)}
            onKeyDown={(e) => onKeyDown(e, n)}
          >
            {n}
          </button>
        ))}
      </div>
      <p id="feeling-anchors" className="feeling-anchors">
        <span>0 = very bad</span>
        <span>5 = okay</span>
        <span>10 = very good</span>
      </p>
    </div>
  );
}
