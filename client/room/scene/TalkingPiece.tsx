import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import type { Group } from "three";
import { seatPlacement, seatToWorld } from "../../../core/circle";
import { LAP_LEFT, LAP_RIGHT } from "../poseSender";
import { circleFrame, type CircleFrame } from "../circleFrame";

const placement = { x: 0, z: 0, yaw: 0 };
const world = [0, 0, 0];

/**
 * The talking piece: a smooth, softly glowing stone resting between its holder's hands (or in
 * this person's own lap when they hold it), so everyone sees at a glance who has the floor.
 * Hidden when nobody holds it. Two meshes, whoever holds it.
 */
export function TalkingPiece({ circle = circleFrame, me }: { circle?: CircleFrame; me: string }) {
  const group = useRef<Group>(null);
  useFrame(({ clock }) => {
    const g = group.current;
    if (!g) return;
    const holder = circle.pieceHolder;
    const remote = holder ? circle.people.get(holder) : undefined;
    if (remote && !remote.hidden) {
      const at = remote.at;
      // Between the hands, a little above them: cupped, as a stone is held.
      g.position.set((at[3]! + at[6]!) / 2, Math.max(at[4]!, at[7]!) + 0.05, (at[5]! + at[8]!) / 2);
      g.visible = true;
    } else if (holder && holder === me) {
      seatPlacement(circle.mySeat, circle.places, placement);
      seatToWorld(placement, (LAP_LEFT[0] + LAP_RIGHT[0]) / 2, LAP_LEFT[1] + 0.08, LAP_LEFT[2] - 0.08, world);
      g.position.set(world[0]!, world[1]!, world[2]!);
      g.visible = true;
    } else {
      g.visible = false;
      return;
    }
    // A very slow glow, like a breath; nothing that flickers.
    g.scale.setScalar(1 + 0.04 * Math.sin(clock.elapsedTime * 0.9));
  });
  return (
    <group ref={group} name="talking-piece" visible={false}>
      <mesh scale={[1, 0.62, 0.8]}>
        <sphereGeometry args={[0.06, 24, 16]} />
        <meshBasicMaterial color="#ffe2a8" toneMapped={false} />
      </mesh>
      <mesh>
        <sphereGeometry args={[0.1, 16, 12]} />
        <meshBasicMaterial color="#ffd27a" transparent opacity={0.22} depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
