import type { CSSProperties } from "react";
import { LOOK_COLOURS } from "../looks";
import type { Person } from "../roomStore";
import { REACTION_ICONS, REACTION_NAMES, StoneIcon } from "./icons";
import { useRoom } from "./RoomContext";
import { presenceWords } from "../presence";

/**
 * One person at their place in the circle: their colour, name and what they are doing, in words
 * (read by screen readers and shown to everyone). A reaction floats up from the seat for a moment.
 */
export function Seat({ person, angle, isMe }: { person: Person; angle: number; isMe: boolean }) {
  const holdsPiece = useRoom((s) => s.pieceHolder === person.id);
  const pieceHolder = useRoom((s) => s.pieceHolder);
  const handQueue = useRoom((s) => s.handQueue);
  const hidden = useRoom((s) => Boolean(s.hidden[person.id]));
  const reaction = useRoom((s) => (hidden ? undefined : s.reactions.findLast((r) => r.from === person.id)));
  const states = presenceWords(person, { pieceHolder, handQueue });
  if (hidden) states.push("Hidden by you");
  const classes = ["seat", isMe && "me", person.speaking && "speaking", holdsPiece && "holds-piece", (person.away || !person.connected) && "dim", hidden && "hidden-person"];
  const ReactionIcon = reaction ? REACTION_ICONS[reaction.kind] : null;
  return (
    <li className={classes.filter(Boolean).join(" ")} style={{ "--x": Math.cos(angle).toFixed(4), "--y": Math.sin(angle).toFixed(4) } as CSSProperties}>
      <span className="seat-disc" style={{ background: LOOK_COLOURS[person.look]?.main }} aria-hidden="true">
        {holdsPiece && <StoneIcon />}
      </span>
      <span className="seat-name">
        {person.pseudonym}
        {isMe && <span className="you"> (you)</span>}
      </span>
      {states.length > 0 && (
        <span className="seat-states">
          {states.map((word) => (
            <span key={word}>{word}</span>
          ))}
        </span>
      )}
      {reaction && ReactionIcon && (
        <span key={reaction.key} className="seat-reaction" aria-hidden="true">
          <ReactionIcon /> {REACTION_NAMES[reaction.kind]}
        </span>
      )}
    </li>
  );
}
