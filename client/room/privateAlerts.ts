import type { AlertKind, AlertStatus, ServerMessages } from "../../core/protocol";
import type { Alert, RoomStore } from "./roomStore";

/** What private alerts need of a joined room. */
export interface AlertChannel {
  onMessage<T extends "moment" | "report" | "alertSeen" | "alertStatus">(type: T, callback: (message: ServerMessages[T]) => void): () => void;
}

/**
 * Private alerts, both ways. Facilitators and co-facilitators receive "I need a moment" and
 * reports with the person's pseudonym and seat as they are now (they may leave before it is
 * seen); an alert sent again after a reconnection has the same id and is not shown twice. The
 * sender hears where theirs is: delivered, waiting for a facilitator, seen. Kept in memory only.
 * Returns the cleanups.
 */
export function followAlerts(room: AlertChannel, store: RoomStore, now: () => number = Date.now): (() => void)[] {
  const add = (alert: Omit<Alert, "pseudonym" | "seat" | "at" | "seen">) =>
    store.setState((s) => {
      if (s.alerts.some((a) => a.id === alert.id)) return {};
      const person = s.people[alert.from];
      const target = alert.target ? s.people[alert.target] : undefined;
      const full: Alert = {
        ...alert,
        pseudonym: person?.pseudonym ?? "Someone who has left",
        seat: person?.seat ?? -1,
        ...(target ? { targetPseudonym: target.pseudonym } : {}),
        at: now(),
        seen: false,
      };
      return { alerts: [...s.alerts, full] };
    });
  // Chat's own alerts ("support", "chatReport") have their own status words in client/room/chat.
  const status = (kind: AlertKind, value: AlertStatus) => {
    if (kind === "moment") store.setState({ moment: value });
    else if (kind === "report") store.setState({ reportStatus: value });
  };
  return [
    room.onMessage("moment", ({ id, from }) => add({ id, kind: "moment", from })),
    room.onMessage("report", ({ id, from, target, reason, events }) => add({ id, kind: "report", from, target, reason, events })),
    room.onMessage("alertSeen", ({ id }) => store.setState((s) => ({ alerts: s.alerts.map((a) => (a.id === id && !a.seen ? { ...a, seen: true } : a)) }))),
    room.onMessage("alertStatus", ({ kind, status: value }) => status(kind, value)),
  ];
}

/** A facilitator marks an alert seen: at once on this console; the server tells the sender and the other consoles. */
export function markAlertSeen(store: RoomStore, id: string): void {
  const s = store.getState();
  if (!s.alerts.some((a) => a.id === id && !a.seen)) return;
  store.setState({ alerts: s.alerts.map((a) => (a.id === id ? { ...a, seen: true } : a)) });
  s.send("markSeen", { id });
}
