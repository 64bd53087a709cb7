import { useFrame } from "@react-three/fiber";
import { Suspense, useEffect, useMemo, useRef } from "react";
import { Vector3, type Group, type Mesh } from "three";
import { frame } from "../../state/frame";
import { LazyOrbCaption } from "../../xr/headsetOnly";
import { useAppStore } from "../../state/store";
import { createHaloMaterial, createOrbMaterial, createRingMaterial, orbUniforms } from "./orbMaterials";
import { createOrbLook, cycleProgress, orbLookAt } from "./orbLook";

/** Distance from the eyes, m: far enough to rest the eyes on, near enough to feel present. */
export const ORB_DISTANCE = 1.7;

const DEFAULT_POSITION = [0, 0, -ORB_DISTANCE] as const;

/** How bright the orb stays behind crisis help, 0..1. */
const DIMMED = 0.3;

// Reused every frame: the orb's look is computed into this, never allocated.
const look = createOrbLook();
// Reused every frame: the viewer's head in the orb's parent frame, when the orb turns to face them.
const viewer = new Vector3();

/**
 * The breathing pacer: an orb that grows on the in-breath, rests on holds and
 * shrinks on the out-breath (following `frame.fullness`, already eased), a
 * ring showing progress through the cycle, and in a headset the caption and count. With
 * reduced motion its size stays put and only its brightness follows the breath.
 * Everything is mutated in the frame loop; React renders it once.
 */
export function BreathingOrb({
  color,
  position = DEFAULT_POSITION,
  scale = 1,
  faceViewer = false,
}: {
  /** a fixed colour (CSS); by default the orb takes the tint of the place it is in */
  color?: string;
  /** where the orb floats in its parent, m (default: ORB_DISTANCE in front of the eyes) */
  position?: readonly [number, number, number];
  /** size relative to the calm space's orb, for a circle's orb seen from further away */
  scale?: number;
  /**
   * Turn about the vertical to face the viewer's head every frame, as the calm space's orb faces
   * them by hanging in front of their eyes: for an orb out in the world (the middle of a circle),
   * so its halo, ring and caption are never seen at a slant from a seat to one side.
   */
  faceViewer?: boolean;
}) {
  const group = useRef<Group>(null);
  const orb = useRef<Mesh>(null);
  const halo = useRef<Mesh>(null);
  const inXr = useAppStore((s) => s.xrMode !== null);
  // Crisis help stands in front of the orb: its words step aside entirely.
  const crisisOpen = useAppStore((s) => s.crisisOpen);
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

  useFrame(({ camera }, delta) => {
    const g = group.current;
    if (faceViewer && g?.parent) {
      camera.getWorldPosition(viewer);
      g.parent.worldToLocal(viewer);
      // Level: only the heading turns, so the caption's lines stay horizontal. Planes face +z.
      g.rotation.y = Math.atan2(viewer.x - g.position.x, viewer.z - g.position.z);
    }
    const { settings, crisisOpen } = useAppStore.getState();
    orbLookAt(frame.fullness, settings.reducedMotion, look);
    // Behind crisis help the orb fades back (over about half a second) so the help stands out.
    orbUniforms.uDim.value += ((crisisOpen ? DIMMED : 1) - orbUniforms.uDim.value) * Math.min(1, delta * 5);
    orb.current?.scale.setScalar(look.radius);
    halo.current?.scale.setScalar(look.radius * 7);
    orbUniforms.uBrightness.value = look.brightness;
    orbUniforms.uStrength.value = look.halo;
    orbUniforms.uProgress.value = cycleProgress(frame);
  });

  return (
    <group ref={group} position={position as [number, number, number]} scale={scale}>
      <mesh ref={halo} material={materials.halo} position-z={-0.05} renderOrder={1}>
        <planeGeometry />
      </mesh>
      <mesh ref={orb} material={materials.orb} name="breathing-orb">
        <sphereGeometry args={[1, 48, 32]} />
      </mesh>
      <mesh material={materials.ring} renderOrder={2}>
        <ringGeometry args={[0.3, 0.312, 96]} />
      </mesh>
      {inXr && !crisisOpen && (
        <Suspense fallback={null}>
          <LazyOrbCaption distance={-position[2] * scale || ORB_DISTANCE} />
        </Suspense>
      )}
    </group>
  );
}
