import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import type { Group } from "three";
import { circleFrame, type CircleFrame } from "../circleFrame";
import { AvatarInstances } from "./AvatarInstances";

/**
 * Everyone else in the circle (see `AvatarInstances`): built once, moved every frame before
 * anything that reads where they are (labels, the talking stone). React renders this once.
 */
export function Avatars({ circle = circleFrame }: { circle?: CircleFrame }) {
  const group = useRef<Group>(null);
  const avatars = useMemo(() => new AvatarInstances(circle), [circle]);
  useEffect(() => () => avatars.dispose(), [avatars]);
  useFrame(({ camera }) => {
    if (group.current) avatars.update(performance.now(), camera, group.current);
  }, -1);
  return (
    <group ref={group} name="avatars">
      <primitive object={avatars.bodies} />
      <primitive object={avatars.heads} />
      <primitive object={avatars.hands} />
    </group>
  );
}
