import { FacilitatorMessage, type ClientMessage } from "./names";
import { Role } from "./rules";

/** Facilitator actions a co-facilitator may not take. */
export const RESERVED_FOR_FACILITATOR: ReadonlySet<ClientMessage> = new Set([
  FacilitatorMessage.promote,
  FacilitatorMessage.demote,
  FacilitatorMessage.endSession,
]);

const FACILITATOR_ACTIONS: ReadonlySet<string> = new Set(Object.values(FacilitatorMessage));

/** Whether a message is a facilitator action. */
export function isFacilitatorAction(message: ClientMessage): boolean {
  return FACILITATOR_ACTIONS.has(message);
}

/**
 * Who may do what: participant messages are open to everyone in the circle; facilitator actions
 * need the facilitator, or a co-facilitator for all but promote, demote and end.
 */
export function mayPerform(role: Role, message: ClientMessage): boolean {
  if (!isFacilitatorAction(message)) return true;
  if (role === Role.facilitator) return true;
  if (role === Role.cofacilitator) return !RESERVED_FOR_FACILITATOR.has(message);
  return false;
}
