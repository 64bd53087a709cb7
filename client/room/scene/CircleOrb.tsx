import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { Vector3, type Group } from "three";
import { circlePlaces, circleRadius } from "../../../core/circle";
import { BreathingOrb, ORB_DISTANCE } from "../../scene/orb/BreathingOrb";
import { SEATED_EYE_HEIGHT, anchor } from "../../xr/comfort";
import { useRoomStore } from "../roomStore";

/**
 * How far below the viewer's eyes the orb's centre floats, m: for someone seated (eyes at 1.2 m)
 * 1.05 m above the floor. Kept the same standing, so the caption under the orb is seen at the same
 * angle, above the in-VR boards (which hang from the eyes too), whether the person sits or stands.
 */
export const ORB_BELOW_EYES = 0.15;
/** Eye heights the orb follows, m: from sitting on the floor to a tall person standing. */
const LOWEST_EYES = 0.8;
const HIGHEST_EYES = 2.1;
/** How quickly the orb glides to a new height (a recenter after standing up), per second. */
const GLIDE = 2;

// Scratch: the viewer's head in the circle's frame, read without allocating.
const head = new Vector3();

/**
 * The orb's height, set in the frame loop (no React render): a little below the viewer's eyes, read
 * from the camera when the orb appears (a practice starts) and again whenever the content is
 * re-anchored (a headset session begins, "Recenter", seated or standing changes). It does not
 * follow every nod of the head: only those moments move it, gliding there once it is in view.
 */
function useEyeLevel() {
  const level = useRef<Group>(null);
  const eyes = useRef({ target: SEATED_EYE_HEIGHT - ORB_BELOW_EYES, sampled: -1, placed: false });
  useFrame(({ camera }, delta) => {
    const g = level.current;
    const e = eyes.current;
    if (!g?.parent) return;
    if (e.sampled !== anchor.version) {
      camera.getWorldPosition(head);
      g.parent.worldToLocal(head);
      // The XR camera has no pose until the first tracked frame: keep the height, try the next frame.
      if (head.y > 0.3) {
        e.target = Math.min(HIGHEST_EYES, Math.max(LOWEST_EYES, head.y)) - ORB_BELOW_EYES;
        e.sampled = anchor.version;
      }
    }
    if (!e.placed) {
      g.position.y = e.target;
      e.placed = e.sampled >= 0;
    } else if (g.position.y !== e.target) {
      g.position.y += (e.target - g.position.y) * Math.min(1, delta * GLIDE);
      if (Math.abs(e.target - g.position.y) < 1e-3) g.position.y = e.target;
    }
  });
  return level;
}

/**
 * The calm space's orb in the middle of the circle, while a shared exercise runs (or this person
 * breathes on their own while the circle waits). It follows the same ticker as the captions, so
 * everyone's orb is at the same phase. Sized up for its distance so it looks as it does alone;
 * each person's own orb floats at their own eye level and turns to face them.
 */
export function CircleOrb() {
  const on = useRoomStore((s) => s.practice.running || s.waitingSince >= 0);
  const places = useRoomStore((s) => {
    let highest = 0;
    for (const id in s.people) highest = Math.max(highest, s.people[id]!.seat);
    return circlePlaces(s.session.capacity, highest);
  });
  return on ? <EyeLevelOrb scale={(circleRadius(places) / ORB_DISTANCE) * 0.9} /> : null;
}

function EyeLevelOrb({ scale }: { scale: number }) {
  const level = useEyeLevel();
  // Named for tests that read the scene.
  return (
    <group ref={level} name="circle-orb" position-y={SEATED_EYE_HEIGHT - ORB_BELOW_EYES}>
      <BreathingOrb position={[0, 0, 0]} scale={scale} faceViewer />
    </group>
  );
}
