import type { ApiFailure } from "./api";

/** What the facilitator was doing when a call failed: the same code reads differently per action. */
export type Action =
  | "signIn"
  | "signUp"
  | "load"
  | "createSession"
  | "updateSession"
  | "cancelSession"
  | "aggregate"
  | "invite"
  | "listInvites"
  | "withdrawInvite";

/** "about 3 minutes", "40 seconds": how long to wait, in words. */
export function waitInWords(seconds: number | null): string {
  if (seconds === null) return "a few minutes";
  if (seconds < 60) return seconds <= 1 ? "a second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

const SESSION_ACTIONS: readonly Action[] = ["updateSession", "cancelSession", "aggregate", "createSession"];

/**
 * A clear, kind sentence for every way an API call can fail (docs/PROTOCOL.md, "HTTP API" codes,
 * plus no connection, a server fault and an answer this page cannot read). Says what happened and
 * what to do next; never blames the person.
 */
export function messageFor(failure: ApiFailure, action: Action): string {
  switch (failure.code) {
    case "network":
      return "Breathing Room can't be reached right now. Check your internet connection, then try again.";
    case "internal":
      return "Something went wrong on the server. Please try again in a moment.";
    case "unexpected":
      return "The server's answer wasn't what this page expected. Reloading the page usually fixes this.";
    case "invalid_request":
      if (action === "signIn" || action === "signUp") return "Please check the email address and password, then try again.";
      if (action === "invite") return "Please check the email address, or leave it empty.";
      if (action === "createSession" || action === "updateSession") return "Some of the session details weren't accepted. Please check the form and try again.";
      return "The server didn't accept this request. Reloading the page usually fixes this.";
    case "wrong_credentials":
      return "That email and password don't match an account. Check them and try again (passwords are case-sensitive).";
    case "unauthenticated":
      return "You've been signed out on this device. Please sign in again.";
    case "token_expired":
      return "Sign-ins last 12 hours, and yours has ended. Please sign in again.";
    case "invite_required":
      return "This Breathing Room already has an admin, so a new account needs an invite. Ask an admin for one and paste it in the Invite field.";
    case "invite_invalid":
      return "This invite can't be used. It may have been used already, have expired (invites last 7 days) or be meant for another email address. Ask your admin for a new one.";
    case "forbidden":
      if (action === "invite") return "Only an admin can invite new facilitators.";
      if (action === "listInvites" || action === "withdrawInvite") return "Only an admin can manage invites.";
      return "Your account isn't allowed to do this.";
    case "not_found":
      if (action === "withdrawInvite") return "This invite was already withdrawn. The list has been refreshed.";
      return SESSION_ACTIONS.includes(action)
        ? "This session can't be found any more. Your list has been refreshed."
        : "This page asked the server for something that isn't there. Reloading the page usually fixes this.";
    case "email_taken":
      return "There's already an account with this email address. Sign in instead, or use another address.";
    case "conflict":
      if (action === "createSession") return "A join code couldn't be set aside just now. Please try again.";
      if (action === "withdrawInvite") return "This invite has just been used, so it can't be withdrawn. The list has been refreshed.";
      return "This session has already ended or been cancelled, so it can't be changed. Your list has been refreshed.";
    case "session_ended":
      return "This circle has already ended.";
    case "too_many_attempts":
      return action === "signUp"
        ? `Too many sign-ups from this network in a short time. Please wait ${waitInWords(failure.retryAfterSeconds)} and try again.`
        : `Too many attempts in a short time. To keep accounts safe, please wait ${waitInWords(failure.retryAfterSeconds)} and try again.`;
  }
}

/** True when the server no longer accepts this sign-in: the page signs out and asks again. */
export const endsSignIn = (failure: ApiFailure): boolean => failure.code === "unauthenticated" || failure.code === "token_expired";
