import { useState } from "react";
import { LEARNING_CARDS, getCard } from "../../../core/care";
import { CHAT_FILTERS, Role, SLOW_MODE_SECONDS, mayActOn, type ChatFilter } from "../../../core/protocol";
import { useRoomStore } from "../roomStore";
import { useChatStore, type ChatAlert } from "./chatStore";
import { REASON_WORDS, slowWords } from "./words";

const FILTER_WORDS: Record<ChatFilter, string> = { mask: "Mask slurs and abuse", off: "Show messages as written" };
const send: ReturnType<typeof useRoomStore.getState>["send"] = (type, payload) => useRoomStore.getState().send(type, payload);

function AlertItem({ alert, onSeen }: { alert: ChatAlert; onSeen: (id: string) => void }) {
  return (
    <li className={alert.seen ? "alert chat-alert seen" : "alert chat-alert"}>
      {alert.kind === "support" ? (
        <p>
          <strong>{alert.pseudonym} may need support.</strong> Words in their chat matched the crisis list; they were offered crisis lines. Nobody else was told.
        </p>
      ) : (
        <p>
          <strong>{alert.pseudonym} reported a message</strong> from {alert.quote?.pseudonym} ({alert.reason ? REASON_WORDS[alert.reason].toLowerCase() : "no reason"}):{" "}
          <q>{alert.quote?.text}</q>
        </p>
      )}
      {alert.seen ? (
        <p className="hint">Seen</p>
      ) : (
        <button type="button" className="small" onClick={() => onSeen(alert.id)}>
          Mark as seen
        </button>
      )}
    </li>
  );
}

/**
 * Private chat alerts for facilitators — "may need support" and reported messages — unseen first,
 * newest first within each; shown among the console's private alerts.
 */
export function ChatAlertList({ onSeen }: { onSeen: (id: string) => void }) {
  const alerts = useChatStore((s) => s.alerts);
  if (alerts.length === 0) return null;
  const ordered = [...alerts.filter((a) => !a.seen).reverse(), ...alerts.filter((a) => a.seen).reverse()];
  return (
    <ul className="alerts chat-alerts" aria-label="From the chat" aria-live="polite">
      {ordered.map((a) => (
        <AlertItem key={a.id} alert={a} onSeen={onSeen} />
      ))}
    </ul>
  );
}

/**
 * The facilitator console's chat and cards: chat on or off, slow mode, the filter, who may not
 * chat, and sharing a learning card with everyone (the private chat alerts are among the console's
 * private alerts, at its top). The server refuses
 * the same things these controls do not offer.
 */
export function ChatModeration() {
  const myRole = useRoomStore((s) => s.people[s.me]?.role ?? Role.participant);
  const people = useRoomStore((s) => s.people);
  const me = useRoomStore((s) => s.me);
  const settings = useChatStore((s) => s.settings);
  const muted = useChatStore((s) => s.chatMuted);
  const card = useChatStore((s) => s.card);
  const [pick, setPick] = useState<string>(LEARNING_CARDS[0].id);
  if (myRole === Role.participant) return null;
  const others = Object.values(people).filter((p) => p.id !== me && mayActOn(myRole, "muteChat", p.role));
  return (
    <section className="chat-moderation" aria-labelledby="chat-moderation-heading">
      <h3 id="chat-moderation-heading">Chat and cards</h3>
      <label className="field">
        <input type="checkbox" checked={settings.on} onChange={(e) => send("setChat", { on: e.target.checked })} /> Chat on for everyone
      </label>
      <label className="field">
        Slow mode{" "}
        <select value={settings.slowSeconds} onChange={(e) => send("setChat", { slowSeconds: Number(e.target.value) })}>
          {SLOW_MODE_SECONDS.map((s) => (
            <option key={s} value={s}>
              {slowWords(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Filter{" "}
        <select value={settings.filter} onChange={(e) => send("setChat", { filter: e.target.value })}>
          {CHAT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {FILTER_WORDS[f]}
            </option>
          ))}
        </select>
      </label>
      {others.length > 0 && (
        <ul className="chat-mutes" role="list" aria-label="Who may chat">
          {others.map((p) => (
            <li key={p.id}>
              {p.pseudonym}{" "}
              <button type="button" className="secondary" onClick={() => send(muted[p.id] ? "unmuteChat" : "muteChat", { target: p.id })}>
                {muted[p.id] ? `Let ${p.pseudonym} chat` : `Pause ${p.pseudonym}'s chat`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="share-card">Learning card</label>
        <select id="share-card" value={pick} onChange={(e) => setPick(e.target.value)}>
          {LEARNING_CARDS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => send("shareCard", { id: pick })}>
          Share with everyone
        </button>
      </div>
      {card && (
        <p>
          Open for everyone: {getCard(card)?.title}{" "}
          <button type="button" className="secondary" onClick={() => send("closeCard")}>
            Close for everyone
          </button>
        </p>
      )}
    </section>
  );
}
