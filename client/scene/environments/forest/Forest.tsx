import { useEffect, useMemo } from "react";
import type { BufferGeometry, InstancedMesh } from "three";
import { useOrbTint } from "../../orb/useOrbTint";
import { createDiscGeometry } from "../discGeometry";
import { createGroundMaterial } from "../groundMaterial";
import { Motes } from "../Motes";
import { Ridges } from "../Ridges";
import type { RidgeLayer } from "../ridges";
import { SkyDome, type SkyLook } from "../SkyDome";
import { createBroadleafGeometry, createConiferGeometry, createTrunkGeometry, layoutTrees, type TreeLayout, type TreeRing } from "./trees";

/** Towards the sun: high up to the right, out of a level gaze, so only its warm light shows. */
const SUN: [number, number, number] = [0.5, 0.6, -0.62];
const HAZE = "#d9d8b3";
/** Soft leaf green. */
const ORB_TINT = "#b6e2a4";

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

const CONIFERS: TreeRing = {
  count: 80, inner: 13, outer: 70, size: 1.15, sizeSpread: 0.5, gapAhead: 26, seed: 7,
  palette: ["#2f5a43", "#3a6a4c", "#2b503d", "#44704f"],
};
const BROADLEAVES: TreeRing = {
  count: 55, inner: 11, outer: 60, size: 1.1, sizeSpread: 0.45, gapAhead: 30, seed: 19,
  palette: ["#6f9444", "#7fa24c", "#5f8a3e", "#8aa957"],
};
/** Low bushes at the clearing's edge: broadleaf crowns sunk into the ground. */
const BUSHES: TreeRing = {
  count: 30, inner: 8, outer: 18, size: 0.38, sizeSpread: 0.5, gapAhead: 3, sink: -3.1, seed: 23,
  palette: ["#6c9a48", "#7aa552", "#5f8c44"],
};

const MOTE_RADIUS: [number, number] = [1.5, 9];
const MOTE_HEIGHT: [number, number] = [0.3, 3.5];

/** The forest beyond the clearing: tree crowns as far hazy silhouettes. */
const TREELINES: readonly RidgeLayer[] = [
  { radius: 95, base: -1, height: [7, 11], detail: 9, fine: { height: 5, detail: 520 }, color: "#35573f", seed: 31 },
  { radius: 150, base: -2, height: [12, 22], detail: 6, fine: { height: 5, detail: 640 }, color: "#46654f", seed: 37 },
];

function Trees({ layout, geometry }: { layout: TreeLayout; geometry: BufferGeometry }) {
  const fill = (mesh: InstancedMesh | null) => {
    if (!mesh) return;
    layout.matrices.forEach((m, i) => mesh.setMatrixAt(i, m));
    layout.colors.forEach((c, i) => mesh.setColorAt(i, c));
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  };
  return (
    <instancedMesh ref={fill} args={[geometry, undefined, layout.matrices.length]}>
      <meshLambertMaterial vertexColors />
    </instancedMesh>
  );
}

/**
 * A forest clearing: conifers and broadleaf trees in a ring with bushes at its edge
 * (instanced: one draw call per kind), a far treeline in the haze, dappled grass,
 * drifting pollen. About 10 draw calls.
 */
export function Forest() {
  useOrbTint(ORB_TINT);
  const geometries = useMemo(
    () => ({ conifer: createConiferGeometry(), broadleaf: createBroadleafGeometry(), trunk: createTrunkGeometry(), tallTrunk: createTrunkGeometry(3.2) }),
    [],
  );
  const layouts = useMemo(() => ({ conifers: layoutTrees(CONIFERS), broadleaves: layoutTrees(BROADLEAVES), bushes: layoutTrees(BUSHES) }), []);
  const grass = useMemo(
    () => createGroundMaterial({ low: "#557838", high: "#7d9c4a", scale: 0.14, dapple: { color: "#e8d88a", amount: 0.16 } }),
    [],
  );
  // Rings that widen with distance: small triangles near the viewer keep the ground's pattern exact.
  const groundGeometry = useMemo(() => createDiscGeometry(170, 0.5, 1.12, 48), []);
  useEffect(
    () => () => {
      groundGeometry.dispose();
      Object.values(geometries).forEach((g) => g.dispose());
      grass.dispose();
    },
    [geometries, grass, groundGeometry],
  );
  const trunks = (layout: TreeLayout) => (mesh: InstancedMesh | null) => {
    if (!mesh) return;
    layout.matrices.forEach((m, i) => mesh.setMatrixAt(i, m));
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  };

  return (
    <>
      <SkyDome look={SKY} />
      <fogExp2 attach="fog" args={[HAZE, 0.007]} />
      <hemisphereLight args={["#e6efe0", "#4e5a36", 1.5]} />
      <directionalLight position={[SUN[0] * 40, SUN[1] * 40, SUN[2] * 40]} color="#fff0d6" intensity={1.5} />
      {/* Ground meshes surround the viewer, so culling can only be wrong (emulated headsets' frusta). */}
      <mesh material={grass} geometry={groundGeometry} frustumCulled={false} />
      <Ridges layers={TREELINES} segments={1400} />
      <Trees layout={layouts.conifers} geometry={geometries.conifer} />
      <Trees layout={layouts.broadleaves} geometry={geometries.broadleaf} />
      <Trees layout={layouts.bushes} geometry={geometries.broadleaf} />
      <instancedMesh ref={trunks(layouts.conifers)} args={[geometries.trunk, undefined, CONIFERS.count]}>
        <meshLambertMaterial color="#4f3d30" />
      </instancedMesh>
      <instancedMesh ref={trunks(layouts.broadleaves)} args={[geometries.tallTrunk, undefined, BROADLEAVES.count]}>
        <meshLambertMaterial color="#5b4a3a" />
      </instancedMesh>
      <Motes count={70} radius={MOTE_RADIUS} height={MOTE_HEIGHT} color="#f6e7a8" size={18} seed={3} />
    </>
  );
}
