import type { CSSProperties } from "react";
import { useShallow } from "zustand/react/shallow";
import { circlePlaces } from "../../../core/circle";
import type { Person } from "../roomStore";
import { CircleCentre } from "./CircleCentre";
import { useRoom } from "./RoomContext";
import { Seat } from "./Seat";

const bySeat = (a: Person, b: Person) => a.seat - b.seat;

/**
 * The circle as DOM: everyone at their place around the centre (CSS, not canvas), this person at
 * the bottom as if sitting there, facing in. It is what screen readers follow in every mode, and
 * the whole room when there is no 3D (low data, no WebGL). A list in seat order.
 */
export function CircleView() {
  const people = useRoom(useShallow((s) => Object.values(s.people).sort(bySeat)));
  const me = useRoom((s) => s.me);
  const capacity = useRoom((s) => s.session.capacity);
  const mySeat = people.find((p) => p.id === me)?.seat ?? 0;
  const places = circlePlaces(capacity, people.reduce((max, p) => Math.max(max, p.seat), 0));
  // Seat k sits (k − mine) steps round from the bottom (90° in screen angles, y down).
  const angleOf = (seat: number) => Math.PI / 2 + (2 * Math.PI * (seat - mySeat)) / places;
  return (
    <div className="circle" style={{ "--places": places } as CSSProperties}>
      <div className="circle-ring" aria-hidden="true">
        {Array.from({ length: places }, (_, seat) => (
          <span key={seat} className="place" style={{ "--x": Math.cos(angleOf(seat)).toFixed(4), "--y": Math.sin(angleOf(seat)).toFixed(4) } as CSSProperties} />
        ))}
      </div>
      <CircleCentre />
      <ol className="seats" aria-label={`In the circle: ${people.length} ${people.length === 1 ? "person" : "people"}`}>
        {people.map((p) => (
          <Seat key={p.id} person={p} angle={angleOf(p.seat)} isMe={p.id === me} />
        ))}
      </ol>
    </div>
  );
}
