import { randomBytes } from "node:crypto";
import { ActionError, MAX_UNSEEN_ALERTS, Role, type AlertKind, type AlertStatus, type ServerMessages } from "../../core/protocol";
import type { CircleClient, CircleContext } from "./circleContext";

/** Each kind of alert travels to the leads as the server message of the same name. */
type Body = { [K in AlertKind]: { kind: K; message: ServerMessages[K] } }[AlertKind];

interface Alert {
  id: string;
  /** sender's sessionId */
  from: string;
  body: Body;
  delivered: boolean;
}

/**
 * "I need a moment", reports of a person or of a chat message, and "may need support" (words of
 * crisis in someone's chat): private alerts for the facilitator and co-facilitators only. Each
 * stays in memory until one of them marks it seen or its sender leaves; it is never stored or
 * logged. With none of them connected (or all in their reconnection window) it waits, and whoever
 * joins, comes back or is promoted next receives every unseen alert. The sender is told where it is.
 */
export class PrivateAlerts {
  private readonly unseen = new Map<string, Alert>();

  constructor(private readonly ctx: Pick<CircleContext, "state" | "clients" | "clientOf">) {}

  /**
   * Raise an alert from `sender`; null if they already have MAX_UNSEEN_ALERTS waiting to be seen.
   * `make` builds the message for the facilitators from the alert's new id.
   */
  raise<K extends AlertKind>(sender: CircleClient, kind: K, make: (id: string) => ServerMessages[K]): AlertStatus | null {
    let mine = 0;
    for (const a of this.unseen.values()) if (a.from === sender.sessionId) mine++;
    if (mine >= MAX_UNSEEN_ALERTS) return null;
    const id = randomBytes(6).toString("base64url");
    const alert: Alert = { id, from: sender.sessionId, body: { kind, message: make(id) } as Body, delivered: false };
    this.unseen.set(id, alert);
    for (const c of this.leads(sender.sessionId)) this.deliverTo(c, alert, false);
    const status = alert.delivered ? "delivered" : "waiting";
    sender.send("alertStatus", { id, kind, status });
    return status;
  }

  /** Whether `from` has an alert of `kind` that nobody has marked seen yet. */
  hasUnseen(from: string, kind: AlertKind): boolean {
    for (const a of this.unseen.values()) if (a.from === from && a.body.kind === kind) return true;
    return false;
  }

  /**
   * A facilitator or co-facilitator (`by`) saw alert `id`: tell its sender and every lead. Refused
   * for an unknown id, and for one's own alert: a co-facilitator who asked for a moment cannot mark
   * it seen and take it off the other leads' consoles.
   */
  seen(id: string, by: string): ActionError | undefined {
    const alert = this.unseen.get(id);
    if (!alert) return ActionError.INVALID_STATE;
    if (alert.from === by) return ActionError.FORBIDDEN;
    this.unseen.delete(id);
    this.ctx.clientOf(alert.from)?.send("alertStatus", { id, kind: alert.body.kind, status: "seen" });
    for (const c of this.leads()) c.send("alertSeen", { id });
    return undefined;
  }

  /** `client` just became able to receive alerts (joined, came back, promoted): give them every unseen one. */
  catchUp(client: CircleClient): void {
    if (!this.isLead(client.sessionId)) return;
    for (const alert of this.unseen.values()) if (alert.from !== client.sessionId) this.deliverTo(client, alert, true);
  }

  /** The sender came back: tell them again where each of their alerts is (messages sent while away are lost). */
  resendStatus(sender: CircleClient): void {
    for (const a of this.unseen.values()) {
      if (a.from === sender.sessionId) sender.send("alertStatus", { id: a.id, kind: a.body.kind, status: a.delivered ? "delivered" : "waiting" });
    }
  }

  /** The sender left for good: their alerts go with them. */
  forget(sessionId: string): void {
    for (const [id, a] of this.unseen) if (a.from === sessionId) this.unseen.delete(id);
  }

  private deliverTo(client: CircleClient, alert: Alert, tellSender: boolean): void {
    const body = alert.body;
    switch (body.kind) {
      case "moment": client.send("moment", body.message); break;
      case "report": client.send("report", body.message); break;
      case "support": client.send("support", body.message); break;
      case "chatReport": client.send("chatReport", body.message); break;
    }
    if (alert.delivered) return;
    alert.delivered = true;
    if (tellSender) this.ctx.clientOf(alert.from)?.send("alertStatus", { id: alert.id, kind: alert.body.kind, status: "delivered" });
  }

  private isLead(sessionId: string): boolean {
    const role = this.ctx.state.participants.get(sessionId)?.role;
    return role === Role.facilitator || role === Role.cofacilitator;
  }

  /** Connected facilitators and co-facilitators, but `except`. */
  private *leads(except?: string): Generator<CircleClient> {
    for (const c of this.ctx.clients) if (c.sessionId !== except && this.isLead(c.sessionId)) yield c;
  }
}
