import { useLayoutEffect, useRef, useState } from "react";
import type { SessionView } from "../../core/protocol/http";
import { NewSession } from "./NewSession";
import { UpcomingSession } from "./UpcomingSession";

/** Soonest first; sessions without a time after them, newest first. */
function bySchedule(a: SessionView, b: SessionView): number {
  if (a.scheduledAt !== null && b.scheduledAt !== null) return a.scheduledAt - b.scheduledAt;
  if (a.scheduledAt !== null) return -1;
  if (b.scheduledAt !== null) return 1;
  return b.createdAt - a.createdAt;
}

interface Props {
  sessions: readonly SessionView[];
  /** open the new-session form from the start (nothing is planned yet) */
  startPlanning: boolean;
  onCreated: (session: SessionView) => void;
  onUpdated: (session: SessionView) => void;
  onCancelled: (session: SessionView) => void;
}

/** Scheduled sessions — the ones a facilitator can still open, share, edit or cancel — and planning a new one. */
export function UpcomingSessions({ sessions, startPlanning, onCreated, onUpdated, onCancelled }: Props) {
  const [planning, setPlanning] = useState(startPlanning);
  const sectionRef = useRef<HTMLElement>(null);
  // Where focus goes after opening or closing the form by hand; after creating, the new session takes it.
  const focusNext = useRef<string | null>(null);

  useLayoutEffect(() => {
    const selector = focusNext.current;
    focusNext.current = null;
    if (selector) sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [planning]);

  const plan = (open: boolean) => {
    focusNext.current = open ? ".new-session input" : ".plan-button";
    setPlanning(open);
  };

  return (
    <section ref={sectionRef} aria-labelledby="upcoming-heading" className="upcoming-sessions">
      <div className="section-top">
        <h2 id="upcoming-heading" tabIndex={-1}>
          Upcoming sessions
        </h2>
        {!planning && (
          // The accent belongs to the soonest "Open the circle" when there is one.
          <button type="button" className={sessions.length > 0 ? "secondary plan-button" : "plan-button"} onClick={() => plan(true)}>
            Plan a session
          </button>
        )}
      </div>
      {planning && (
        <NewSession
          onClose={() => plan(false)}
          onCreated={(session) => {
            setPlanning(false);
            onCreated(session);
          }}
        />
      )}
      {sessions.length === 0 && !planning && <p className="hint">Nothing planned. Plan a session, then share its link or code with the group.</p>}
      {sessions.length > 0 && (
        <ul className="session-list">
          {[...sessions].sort(bySchedule).map((s, i) => (
            <li key={s.id}>
              <UpcomingSession session={s} primary={i === 0} onUpdated={onUpdated} onCancelled={onCancelled} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
