import { exerciseName, EXERCISES } from "../../../core/exercises";
import { PracticeCaption } from "../../practice/PracticeCaption";
import { DomPacer } from "./DomPacer";
import { breatheAlone } from "./roomActions";
import { useRoom, useRoomServices } from "./RoomContext";
import { WAITING_WORDS } from "./words";

const nameOf = (patternId: string) => {
  const exercise = EXERCISES.find((e) => e.id === patternId);
  return exercise ? exerciseName(exercise) : "Breathing";
};

/**
 * The middle of the circle: the pacer and its words when the group breathes (or this person
 * breathes on their own), otherwise who holds the talking piece.
 */
export function CircleCentre() {
  const { store } = useRoomServices();
  const shared = useRoom((s) => (s.practice.running ? s.practice.patternId : ""));
  const alone = useRoom((s) => s.waitingSince >= 0);
  const holder = useRoom((s) => s.people[s.pieceHolder]);
  const me = useRoom((s) => s.me);
  return (
    <div className="circle-centre">
      <DomPacer />
      <div className="centre-words">
        {shared ? (
          <p className="practice-name">{nameOf(shared)}, together</p>
        ) : alone ? (
          <p className="practice-name">Breathing on your own</p>
        ) : holder ? (
          <p className="piece-note">{holder.id === me ? "You have the talking piece" : `${holder.pseudonym} has the talking piece`}</p>
        ) : null}
        <PracticeCaption />
        {!shared && alone && (
          <button type="button" className="secondary" onClick={() => breatheAlone(store, false)}>
            {WAITING_WORDS.stopBreathing}
          </button>
        )}
      </div>
    </div>
  );
}
