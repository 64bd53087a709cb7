import { circlePlaces, circleRadius } from "../../../core/circle";
import { BreathingOrb, ORB_DISTANCE } from "../../scene/orb/BreathingOrb";
import { useRoomStore } from "../roomStore";

/** Height of the orb's centre above the floor, m: a little below seated eye level. */
const ORB_HEIGHT = 1.05;

/**
 * The calm space's orb in the middle of the circle, while a shared exercise runs (or this person
 * breathes on their own while the circle waits). It follows the same ticker as the captions, so
 * everyone's orb is at the same phase. Sized up for its distance so it looks as it does alone.
 */
export function CircleOrb() {
  const on = useRoomStore((s) => s.practice.running || s.waitingSince >= 0);
  const places = useRoomStore((s) => {
    let highest = 0;
    for (const id in s.people) highest = Math.max(highest, s.people[id]!.seat);
    return circlePlaces(s.session.capacity, highest);
  });
  if (!on) return null;
  // Named for tests that read the scene.
  return (
    <group name="circle-orb">
      <BreathingOrb position={[0, ORB_HEIGHT, 0]} scale={(circleRadius(places) / ORB_DISTANCE) * 0.9} />
    </group>
  );
}
