import { ChatAlertList } from "../../chat/ChatModeration";
import { useChatStore } from "../../chat/chatStore";
import { markChatAlertSeen } from "../../chat/followChat";
import { REPORT_REASON_WORDS, alertsInOrder, seatText } from "../../consoleActions";
import { markAlertSeen } from "../../privateAlerts";
import type { Alert } from "../../roomStore";
import { useRoom, useRoomServices } from "../RoomContext";
import { eventSentence } from "../words";

const agoText = (ms: number) => (ms < 1000 ? "just before" : `${Math.round(ms / 1000)} s before`);

function AlertItem({ alert }: { alert: Alert }) {
  const { store } = useRoomServices();
  const names = useRoom((s) => s.people);
  const nameOf = (id: string) => names[id]?.pseudonym ?? (id === alert.target ? alert.targetPseudonym : undefined) ?? "someone who has left";
  const time = new Date(alert.at).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  return (
    <li className={alert.seen ? "alert seen" : "alert"}>
      {alert.kind === "moment" ? (
        <p>
          <strong>{alert.pseudonym}</strong> ({seatText(alert.seat)}) needs a moment. <span className="hint">{time}</span>
        </p>
      ) : (
        <>
          <p>
            <strong>{alert.pseudonym}</strong> ({seatText(alert.seat)}) reported <strong>{alert.targetPseudonym ?? "someone"}</strong>
            {alert.reason ? `: ${REPORT_REASON_WORDS[alert.reason]}` : ""}. <span className="hint">{time}</span>
          </p>
          {alert.events && alert.events.length > 0 && (
            <details>
              <summary>What happened in the minute before</summary>
              <ol className="events">
                {alert.events.map((e, i) => (
                  <li key={i}>
                    {eventSentence(e, nameOf(e.who))} <span className="hint">({agoText(e.ago)})</span>
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
      {alert.seen ? (
        <p className="hint">Seen</p>
      ) : (
        <button type="button" className="small" onClick={() => markAlertSeen(store, alert.id)}>
          Mark as seen
        </button>
      )}
    </li>
  );
}

/**
 * Private alerts, only here: who needs a moment and who reported whom, with their seat, and from
 * the chat who may need support (words of crisis) and which message was reported; marking one
 * seen tells its sender. Unseen first.
 */
export function ConsoleAlerts() {
  const { store } = useRoomServices();
  const alerts = useRoom((s) => s.alerts);
  const chatAlerts = useChatStore((s) => s.alerts);
  const { unseen, seen } = alertsInOrder(alerts);
  const fresh = unseen.length + chatAlerts.filter((a) => !a.seen).length;
  const chatSeen = (id: string) => markChatAlertSeen(useChatStore, id, (type, payload) => store.getState().send(type, payload));
  return (
    <section aria-labelledby="console-alerts" className="console-section">
      <h3 id="console-alerts">
        Private alerts {fresh > 0 && <span className="badge">{fresh} new</span>}
      </h3>
      {alerts.length === 0 && chatAlerts.length === 0 && <p className="hint">None. "I need a moment", reports and words of crisis in the chat appear here, and only here.</p>}
      <ChatAlertList onSeen={chatSeen} />
      <ul className="alerts" aria-live="polite">
        {unseen.map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
      </ul>
      {seen.length > 0 && (
        <details>
          <summary>Seen ({seen.length})</summary>
          <ul className="alerts">
            {seen.map((a) => (
              <AlertItem key={a.id} alert={a} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
