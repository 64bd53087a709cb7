import { useEffect, useRef, useState } from "react";

/** "Delete all history" with a confirm step, so one stray click cannot erase it. */
export function DeleteHistory({ count, onDelete }: { count: number; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

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
        Delete all {count} {count === 1 ? "session" : "sessions"} from this device? This cannot be undone.
      </p>
      <button ref={confirmRef} type="button" className="danger" onClick={() => void onDelete().then(() => setConfirming(false))}>
        Yes, delete all
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>
        Keep history
      </button>
    </div>
  );
}
