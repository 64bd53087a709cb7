import { RECONNECT_SECONDS } from "../../../core/protocol";
import { useRoom, useRoomServices } from "./RoomContext";

/** While the connection is down and the SDK is trying again: visible, and announced once. */
export function ReconnectingBanner() {
  const reconnecting = useRoom((s) => s.phase === "reconnecting");
  const moving = useRoom((s) => s.moving);
  return (
    <div className="room-banner" role="status">
      {reconnecting && moving && (
        <p>
          <strong>Moving you to another room…</strong> Same circle, same seat; nothing to do.
        </p>
      )}
      {reconnecting && !moving && (
        <p>
          <strong>Reconnecting…</strong> Your seat is kept for {RECONNECT_SECONDS} seconds.
        </p>
      )}
    </div>
  );
}

/** The last refused action, in a few kind words, until the person dismisses it or does something else. */
export function NoticeBar() {
  const { store } = useRoomServices();
  const notice = useRoom((s) => s.notice);
  return (
    <div className="room-notice" role="status">
      {notice && (
        <p>
          {notice}{" "}
          <button type="button" className="secondary small" onClick={() => store.setState({ notice: "" })}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
