import { ActionError } from "./codes";
import { FacilitatorMessage, type ClientMessage } from "./names";
import { Role } from "./rules";

/**
 * Who may do what, and to whom. The server refuses exactly what these say no to, and the
 * facilitator console greys out the same buttons: one rule, two callers.
 */

/** Facilitator actions a co-facilitator may not take. */
export const RESERVED_FOR_FACILITATOR: ReadonlySet<ClientMessage> = new Set([
  FacilitatorMessage.promote,
  FacilitatorMessage.demote,
  FacilitatorMessage.endSession,
  FacilitatorMessage.setAdmission,
]);

const FACILITATOR_ACTIONS: ReadonlySet<string> = new Set(Object.values(FacilitatorMessage));

/** Whether a message is a facilitator action. */
export function isFacilitatorAction(message: ClientMessage): boolean {
  return FACILITATOR_ACTIONS.has(message);
}

/**
 * Whether a role may send a message at all: participant messages are open to everyone in the
 * circle; facilitator actions need the facilitator, or a co-facilitator for all but promote,
 * demote, end and turning admission on or off (a co-facilitator does admit and decline).
 */
export function mayPerform(role: Role, message: ClientMessage): boolean {
  if (!isFacilitatorAction(message)) return true;
  if (role === Role.facilitator) return true;
  if (role === Role.cofacilitator) return !RESERVED_FOR_FACILITATOR.has(message);
  return false;
}

/**
 * Facilitator actions aimed at one person (payload `{ target }`, or `{ to }` for givePiece; for
 * deleteChat the person is the message's author).
 */
export const TARGETED_ACTIONS = [
  FacilitatorMessage.mute,
  FacilitatorMessage.unmute,
  FacilitatorMessage.remove,
  FacilitatorMessage.promote,
  FacilitatorMessage.demote,
  FacilitatorMessage.givePiece,
  FacilitatorMessage.muteChat,
  FacilitatorMessage.unmuteChat,
  /** on the message's author */
  FacilitatorMessage.deleteChat,
] as const;
export type TargetedAction = (typeof TARGETED_ACTIONS)[number];

/**
 * Why `actor` may not take `action` on someone with `target`'s role, or null if they may.
 * - Only someone who may perform the action at all (`mayPerform`), else `forbidden`.
 * - Nobody below the facilitator acts on the facilitator, and nobody removes the facilitator.
 * - A co-facilitator mutes, unmutes and removes participants only (in voice and in chat, and deletes
 *   only participants' chat messages); the facilitator decides about co-facilitators.
 * - Promote turns a participant into a co-facilitator and demote the reverse; any other target is
 *   `invalid-state` (the action does not apply to them).
 * - The talking piece may go to anyone, the facilitator included (handing it back is common).
 */
export function refusalOn(actor: Role, action: TargetedAction, target: Role): ActionError | null {
  if (!mayPerform(actor, action)) return ActionError.FORBIDDEN;
  if (action === FacilitatorMessage.givePiece) return null;
  if (target === Role.facilitator && (actor !== Role.facilitator || action === FacilitatorMessage.remove)) {
    return ActionError.FORBIDDEN;
  }
  if (action === FacilitatorMessage.promote) return target === Role.participant ? null : ActionError.INVALID_STATE;
  if (action === FacilitatorMessage.demote) return target === Role.cofacilitator ? null : ActionError.INVALID_STATE;
  // mute, unmute, remove, muteChat, unmuteChat, deleteChat
  if (actor === Role.cofacilitator && target !== Role.participant) return ActionError.FORBIDDEN;
  return null;
}

/** Whether `actor` may take `action` on someone with `target`'s role (for greying out a button). */
export function mayActOn(actor: Role, action: TargetedAction, target: Role): boolean {
  return refusalOn(actor, action, target) === null;
}
