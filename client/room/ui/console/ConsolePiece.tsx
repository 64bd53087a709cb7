import type { Role } from "../../../../core/protocol";
import { pieceActions, pieceSentence, queueNames, runAction } from "../../consoleActions";
import { usePieceState, useRoomServices } from "../RoomContext";

/** The talking piece and the raised hands, in the order they were raised. */
export function ConsolePiece({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const state = usePieceState();
  const queue = queueNames(state);
  return (
    <section aria-labelledby="console-piece" className="console-section">
      <h3 id="console-piece">Talking piece and hands</h3>
      <p>{pieceSentence(state)}</p>
      {queue.length === 0 ? (
        <p className="hint">No hands raised.</p>
      ) : (
        <ol className="queue" aria-label="Raised hands, first raised first">
          {queue.map((name, i) => (
            <li key={state.handQueue[i]}>{name}</li>
          ))}
        </ol>
      )}
      <p className="actions">
        {pieceActions(role, state).map((a) => (
          <button key={a.key} type="button" className={a.primary ? undefined : "secondary"} disabled={!a.enabled} onClick={() => runAction(store, a)}>
            {a.label}
          </button>
        ))}
      </p>
    </section>
  );
}
