import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { FacilitatorView, SessionView } from "../../core/protocol/http";
import { ScreenHeading } from "../ui/ScreenHeading";
import { api } from "./api";
import { endsSignIn, messageFor, type Action } from "./errorMessages";
import { InvitePanel } from "./InvitePanel";
import { PastSessions } from "./PastSessions";
import { UpcomingSessions } from "./UpcomingSessions";
import { asFailure, FacilitatorContext, type FacilitatorTools } from "./useFacilitator";
import { FormAlert } from "./Field";

type Loaded = { status: "loading" } | { status: "ready"; sessions: SessionView[] } | { status: "error"; message: string };

/** Failures that mean the list on screen is out of date (the session changed in another tab or device). */
const STALE_AFTER: readonly Action[] = ["updateSession", "cancelSession", "aggregate"];

interface Props {
  token: string;
  facilitator: FacilitatorView;
  /** the page was opened with an invite link while already signed in */
  inviteLinkIgnored: boolean;
  onSignOut: () => void;
  /** the server no longer accepts this sign-in; `notice` says why (keep it stable: the page reloads when it changes) */
  onSignInEnded: (notice: string) => void;
}

/** The signed-in page: the facilitator's sessions, planning new ones, and (admins) invites. */
export function Dashboard({ token, facilitator, inviteLinkIgnored, onSignOut, onSignInEnded }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [notice, setNotice] = useState("");
  const [attempt, setAttempt] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfterRender = useRef<string | null>(null);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const report = useCallback(
    (e: unknown, action: Action): string => {
      const failure = asFailure(e);
      const message = messageFor(failure, action);
      if (endsSignIn(failure)) onSignInEnded(message);
      else if ((failure.code === "not_found" || failure.code === "conflict") && STALE_AFTER.includes(action)) reload();
      return message;
    },
    [reload, onSignInEnded],
  );
  const tools = useMemo<FacilitatorTools>(() => ({ token, facilitator, report }), [token, facilitator, report]);

  useEffect(() => {
    let live = true;
    api.sessions(token).then(
      (sessions) => live && setLoaded({ status: "ready", sessions }),
      (e: unknown) => live && setLoaded({ status: "error", message: report(e, "load") }),
    );
    return () => {
      live = false;
    };
  }, [token, report, attempt]);

  // Focus moves in the same commit as the change it follows (before paint), never a frame later.
  useLayoutEffect(() => {
    const selector = focusAfterRender.current;
    focusAfterRender.current = null;
    if (selector) sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
  });

  const sessions = loaded.status === "ready" ? loaded.sessions : [];
  const update = (next: SessionView) =>
    setLoaded((l) => (l.status === "ready" ? { status: "ready", sessions: l.sessions.map((s) => (s.id === next.id ? next : s)) } : l));

  const created = (session: SessionView) => {
    setLoaded((l) => ({ status: "ready", sessions: [session, ...(l.status === "ready" ? l.sessions : [])] }));
    setNotice(`“${session.title}” is planned. Share its link or code with the group.`);
    focusAfterRender.current = `#${CSS.escape(`session-${session.id}`)}`;
  };
  const cancelled = (session: SessionView) => {
    update(session);
    setNotice(`“${session.title}” is cancelled. It is listed under past sessions.`);
    focusAfterRender.current = "#upcoming-heading";
  };

  const upcoming = sessions.filter((s) => s.status === "scheduled");
  const past = sessions.filter((s) => s.status !== "scheduled").sort((a, b) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt));

  return (
    <FacilitatorContext.Provider value={tools}>
      <section ref={sectionRef} aria-labelledby="dashboard-heading" className="screen facilitate-dashboard">
        <div className="dashboard-top">
          <ScreenHeading id="dashboard-heading">Your sessions</ScreenHeading>
          <p className="account">
            <span>
              Signed in as <strong>{facilitator.email}</strong>
              {facilitator.isAdmin && " (admin)"}
            </span>
            <button type="button" className="secondary" onClick={onSignOut}>
              Sign out
            </button>
          </p>
        </div>
        {inviteLinkIgnored && (
          <p className="notice">
            This page was opened with an invite for a new account. You're already signed in as {facilitator.email}: to use the invite, sign out
            first, then open the invite link again.
          </p>
        )}
        <p role="status" className="notice dashboard-notice">
          {notice}
        </p>
        {loaded.status === "loading" && <p role="status">Loading your sessions…</p>}
        {loaded.status === "error" && (
          <div className="load-error">
            <FormAlert message={loaded.message} />
            <button
              type="button"
              onClick={() => {
                setLoaded({ status: "loading" });
                reload();
              }}
            >
              Try again
            </button>
          </div>
        )}
        {loaded.status === "ready" && (
          <>
            <UpcomingSessions sessions={upcoming} startPlanning={sessions.length === 0} onCreated={created} onUpdated={update} onCancelled={cancelled} />
            <PastSessions sessions={past} />
          </>
        )}
        {facilitator.isAdmin && <InvitePanel />}
      </section>
    </FacilitatorContext.Provider>
  );
}
