import { ActionError, mayPerform, refusalOn, type ClientMessage, type Role, type TargetedAction } from "../../core/protocol";
import type { CircleClient, CircleContext } from "./circleContext";
import type { Participant } from "./CircleState";

/** What a handler returns: nothing (done), or why it refused (state unchanged). */
export type Outcome = ActionError | void;

/**
 * The checks every handler starts with: is the sender seated, may their role do this (core/protocol
 * permissions), is the target there. Written against the room's state and rates only.
 */
export class Guards {
  constructor(private readonly ctx: Pick<CircleContext, "state" | "rates">) {}

  /** The sender's seat, or undefined if they are not (or no longer) in the circle. */
  member(client: CircleClient): Participant | undefined {
    return this.ctx.state.participants.get(client.sessionId);
  }

  refuse(client: CircleClient, action: ClientMessage, code: ActionError): void {
    client.send("error", { action, code });
  }

  /** A self-service change (hand, away) under the shared rate. */
  self(client: CircleClient, change: (p: Participant) => unknown): void {
    const p = this.member(client);
    if (p && this.ctx.rates.allow(client.sessionId, "other")) change(p);
  }

  /** Within "everything else 5/s" for actions (facilitator actions, passPiece); refused `rate-limited` past it. */
  withinRate(client: CircleClient, action: ClientMessage): boolean {
    if (this.ctx.rates.allow(client.sessionId, "action")) return true;
    this.refuse(client, action, ActionError.RATE_LIMITED);
    return false;
  }

  /**
   * Run a facilitator action if the sender's role allows it; `run` may return a refusal. The rate
   * comes first, so nobody (allowed or not) gets more than 5 answers a second out of it.
   */
  lead(client: CircleClient, action: ClientMessage, run: (sender: Participant) => Outcome): void {
    const sender = this.member(client);
    if (!sender || !this.withinRate(client, action)) return;
    if (!mayPerform(sender.role as Role, action)) return this.refuse(client, action, ActionError.FORBIDDEN);
    const refusal = run(sender);
    if (refusal) this.refuse(client, action, refusal);
  }

  /** A facilitator action on one person, refused unless `refusalOn` (core/protocol) allows it. */
  onTarget(client: CircleClient, action: TargetedAction, targetId: string, run: (target: Participant) => Outcome): void {
    this.lead(client, action, (sender) => {
      const target = this.ctx.state.participants.get(targetId);
      if (!target) return ActionError.NO_SUCH_PARTICIPANT;
      return refusalOn(sender.role as Role, action, target.role as Role) ?? run(target);
    });
  }
}
