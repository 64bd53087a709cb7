import { Text } from "@react-three/drei";
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import type { Mesh, Object3D } from "three";
import { FONT_BOLD, FONT_REGULAR } from "../scene/font";
import { frame } from "../state/frame";
import { useAppStore } from "../state/store";
import { createHaloMaterial, createOrbMaterial, createRingMaterial, orbUniforms } from "../scene/orb/orbMaterials";
import { createOrbLook, cycleProgress, orbLookAt } from "../scene/orb/orbLook";

/** Distance from the eyes, m: far enough to rest the eyes on, near enough to feel present. */
export const ORB_DISTANCE = 1.7;

/** troika's Text mesh: the fields we set imperatively. */
interface TroikaText extends Object3D {
  text: string;
  sync(): void;
}

// Reused every frame: the orb's look is computed into this, never allocated.
const look = createOrbLook();

/**
 * The breathing pacer: an orb that grows on the in-breath, rests on holds and
 * shrinks on the out-breath (following `frame.fullness`, already eased), a
 * ring showing progress through the cycle, and the caption and count. With
 * reduced motion its size stays put and only its brightness follows the breath.
 * Everything is mutated in the frame loop; React renders it once.
 */
export function BreathingOrb({ color = "#8fc2ee" }: { color?: string }) {
  const orb = useRef<Mesh>(null);
  const halo = useRef<Mesh>(null);
  const caption = useRef<TroikaText>(null);
  const count = useRef<TroikaText>(null);
  const materials = useMemo(
    () => ({ orb: createOrbMaterial(color), halo: createHaloMaterial(color), ring: createRingMaterial("#fff4dc") }),
    [color],
  );
  useEffect(
    () => () => {
      materials.orb.dispose();
      materials.halo.dispose();
      materials.ring.dispose();
    },
    [materials],
  );

  useFrame(() => {
    const { reducedMotion } = useAppStore.getState().settings;
    orbLookAt(frame.fullness, reducedMotion, look);
    orb.current?.scale.setScalar(look.radius);
    halo.current?.scale.setScalar(look.radius * 5);
    orbUniforms.uBrightness.value = look.brightness;
    orbUniforms.uStrength.value = look.halo;
    orbUniforms.uProgress.value = cycleProgress(frame);
    // troika re-lays out text on sync(); do it only when the words change.
    const c = caption.current;
    if (c && c.text !== frame.caption) {
      c.text = frame.caption;
      c.sync();
    }
    const n = count.current;
    const countText = frame.kind === "breathing" && frame.count > 0 ? String(frame.count) : "";
    if (n && n.text !== countText) {
      n.text = countText;
      n.sync();
    }
  });

  return (
    <group position={[0, 0, -ORB_DISTANCE]}>
      <mesh ref={halo} material={materials.halo} position-z={-0.05} renderOrder={1}>
        <planeGeometry />
      </mesh>
      <mesh ref={orb} material={materials.orb} name="breathing-orb">
        <sphereGeometry args={[1, 48, 32]} />
      </mesh>
      <mesh material={materials.ring} renderOrder={2}>
        <ringGeometry args={[0.3, 0.312, 96]} />
      </mesh>
      <Text ref={count} font={FONT_BOLD} fontSize={0.09} position={[0, 0.4, 0]} color="#fff8ec" anchorX="center" anchorY="middle">
        {""}
      </Text>
      <Text
        ref={caption}
        font={FONT_REGULAR}
        fontSize={0.075}
        maxWidth={1.1}
        textAlign="center"
        position={[0, -0.42, 0]}
        color="#fff8ec"
        outlineWidth={0.004}
        outlineColor="#1b2033"
        anchorX="center"
        anchorY="top"
      >
        {""}
      </Text>
    </group>
  );
}
