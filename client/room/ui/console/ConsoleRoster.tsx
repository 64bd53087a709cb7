import { useShallow } from "zustand/react/shallow";
import type { Role } from "../../../../core/protocol";
import { personActions, runAction } from "../../consoleActions";
import { presenceWords } from "../../presence";
import type { Person } from "../../roomStore";
import { useRoom, useRoomServices } from "../RoomContext";
import { ConfirmButton } from "./ConfirmButton";

function Row({ person, role, me }: { person: Person; role: Role; me: string }) {
  const { store } = useRoomServices();
  const pieceHolder = useRoom((s) => s.pieceHolder);
  const handQueue = useRoom((s) => s.handQueue);
  const words = presenceWords(person, { pieceHolder, handQueue });
  const actions = personActions(role, person, { me, pieceHolder });
  return (
    <li>
      <span className="person-name">
        {person.pseudonym}
        {person.id === me && " (you)"} <span className="hint">seat {person.seat}</span>
      </span>
      {words.length > 0 && <span className="hint">{words.join(" · ")}</span>}
      {actions.length > 0 && (
        <span className="row-actions">
          {actions.map((a) =>
            a.confirm ? (
              <ConfirmButton
                key={a.key}
                label={a.label}
                accessibleLabel={a.name}
                question={a.confirm.question}
                confirm={a.confirm.yes}
                disabled={!a.enabled}
                onConfirm={() => runAction(store, a)}
              />
            ) : (
              <button key={a.key} type="button" className="secondary small" aria-label={a.name} disabled={!a.enabled} onClick={() => runAction(store, a)}>
                {a.label}
              </button>
            ),
          )}
        </span>
      )}
    </li>
  );
}

const bySeat = (a: Person, b: Person) => a.seat - b.seat;

/** Everyone seated, with what this facilitator or co-facilitator may do to each (greyed where the server would refuse). */
export function ConsoleRoster({ role }: { role: Role }) {
  const people = useRoom(useShallow((s) => Object.values(s.people).sort(bySeat)));
  const me = useRoom((s) => s.me);
  return (
    <ul className="roster">
      {people.map((p) => (
        <Row key={p.id} person={p} role={role} me={me} />
      ))}
    </ul>
  );
}
