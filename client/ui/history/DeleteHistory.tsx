import { useEffect, useRef, useState } from "react";

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Delete all history" with a confirm step, so one stray click cannot erase it.
 * On success the parent replaces this with the empty history (and moves focus);
 * on failure the confirm box stays, says why, and can be tried again.
 */
export function DeleteHistory({ count, onDelete }: { count: number; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // Not `disabled` while deleting: disabling the focused button would drop focus to the page.
  const confirm = () => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    onDelete().then(
      () => {
        busy.current = false;
      },
      (e: unknown) => {
        busy.current = false;
        setError(`Could not delete history: ${reason(e)}`);
      },
    );
  };

  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete all history
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-delete">
      <p id="confirm-delete">
        {count === 1 ? "Delete your one session" : `Delete all ${count} sessions`} from this device? This cannot be undone.
      </p>
      <button ref={confirmRef} type="button" className="danger" onClick={confirm}>
        Yes, delete all
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError(null);
          setConfirming(false);
        }}
      >
        Keep history
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
