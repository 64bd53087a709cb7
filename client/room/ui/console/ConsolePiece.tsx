import { mayPerform, type Role } from "../../../../core/protocol";
import { useRoom, useRoomServices } from "../RoomContext";

/** The talking piece and the raised hands, in the order they were raised. */
export function ConsolePiece({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const holder = useRoom((s) => (s.pieceHolder ? (s.people[s.pieceHolder]?.pseudonym ?? "") : ""));
  const mine = useRoom((s) => s.pieceHolder !== "" && s.pieceHolder === s.me);
  const queue = useRoom((s) => s.handQueue);
  const people = useRoom((s) => s.people);
  return (
    <section aria-labelledby="console-piece" className="console-section">
      <h3 id="console-piece">Talking piece and hands</h3>
      <p>{mine ? "You have the talking piece." : holder ? `${holder} has the talking piece.` : "Nobody has the talking piece."}</p>
      {queue.length === 0 ? (
        <p className="hint">No hands raised.</p>
      ) : (
        <ol className="queue" aria-label="Raised hands, first raised first">
          {queue.map((id) => (
            <li key={id}>{people[id]?.pseudonym ?? "Someone"}</li>
          ))}
        </ol>
      )}
      <p className="actions">
        <button type="button" disabled={queue.length === 0 || !mayPerform(role, "callNext")} onClick={() => store.getState().send("callNext")}>
          Call next{queue[0] && people[queue[0]] ? `: ${people[queue[0]]!.pseudonym}` : ""}
        </button>
        <button type="button" className="secondary" disabled={mine || !mayPerform(role, "takePiece")} onClick={() => store.getState().send("takePiece")}>
          Take the piece
        </button>
      </p>
    </section>
  );
}
