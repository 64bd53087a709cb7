import { Role } from "../../../core/protocol";
import { useRoom, useRoomServices } from "./RoomContext";

/**
 * Before the facilitator opens the circle: a calm word that this is expected, and something to do
 * meanwhile — breathing on one's own (the circle's pacer, on this device's clock).
 */
export function WaitingCard() {
  const { store } = useRoomServices();
  const leading = useRoom((s) => s.people[s.me]?.role === Role.facilitator || s.people[s.me]?.role === Role.cofacilitator);
  const alone = useRoom((s) => s.waitingSince >= 0);
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
      {!alone && (
        <button type="button" onClick={() => store.setState({ waitingSince: performance.now() })}>
          Breathe on your own while you wait
        </button>
      )}
    </div>
  );
}
