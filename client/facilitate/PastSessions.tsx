import { useState } from "react";
import type { SessionView } from "../../core/protocol/http";
import { SessionAggregate } from "./SessionAggregate";
import { formatDay, placeName } from "./format";

/** Past sessions shown at first; older ones on request (each asks the server for its figures). */
export const PAST_SHOWN = 10;

/** Ended and cancelled sessions, newest first, each with its check-in figures. */
export function PastSessions({ sessions }: { sessions: readonly SessionView[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? sessions : sessions.slice(0, PAST_SHOWN);
  return (
    <section aria-labelledby="past-heading" className="past-sessions">
      <h2 id="past-heading" tabIndex={-1}>
        Past sessions
      </h2>
      {sessions.length === 0 ? (
        <p className="hint">Sessions you have ended or cancelled appear here, with how the group felt before and after.</p>
      ) : (
        <ul className="session-list">
          {shown.map((s) => (
            <li key={s.id} className="session-card past">
              <h3>{s.title}</h3>
              <p className="session-details">
                {s.status === "cancelled" ? "Cancelled" : "Ended"} {formatDay(s.endedAt ?? s.createdAt)} · {placeName(s.environment)}
              </p>
              <SessionAggregate sessionId={s.id} />
            </li>
          ))}
        </ul>
      )}
      {!showAll && sessions.length > PAST_SHOWN && (
        <button type="button" className="secondary" onClick={() => setShowAll(true)}>
          Show {sessions.length - PAST_SHOWN} older {sessions.length - PAST_SHOWN === 1 ? "session" : "sessions"}
        </button>
      )}
    </section>
  );
}
