import "./facilitate.css";
import { useCallback, useEffect, useState } from "react";
import type { AuthResponse, FacilitatorView } from "../../core/protocol/http";
import { FocusHeadingContext, ScreenHeading } from "../ui/ScreenHeading";
import { api } from "./api";
import { clearFacilitatorToken, getFacilitatorToken, setFacilitatorToken } from "./auth";
import { AuthScreen } from "./AuthScreen";
import { Dashboard } from "./Dashboard";
import { endsSignIn, messageFor } from "./errorMessages";
import { asFailure } from "./useFacilitator";
import { FormAlert } from "./Field";

type View =
  | { kind: "checking" }
  | { kind: "signedOut"; notice?: string }
  | { kind: "signedIn"; token: string; facilitator: FacilitatorView }
  | { kind: "unreachable"; token: string; message: string };

/** An invite link is /facilitate#invite=…(&email=…): the fragment never reaches a server or a log. */
function readInviteLink(): { invite?: string; email?: string } {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  return { invite: params.get("invite") ?? undefined, email: params.get("email") ?? undefined };
}

/** /facilitate: sign in (or up), then the facilitator's sessions. Loaded lazily; the calm space never fetches it. */
export default function FacilitatePage() {
  const [link] = useState(readInviteLink);
  const [view, setView] = useState<View>(() => (getFacilitatorToken() ? { kind: "checking" } : { kind: "signedOut" }));
  // An invite link opened while signed in on this device cannot be used until this person signs out.
  const [inviteWhileSignedIn] = useState(() => Boolean(link.invite && getFacilitatorToken()));
  const [navigated, setNavigated] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const show = useCallback((next: View) => {
    setNavigated(true);
    setView(next);
  }, []);
  const signInEnded = useCallback(
    (notice: string) => {
      clearFacilitatorToken();
      show({ kind: "signedOut", notice });
    },
    [show],
  );

  // Out of the address bar (and history) once read: the invite is a one-time secret.
  useEffect(() => {
    if (link.invite) history.replaceState(history.state, "", location.pathname + location.search);
  }, [link]);

  // A kept token: ask the server who it belongs to (it may have expired or been revoked).
  useEffect(() => {
    const token = getFacilitatorToken();
    if (!token) return;
    let live = true;
    api.me(token).then(
      ({ facilitator }) => live && setView({ kind: "signedIn", token, facilitator }),
      (e: unknown) => {
        if (!live) return;
        const failure = asFailure(e);
        if (endsSignIn(failure)) {
          clearFacilitatorToken();
          setView({ kind: "signedOut", notice: messageFor(failure, "load") });
        } else setView({ kind: "unreachable", token, message: messageFor(failure, "load") });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const signedIn = (auth: AuthResponse, remember: boolean) => {
    setFacilitatorToken(auth.token, remember);
    show({ kind: "signedIn", token: auth.token, facilitator: auth.facilitator });
  };

  // The local token goes first and always; then the server revokes it (and every earlier one).
  const signOut = (token: string) => {
    clearFacilitatorToken();
    show({ kind: "signedOut", notice: "You're signed out." });
    api.signOut(token).catch((e: unknown) => {
      if (endsSignIn(asFailure(e))) return;
      setView((v) =>
        v.kind === "signedOut"
          ? { kind: "signedOut", notice: "You're signed out on this device. The server couldn't be told, so this sign-in ends by itself within 12 hours." }
          : v,
      );
    });
  };

  return (
    <FocusHeadingContext.Provider value={navigated}>
      {view.kind === "checking" && (
        <section aria-labelledby="checking-heading" className="screen">
          <ScreenHeading id="checking-heading">Facilitating</ScreenHeading>
          <p role="status">Checking your sign-in…</p>
        </section>
      )}
      {view.kind === "unreachable" && (
        <section aria-labelledby="unreachable-heading" className="screen">
          <ScreenHeading id="unreachable-heading">Facilitating</ScreenHeading>
          <FormAlert message={view.message} />
          <p className="actions">
            <button type="button" onClick={() => (setView({ kind: "checking" }), setAttempt((n) => n + 1))}>
              Try again
            </button>
            <button type="button" className="secondary" onClick={() => signOut(view.token)}>
              Sign out
            </button>
          </p>
        </section>
      )}
      {view.kind === "signedOut" && (
        <AuthScreen
          initialMode={link.invite ? "signUp" : "signIn"}
          invite={link.invite}
          inviteEmail={link.email}
          notice={view.notice}
          onSignedIn={signedIn}
        />
      )}
      {view.kind === "signedIn" && (
        <Dashboard
          token={view.token}
          facilitator={view.facilitator}
          inviteLinkIgnored={inviteWhileSignedIn}
          onSignOut={() => signOut(view.token)}
          onSignInEnded={signInEnded}
        />
      )}
    </FocusHeadingContext.Provider>
  );
}
