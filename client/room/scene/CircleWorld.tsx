import { useFrame } from "@react-three/fiber";
import { useRef, type ReactNode } from "react";
import type { Group } from "three";
import { circleRadius, seatPlacement } from "../../../core/circle";
import { anchor } from "../../xr/comfort";
import { circleFrame, type CircleFrame } from "../circleFrame";

const placement = { x: 0, z: 0, yaw: 0 };

/**
 * Puts the circle around the viewer: its children are in the circle's frame (centre at the
 * origin, floor at y = 0), and this person's own seat lands on the floor under their head,
 * facing the centre. On a screen that is the camera's place; in a headset it is where they sat
 * when the session began or they last recentered (the comfort anchor) — the circle never moves
 * the person, only "Recenter" moves the circle.
 */
export function CircleWorld({ circle = circleFrame, children }: { circle?: CircleFrame; children: ReactNode }) {
  const outer = useRef<Group>(null);
  const inner = useRef<Group>(null);
  const applied = useRef({ anchor: -1, circle: -1 });
  useFrame(() => {
    const o = outer.current;
    const i = inner.current;
    if (!o || !i) return;
    if (applied.current.anchor !== anchor.version) {
      applied.current.anchor = anchor.version;
      o.position.set(anchor.x, 0, anchor.z);
      o.rotation.set(0, anchor.yaw, 0);
    }
    if (applied.current.circle !== circle.version) {
      applied.current.circle = circle.version;
      // The inverse of this person's seat placement: their seat to the origin, facing −z.
      seatPlacement(circle.mySeat, circle.places, placement);
      i.rotation.set(0, -placement.yaw, 0);
      i.position.set(0, 0, -circleRadius(circle.places));
    }
  }, -2);
  return (
    <group ref={outer}>
      <group ref={inner} name="circle-world">
        {children}
      </group>
    </group>
  );
}
