import { useEffect, useId, useRef, useState } from "react";

/**
 * A button whose action asks first ("Remove Gentle Fern from the circle?"), so one stray press
 * cannot remove someone or end the session. The question takes the button's place; focus moves to
 * the confirming button, and back to the first button on "Cancel".
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirm,
  onConfirm,
  disabled = false,
}: {
  label: string;
  /** the button's name when `label` alone is ambiguous in a list ("Remove Gentle Fern") */
  accessibleLabel?: string;
  question: string;
  confirm: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [returned, setReturned] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returned) first.current?.focus();
  }, [asking, returned]);
  if (!asking) {
    return (
      <button ref={first} type="button" className="secondary small" aria-label={accessibleLabel} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-labelledby={id}>
      <span id={id}>{question}</span>
      <button
        ref={yes}
        type="button"
        className="danger small"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirm}
      </button>
      <button
        type="button"
        className="secondary small"
        onClick={() => {
          setAsking(false);
          setReturned(true);
        }}
      >
        Cancel
      </button>
    </span>
  );
}
