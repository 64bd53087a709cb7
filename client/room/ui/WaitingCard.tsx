import { Role } from "../../../core/protocol";
import { breatheAlone } from "./roomActions";
import { useRoom, useRoomServices } from "./RoomContext";
import { WAITING_WORDS } from "./words";

/**
 * Before being let in (admission is on), or before the facilitator opens the circle: a calm word
 * that this is expected, and something to do meanwhile — breathing on one's own (the circle's
 * pacer, on this device's clock).
 */
export function WaitingCard() {
  const { store, leave } = useRoomServices();
  const leading = useRoom((s) => s.people[s.me]?.role === Role.facilitator || s.people[s.me]?.role === Role.cofacilitator);
  const alone = useRoom((s) => s.waitingSince >= 0);
  const knocking = useRoom((s) => s.knocking);
  const breathe = !alone && (
    <button type="button" onClick={() => breatheAlone(store, true)}>
      {WAITING_WORDS.breathe}
    </button>
  );
  if (knocking) {
    return (
      <div className="card waiting">
        <div role="status">
          <h2>{WAITING_WORDS.knocking.title}</h2>
          <p>{WAITING_WORDS.knocking.body}</p>
        </div>
        <p className="actions">
          {breathe}
          <button type="button" className="secondary" onClick={leave}>
            {WAITING_WORDS.stopWaiting}
          </button>
        </p>
      </div>
    );
  }
  if (leading) {
    return (
      <div className="card waiting" role="status">
        <h2>{WAITING_WORDS.leading.title}</h2>
        <p>{WAITING_WORDS.leading.body}</p>
      </div>
    );
  }
  return (
    <div className="card waiting">
      <h2 role="status">{WAITING_WORDS.opening.title}</h2>
      <p>{WAITING_WORDS.opening.body}</p>
      {breathe}
    </div>
  );
}
