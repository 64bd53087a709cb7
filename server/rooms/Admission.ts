import { StateView } from "@colyseus/schema";
import { Role, type Role as RoleT } from "../../core/protocol";
import type { CircleClient } from "./circleContext";
import { IN_CIRCLE, Knocker, LEADS, type CircleState } from "./CircleState";

/** People who may wait in the waiting area at once; more are refused as FULL. */
export const MAX_KNOCKING = 16;

const isLead = (role: string) => role === Role.facilitator || role === Role.cofacilitator;

/**
 * The waiting area and who sees what. Everyone connected has a StateView: people waiting to be
 * admitted see only the untagged part of the state (the session, the practice, chat settings, the
 * card) — no people, poses, raised hands or the talking piece — and get no messages of the circle;
 * people seated see the `IN_CIRCLE` part; the facilitator and co-facilitators also the `LEADS` part
 * (who is knocking). Granting a tag mid-session sends the tagged fields in full (tested, see
 * tests/server/admission.test.ts: what an admitted person actually receives).
 */
export class Admission {
  constructor(private readonly state: CircleState) {}

  /** How many are waiting. */
  get waiting(): number {
    return this.state.knocking.size;
  }

  /** Whether `sessionId` is waiting to be admitted. */
  knocking(sessionId: string): boolean {
    return this.state.knocking.has(sessionId);
  }

  /** Put a newcomer in the waiting area: facilitators see their pseudonym, they see nobody. */
  knock(client: CircleClient, person: { pseudonym: string; look: string }): void {
    client.view ??= new StateView();
    const k = new Knocker();
    k.pseudonym = person.pseudonym;
    k.look = person.look;
    this.state.knocking.set(client.sessionId, k);
    client.send("admission", { status: "knocking" });
  }

  /** Take someone out of the waiting area (admitted, declined or gone); their entry, or undefined. */
  take(sessionId: string): Knocker | undefined {
    const k = this.state.knocking.get(sessionId);
    if (k) this.state.knocking.delete(sessionId);
    return k;
  }

  /** Someone now seated in the circle sees it (and, as a lead, who is knocking). */
  seat(client: CircleClient, role: RoleT): void {
    const view = (client.view ??= new StateView());
    view.add(this.state, IN_CIRCLE);
    if (isLead(role)) view.add(this.state, LEADS);
  }

  /** A role changed (promoted or demoted): the knocking list follows it. */
  roleChanged(client: CircleClient | undefined, role: RoleT): void {
    const view = client?.view;
    if (!view) return;
    if (isLead(role)) view.add(this.state, LEADS);
    else view.remove(this.state, LEADS);
  }
}
