import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Person } from "../roomStore";
import { ReportForm } from "./ReportForm";
import { useRoom, useRoomServices } from "./RoomContext";

function PersonRow({ person, holdPiece, onReport }: { person: Person; holdPiece: boolean; onReport: () => void }) {
  const { store } = useRoomServices();
  const hidden = useRoom((s) => Boolean(s.hidden[person.id]));
  const name = person.pseudonym;
  return (
    <li>
      <span className={person.speaking ? "person-name speaking" : "person-name"}>
        {name}
        {person.speaking && <span className="hint"> · Speaking</span>}
      </span>
      <span className="row-actions">
        <button
          type="button"
          className="secondary small"
          aria-pressed={hidden}
          aria-label={`Hide ${name}`}
          onClick={() => (hidden ? store.getState().unhide(person.id) : store.getState().hide(person.id))}
        >
          Hide
        </button>
        <button type="button" className="secondary small" aria-label={`Report ${name}`} onClick={onReport}>
          Report…
        </button>
        {holdPiece && (
          <button type="button" className="small" aria-label={`Pass the talking piece to ${name}`} onClick={() => store.getState().send("passPiece", { to: person.id })}>
            Pass the piece
          </button>
        )}
      </span>
    </li>
  );
}

/**
 * Everyone else in the circle, with what this person can do about each: hide them (on this device,
 * for this session), report them to the facilitators, and pass the talking piece while holding it.
 */
export function PeoplePanel() {
  const others = useRoom(useShallow((s) => Object.values(s.people).filter((p) => p.id !== s.me).sort((a, b) => a.seat - b.seat)));
  const holdPiece = useRoom((s) => s.pieceHolder !== "" && s.pieceHolder === s.me);
  const [reporting, setReporting] = useState<Person | null>(null);
  if (reporting) return <ReportForm person={reporting} onDone={() => setReporting(null)} />;
  if (!others.length) return <p>Nobody else is here yet.</p>;
  return (
    <>
      <p className="hint">Hiding someone fades them out for you only, for this session. A report goes privately to the facilitators.</p>
      <ul className="people">
        {others.map((p) => (
          <PersonRow key={p.id} person={p} holdPiece={holdPiece} onReport={() => setReporting(p)} />
        ))}
      </ul>
    </>
  );
}
