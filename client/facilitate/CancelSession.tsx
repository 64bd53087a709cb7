import { useRef, useState } from "react";
import type { SessionView } from "../../core/protocol/http";
import { api } from "./api";
import { useFacilitator } from "./useFacilitator";

interface Props {
  session: SessionView;
  onKeep: () => void;
  onCancelled: (session: SessionView) => void;
}

/**
 * "Cancel session" asks first: cancelling stops the code and link at once and ends an open circle
 * for everyone in it, and cannot be undone. A failure keeps the question open, with the reason.
 */
export function CancelSession({ session, onKeep, onCancelled }: Props) {
  const { token, report } = useFacilitator();
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useRef(false);
  const questionId = `cancel-${session.id}`;

  // Not `disabled` while waiting: disabling the focused button would drop focus to the page.
  const confirm = () => {
    if (busy.current) return;
    busy.current = true;
    setFailure(null);
    api.cancelSession(token, session.id).then(onCancelled, (e: unknown) => {
      busy.current = false;
      setFailure(report(e, "cancelSession"));
    });
  };

  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        Cancel “{session.title}”? Its code and link stop working, and if the circle is open it ends for everyone in it. This cannot be undone.
      </p>
      <button type="button" className="danger" onClick={confirm}>
        Yes, cancel session
      </button>
      <button type="button" className="secondary" onClick={onKeep}>
        Keep session
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}
