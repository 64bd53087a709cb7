import { useEffect, useMemo } from "react";
import type { InstancedMesh } from "three";
import { Motes } from "../Motes";
import { SkyDome, type SkyLook } from "../SkyDome";
import { createCanopyGeometry, createTrunkGeometry, layoutTrees } from "./trees";

const SUN: [number, number, number] = [0.5, 0.6, -0.62];
const HAZE = "#d9d8b3";

const SKY: SkyLook = {
  top: "#5f93ad",
  mid: "#9ebfb7",
  horizon: "#e8dfb2",
  haze: HAZE,
  hazeAmount: 0.5,
  sunDirection: SUN,
  glowColor: "#fff1c4",
  glow: 0.55,
};

const TREE_COUNT = 140;
const MOTE_RADIUS: [number, number] = [1.5, 9];
const MOTE_HEIGHT: [number, number] = [0.3, 3.5];

/**
 * A forest clearing: a ring of low-poly conifers (instanced: one draw call for
 * all canopies, one for all trunks), soft light, drifting pollen. About 6 draw calls.
 */
export function Forest() {
  const canopy = useMemo(() => createCanopyGeometry(), []);
  const trunk = useMemo(() => createTrunkGeometry(), []);
  const layout = useMemo(() => layoutTrees(TREE_COUNT, 14, 70), []);
  useEffect(
    () => () => {
      canopy.dispose();
      trunk.dispose();
    },
    [canopy, trunk],
  );

  const fill = (colored: boolean) => (mesh: InstancedMesh | null) => {
    if (!mesh) return;
    layout.matrices.forEach((m, i) => mesh.setMatrixAt(i, m));
    if (colored) layout.colors.forEach((c, i) => mesh.setColorAt(i, c));
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  };

  return (
    <>
      <SkyDome look={SKY} />
      <fog attach="fog" args={["#d9dcc4", 25, 140]} />
      <hemisphereLight args={["#dfe8e0", "#4e5a36", 1.3]} />
      <directionalLight position={[SUN[0] * 40, SUN[1] * 40, SUN[2] * 40]} color="#fff0d6" intensity={1.4} />
      {/* Ground meshes surround the viewer, so culling can only be wrong (emulated headsets' frusta). */}
      <mesh rotation-x={-Math.PI / 2} frustumCulled={false}>
        <circleGeometry args={[160, 48]} />
        <meshLambertMaterial color="#6f8a4e" />
      </mesh>
      {/* A softer, lighter patch of grass where the person sits. */}
      <mesh rotation-x={-Math.PI / 2} position-y={0.01} frustumCulled={false}>
        <circleGeometry args={[7, 40]} />
        <meshLambertMaterial color="#8aa35e" transparent opacity={0.6} />
      </mesh>
      <instancedMesh ref={fill(true)} args={[canopy, undefined, TREE_COUNT]}>
        <meshLambertMaterial flatShading />
      </instancedMesh>
      <instancedMesh ref={fill(false)} args={[trunk, undefined, TREE_COUNT]}>
        <meshLambertMaterial color="#5b4636" />
      </instancedMesh>
      <Motes count={70} radius={MOTE_RADIUS} height={MOTE_HEIGHT} color="#f6e7a8" size={18} seed={3} />
    </>
  );
}
