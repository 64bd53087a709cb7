import { useShallow } from "zustand/react/shallow";
import { Role, mayActOn, mayPerform, type TargetedAction } from "../../../../core/protocol";
import { presenceWords } from "../../presence";
import type { Person } from "../../roomStore";
import { useRoom, useRoomServices } from "../RoomContext";
import { ConfirmButton } from "./ConfirmButton";

/** A targeted action's button: enabled exactly when the server would accept it from this role on this person. */
function Act({
  action,
  label,
  name,
  person,
  role,
  disabled = false,
}: {
  action: TargetedAction;
  label: string;
  /** the button's full name, with the person's pseudonym */
  name: string;
  person: Person;
  role: Role;
  disabled?: boolean;
}) {
  const { store } = useRoomServices();
  const payload = action === "givePiece" ? { to: person.id } : { target: person.id };
  return (
    <button
      type="button"
      className="secondary small"
      aria-label={name}
      disabled={disabled || !mayActOn(role, action, person.role)}
      onClick={() => store.getState().send(action, payload)}
    >
      {label}
    </button>
  );
}

function Row({ person, role, me }: { person: Person; role: Role; me: string }) {
  const { store } = useRoomServices();
  const pieceHolder = useRoom((s) => s.pieceHolder);
  const handQueue = useRoom((s) => s.handQueue);
  const words = presenceWords(person, { pieceHolder, handQueue });
  const self = person.id === me;
  const name = person.pseudonym;
  return (
    <li>
      <span className="person-name">
        {person.pseudonym}
        {self && " (you)"} <span className="hint">seat {person.seat}</span>
      </span>
      {words.length > 0 && <span className="hint">{words.join(" · ")}</span>}
      {!self && (
        <span className="row-actions">
          {person.muted ? (
            <Act action="unmute" label="Unmute" name={`Unmute ${name}`} person={person} role={role} />
          ) : (
            <Act action="mute" label="Mute" name={`Mute ${name}`} person={person} role={role} />
          )}
          <Act action="givePiece" label="Give piece" name={`Give the talking piece to ${name}`} person={person} role={role} disabled={pieceHolder === person.id} />
          {mayPerform(role, "promote") &&
            (person.role === Role.cofacilitator ? (
              <Act action="demote" label="Make participant" name={`Make ${name} a participant again`} person={person} role={role} />
            ) : (
              <Act action="promote" label="Make co-facilitator" name={`Make ${name} a co-facilitator`} person={person} role={role} />
            ))}
          <ConfirmButton
            label="Remove"
            accessibleLabel={`Remove ${person.pseudonym}`}
            question={`Remove ${person.pseudonym} from the circle? They cannot come back to this session.`}
            confirm="Remove"
            disabled={!mayActOn(role, "remove", person.role)}
            onConfirm={() => store.getState().send("remove", { target: person.id })}
          />
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
