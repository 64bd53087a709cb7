import { useEffect, useRef, useState } from "react";
import { INVITE_LIST_DAYS, type InviteView } from "../../core/protocol/http";
import { api } from "./api";
import { FormAlert } from "./Field";
import { formatDay, formatWhen } from "./format";
import { useFacilitator } from "./useFacilitator";

/** `at`: when the list was read, to tell expired invites from waiting ones. */
type Loaded = { status: "loading" } | { status: "ready"; invites: InviteView[]; at: number } | { status: "error"; message: string };

const who = (i: InviteView) => i.email ?? "anyone with the link";

function state(i: InviteView, now: number): string {
  if (i.usedAt !== null) return `Used ${formatDay(i.usedAt)}`;
  if (i.expiresAt <= now) return `Expired ${formatDay(i.expiresAt)}`;
  return `Not used yet · works until ${formatWhen(i.expiresAt)}`;
}

/**
 * The install's recent invites (never the invites themselves: only their hashes are kept), and
 * withdrawing one that was not used. There is no "resend": a lost invite is withdrawn and made anew.
 */
export function InviteList({ refresh }: { refresh: number }) {
  const { token, report } = useFacilitator();
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [status, setStatus] = useState("");
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    api.invites(token).then(
      (invites) => live && setLoaded({ status: "ready", invites, at: Date.now() }),
      (e: unknown) => live && setLoaded({ status: "error", message: report(e, "listInvites") }),
    );
    return () => {
      live = false;
    };
  }, [token, report, refresh, attempt]);

  const withdraw = (invite: InviteView) => {
    if (busy.current) return;
    busy.current = true;
    setFailure(null);
    api.withdrawInvite(token, invite.id).then(
      () => {
        busy.current = false;
        setLoaded((l) => (l.status === "ready" ? { ...l, invites: l.invites.filter((i) => i.id !== invite.id) } : l));
        setStatus(`The invite for ${who(invite)} is withdrawn: it no longer works.`);
        // Its button is gone; keep focus in the list rather than at the page's start.
        headingRef.current?.focus();
      },
      (e: unknown) => {
        busy.current = false;
        setFailure(report(e, "withdrawInvite"));
        setAttempt((n) => n + 1);
      },
    );
  };

  return (
    <div className="invite-list">
      <h3 id="invites-heading" ref={headingRef} tabIndex={-1}>
        Invites from the last {INVITE_LIST_DAYS} days
      </h3>
      <p role="status" className="card-status">
        {status}
      </p>
      <FormAlert message={failure} />
      {loaded.status === "loading" && <p className="hint">Loading invites…</p>}
      {loaded.status === "error" && (
        <p className="error">
          {loaded.message}{" "}
          <button type="button" className="secondary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      {loaded.status === "ready" && loaded.invites.length === 0 && <p className="hint">No invites yet.</p>}
      {loaded.status === "ready" && loaded.invites.length > 0 && (
        <>
          <ul className="session-list">
            {loaded.invites.map((i) => (
              <li key={i.id} className="invite-item">
                <span>
                  <strong>For {who(i)}</strong>
                  <br />
                  <span className="session-details">{state(i, loaded.at)}</span>
                </span>
                {i.usedAt === null && i.expiresAt > loaded.at && (
                  <button type="button" className="secondary" aria-label={`Withdraw the invite for ${who(i)}`} onClick={() => withdraw(i)}>
                    Withdraw
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="hint">An invite can't be shown again. If one was lost, withdraw it and create a new one.</p>
        </>
      )}
    </div>
  );
}
