import { Role } from "../../../core/protocol";
import { useRoom, useRoomServices } from "./RoomContext";

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
    <button type="button" onClick={() => store.setState({ waitingSince: performance.now() })}>
      Breathe on your own while you wait
    </button>
  );
  if (knocking) {
    return (
      <div className="card waiting">
        <div role="status">
          <h2>Waiting to be let in</h2>
          <p>The facilitator will let you into the circle soon. Until then nobody in the circle sees or hears you, and you don't see or hear them.</p>
        </div>
        <p className="actions">
          {breathe}
          <button type="button" className="secondary" onClick={leave}>
            Stop waiting
          </button>
        </p>
      </div>
    );
  }
  if (leading) {
    return (
      <div className="card waiting" role="status">
        <h2>The circle is waiting for you</h2>
        <p>People can arrive and settle. Open the circle from the console when you're ready.</p>
      </div>
    );
  }
  return (
    <div className="card waiting">
      <h2 role="status">The facilitator will open the circle soon</h2>
      <p>You're in, and your seat is kept. Take your time to settle.</p>
      {breathe}
    </div>
  );
}
