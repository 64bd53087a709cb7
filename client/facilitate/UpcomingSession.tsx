import { useLayoutEffect, useRef, useState } from "react";
import type { SessionView, UpdateSessionBody } from "../../core/protocol/http";
import { api } from "./api";
import { CancelSession } from "./CancelSession";
import { COPY_BY_HAND, copyField } from "./clipboard";
import { JoinCode } from "./JoinCode";
import { SessionForm, type SessionValues } from "./SessionForm";
import { formatWhen, placeName } from "./format";
import { useFacilitator } from "./useFacilitator";

/** Only the fields that differ, so an edit never rewrites what the person left alone. */
function changes(session: SessionView, values: SessionValues): UpdateSessionBody {
  const body: UpdateSessionBody = {};
  if (values.title !== session.title) body.title = values.title;
  if (values.environment !== session.environment) body.environment = values.environment;
  if (values.capacity !== session.capacity) body.capacity = values.capacity;
  if (values.scheduledAt !== session.scheduledAt) body.scheduledAt = values.scheduledAt;
  return body;
}

interface Props {
  session: SessionView;
  /** the soonest session: its "Open the circle" is the page's one accented action */
  primary: boolean;
  onUpdated: (session: SessionView) => void;
  onCancelled: (session: SessionView) => void;
}

/** One scheduled session: its code and link, open the circle, edit, cancel. */
export function UpcomingSession({ session, primary, onUpdated, onCancelled }: Props) {
  const { token, report } = useFacilitator();
  const [mode, setMode] = useState<"view" | "edit" | "cancel">("view");
  const [status, setStatus] = useState("");
  const articleRef = useRef<HTMLElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<string | null>(null);
  const url = new URL(session.link, location.origin).href;
  const headingId = `session-${session.id}`;

  // After a mode change, put focus where the person's attention is (never lost to the page's start).
  useLayoutEffect(() => {
    const selector = returnFocus.current;
    returnFocus.current = null;
    if (selector) articleRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [mode]);
  const switchTo = (next: typeof mode, focus: string) => {
    returnFocus.current = focus;
    setMode(next);
  };

  const copy = async () => setStatus((await copyField(linkRef.current)) ? "Link copied. Paste it into a message to the group." : COPY_BY_HAND);

  const save = async (values: SessionValues): Promise<string | null> => {
    const body = changes(session, values);
    try {
      if (Object.keys(body).length > 0) onUpdated(await api.updateSession(token, session.id, body));
      setStatus(Object.keys(body).length > 0 ? "Changes saved." : "Nothing was changed.");
      switchTo("view", `#${CSS.escape(headingId)}`);
      return null;
    } catch (e) {
      return report(e, "updateSession");
    }
  };

  return (
    <article ref={articleRef} className="session-card" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {session.title}
      </h3>
      {mode === "edit" ? (
        <SessionForm session={session} submitLabel="Save changes" onSave={save} onDiscard={() => switchTo("view", ".edit-button")} />
      ) : (
        <>
          <p className="session-details">
            {session.scheduledAt !== null ? formatWhen(session.scheduledAt) : "No set time"} · {placeName(session.environment)} · up to {session.capacity}{" "}
            {session.capacity === 1 ? "person" : "people"}
          </p>
          <JoinCode code={session.code} />
          <div className="form-field">
            <label htmlFor={`${headingId}-link`}>Link to share</label>
            <input id={`${headingId}-link`} ref={linkRef} className="share-link" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p className="actions">
            {/* A link: it goes to the room page (and may open in a new tab); the sign-in is already stored for it. */}
            <a className={primary ? "button-link" : "button-link secondary"} href={session.link}>
              Open the circle
            </a>
            <button type="button" className="secondary" onClick={copy}>
              Copy link
            </button>
            <button type="button" className="secondary edit-button" onClick={() => switchTo("edit", "input")}>
              Edit
            </button>
            {mode === "view" && (
              <button type="button" className="secondary cancel-button" onClick={() => switchTo("cancel", ".confirm .danger")}>
                Cancel session
              </button>
            )}
          </p>
          {mode === "cancel" && (
            <CancelSession
              session={session}
              onKeep={() => switchTo("view", ".cancel-button")}
              onCancelled={onCancelled}
            />
          )}
        </>
      )}
      <p role="status" className="card-status">
        {status}
      </p>
    </article>
  );
}
