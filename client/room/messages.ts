import { ActionError } from "../../core/protocol";
import type { ClosedReason } from "./roomStore";

/** What the page says, kindly and plainly, when someone is not (or no longer) in a circle. */
export interface ClosedMessage {
  title: string;
  body: string;
  /** whether trying again with the same code could work */
  retry: boolean;
}

const CLOSED: Record<ClosedReason, ClosedMessage> = {
  "unknown-code": {
    title: "We couldn't find that circle",
    body: "Check the code with the person who invited you — it has nine letters and numbers, like K7P-M2Q-XW9.",
    retry: false,
  },
  "too-many-tries": {
    title: "Too many codes tried from here",
    body: "To keep circles private, this network has to wait a few minutes before trying another code. Check the code with the person who invited you, then try again.",
    retry: true,
  },
  "bad-code": {
    title: "That doesn't look like a circle code",
    body: "A code has nine letters and numbers, like K7P-M2Q-XW9. Spaces and dashes don't matter.",
    retry: false,
  },
  ended: {
    title: "This circle has ended",
    body: "Thank you for being here. You can still breathe on your own in the calm space.",
    retry: false,
  },
  locked: {
    title: "The circle is closed to new people for now",
    body: "The facilitator has locked it, often while the group settles. You can try again in a little while.",
    retry: true,
  },
  full: {
    title: "This circle is full",
    body: "Every seat is taken. The facilitator may open another circle — please ask them.",
    retry: true,
  },
  "agreement-outdated": {
    title: "The group agreement has changed",
    body: "Please reload the page and read the new agreement before joining.",
    retry: false,
  },
  invalid: {
    title: "Something in the details didn't work",
    body: "Try a shorter name made of letters, numbers and spaces, then join again.",
    retry: true,
  },
  "not-signed-in": {
    title: "Please sign in again",
    body: "Your facilitator sign-in has run out. Sign in on the facilitator page, then open the circle from there.",
    retry: false,
  },
  "not-your-session": {
    title: "This circle belongs to another facilitator",
    body: "You are signed in as a facilitator who does not run this session. Sign out to join as a participant.",
    retry: false,
  },
  removed: {
    title: "The facilitator has asked you to leave this circle",
    body: "You can't rejoin this session. If this feels wrong, or you need support now, the help button has people you can talk to.",
    retry: false,
  },
  declined: {
    title: "You weren't let in this time",
    body: "The facilitator didn't admit you to this circle. If you think that's a mistake, you can ask them, or knock again with the same code. The help button has people you can talk to now.",
    retry: true,
  },
  "signed-out": {
    title: "You signed out, so you have left the circle",
    body: "Signing out ends your sign-in on every device, and your place as facilitator in open circles with it. The circle goes on, and co-facilitators keep leading. Sign in again on the facilitator page to come back.",
    retry: false,
  },
  flooded: {
    title: "The connection was closed",
    body: "Your device sent more than the circle can take. Reload the page to join again.",
    retry: true,
  },
  left: {
    title: "You have left the circle",
    body: "Take care. You can join again with the same code while the circle is open.",
    retry: true,
  },
  lost: {
    title: "The connection to the circle was lost",
    body: "Your seat may have been given up. You can join again with the same code.",
    retry: true,
  },
  unreachable: {
    title: "We couldn't reach the circle",
    body: "Check your connection, then try again.",
    retry: true,
  },
};

export function closedMessage(reason: ClosedReason): ClosedMessage {
  return CLOSED[reason];
}

const ACTION_NOTICES: Record<ActionError, string> = {
  [ActionError.FORBIDDEN]: "That is not something your role can do in this circle.",
  [ActionError.NO_SUCH_PARTICIPANT]: "That person is no longer in the circle.",
  [ActionError.INVALID_STATE]: "That can't be done right now.",
  [ActionError.ALREADY_CHECKED_IN]: "You have already answered this check-in.",
  [ActionError.RATE_LIMITED]: "That was a lot at once. Please wait a moment and try again.",
  [ActionError.CHAT_MUTED]: "The facilitator has paused your chat for now. You can still listen and read.",
  [ActionError.CHAT_OFF]: "Chat is off in this circle right now.",
  [ActionError.SLOW_MODE]: "Slow mode is on: please wait a little before your next message.",
  [ActionError.INVALID_PAYLOAD]: "That didn't work. Please reload the page.",
  [ActionError.UNKNOWN_MESSAGE]: "That didn't work. Please reload the page.",
  [ActionError.NOT_ADMITTED]: "You're waiting to be let in: that will work once you're in the circle.",
};

/** A short notice for a refused action (`error { action, code }`). */
export function actionNotice(_action: string, code: string): string {
  return ACTION_NOTICES[code as ActionError] ?? "That didn't work. Please try again.";
}
