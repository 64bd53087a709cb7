import { CloseCode, Role } from "../../core/protocol";
import type { DurableCircle } from "../cluster/DurableCircle";
import type { CircleContext } from "./circleContext";

export interface SignOutDeps extends Pick<CircleContext, "state"> {
  durable: Pick<DurableCircle, "facilitatorSignedOut" | "removedPerson">;
  /** out of the seat for good, closed with `code` (see Reconnections.takeOut) */
  takeOut(sessionId: string, code: CloseCode): void;
}

/**
 * The session's owner signed out (every token of theirs revoked): whoever sits in the circle as the
 * facilitator on that sign-in is taken out — closed with 4103, no reconnection window, their seat
 * token no longer brings them back — and so is a facilitator seat still waiting for its person
 * after a move. The circle goes on (co-facilitators keep their role); the owner signs in again to
 * come back. Reached from HTTP in any process (server/cluster/circleCalls).
 */
export function ownerSignedOut(d: SignOutDeps): void {
  d.durable.facilitatorSignedOut();
  const leads: string[] = [];
  d.state.participants.forEach((p, sessionId) => void (p.role === Role.facilitator && leads.push(sessionId)));
  for (const sessionId of leads) {
    d.durable.removedPerson(sessionId);
    d.takeOut(sessionId, CloseCode.SIGNED_OUT);
  }
}
