import type { ServerMessages } from "../../../core/protocol";
import type { CircleState } from "../../../server/rooms/CircleState";
import type { RoomStore } from "../roomStore";
import { withLine, type ChatAlert, type ChatStore } from "./chatStore";

type ChatMessages = "chat" | "chatDeleted" | "support" | "chatReport" | "alertSeen" | "alertStatus";

/** What following the chat needs of a joined room (the SDK's Room has all of it). */
export interface ChatSource {
  readonly state: CircleState;
  onMessage<T extends ChatMessages>(type: T, callback: (message: ServerMessages[T]) => void): () => void;
  onStateChange: ((callback: (state: CircleState) => void) => unknown) & { remove?(callback: (state: CircleState) => void): void };
}

/**
 * Follow a joined room's words: chat lines, deletions, the chat settings, chat mutes, the shared
 * card, and — for facilitators — "may need support" and reported messages. The store is written
 * only when something changed, so a pose-only patch costs a few comparisons and no allocation.
 * Returns the cleanup.
 */
export function followChat(room: ChatSource, roomStore: RoomStore, chat: ChatStore, now: () => number = Date.now): () => void {
  const pseudonym = (id: string) => roomStore.getState().people[id]?.pseudonym ?? "Someone who has left";
  const addAlert = (alert: Omit<ChatAlert, "at" | "seen">) =>
    chat.setState((s) => (s.alerts.some((a) => a.id === alert.id) ? {} : { alerts: [...s.alerts, { ...alert, at: now(), seen: false }] }));

  let mutedCount = 0;
  function onPatch(state: CircleState) {
    const s = chat.getState();
    const c = state.chat;
    if (c && (c.on !== s.settings.on || c.slowSeconds !== s.settings.slowSeconds || c.filter !== s.settings.filter)) {
      chat.setState({ settings: { on: c.on, slowSeconds: c.slowSeconds, filter: c.filter === "off" ? "off" : "mask" } });
    }
    if (state.card !== undefined && state.card !== s.card) chat.setState({ card: state.card, cardHidden: false });
    // Chat mutes: compare without allocating; rebuild only when one changed.
    let count = 0;
    let same = true;
    state.participants?.forEach((p, id) => {
      if (!p.chatMuted) return;
      count++;
      if (!s.chatMuted[id]) same = false;
    });
    if (!same || count !== mutedCount) {
      mutedCount = count;
      const muted: Record<string, true> = {};
      state.participants.forEach((p, id) => void (p.chatMuted && (muted[id] = true)));
      chat.setState({ chatMuted: muted });
    }
  }

  const stops = [
    room.onMessage("chat", ({ id, from, text }) => chat.setState((s) => ({ lines: withLine(s.lines, { id, from, pseudonym: pseudonym(from), text, at: now() }) }))),
    room.onMessage("chatDeleted", ({ id }) => chat.setState((s) => ({ lines: s.lines.filter((l) => l.id !== id) }))),
    room.onMessage("support", ({ id, from }) => addAlert({ id, kind: "support", from, pseudonym: pseudonym(from) })),
    room.onMessage("chatReport", ({ id, from, reason, message }) =>
      addAlert({ id, kind: "chatReport", from, pseudonym: pseudonym(from), reason, quote: { from: message.from, pseudonym: pseudonym(message.from), text: message.text } }),
    ),
    room.onMessage("alertSeen", ({ id }) => chat.setState((s) => ({ alerts: s.alerts.map((a) => (a.id === id && !a.seen ? { ...a, seen: true } : a)) }))),
    room.onMessage("alertStatus", ({ kind, status }) => {
      if (kind === "support") chat.setState({ supportStatus: status });
    }),
  ];
  room.onStateChange(onPatch);
  if (room.state?.participants) onPatch(room.state);
  return () => {
    stops.forEach((stop) => stop());
    room.onStateChange.remove?.(onPatch);
    chat.getState().reset();
  };
}

/** A facilitator marks a chat alert seen: at once here; the server tells the sender and the other consoles. */
export function markChatAlertSeen(chat: ChatStore, id: string, send: (type: "markSeen", payload: { id: string }) => void): void {
  if (!chat.getState().alerts.some((a) => a.id === id && !a.seen)) return;
  chat.setState((s) => ({ alerts: s.alerts.map((a) => (a.id === id ? { ...a, seen: true } : a)) }));
  send("markSeen", { id });
}
