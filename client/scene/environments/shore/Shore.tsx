import { useEffect, useMemo } from "react";
import { Object3D, type InstancedMesh } from "three";
import { SkyDome, type SkyLook } from "../SkyDome";
import { createWaterGeometry } from "./waterGeometry";
import { createWaterMaterial } from "./waterMaterial";

const SUN: [number, number, number] = [-0.32, 0.06, -1];

const SKY: SkyLook = {
  top: "#27305e",
  horizon: "#f0a488",
  bottom: "#d99a86",
  sunDirection: SUN,
  sunColor: "#ffcf9e",
  sunSize: 0.028,
  glow: 0.75,
  falloff: 0.42,
};

/** Sand slope: metres of drop per metre towards the sea. */
const SAND_SLOPE = 0.06;
const WATER_LEVEL = -0.4;

/** Distant headlands, [x, z, width, height] in m, hazy against the sunset. */
const HEADLANDS: readonly (readonly [number, number, number, number])[] = [
  [-260, -330, 120, 14],
  [-150, -360, 70, 8],
  [230, -300, 160, 18],
];

/**
 * A shoreline at dusk: a warm low sun, a long slow swell lapping a gentle
 * beach, headlands fading into haze. About 5 draw calls.
 */
export function Shore() {
  const water = useMemo(
    () =>
      createWaterMaterial({
        deep: "#232a4a",
        shallow: "#4c5b78",
        sky: "#c4899a",
        horizon: "#e9a58d",
        sunColor: "#ffc690",
        sunDirection: SUN,
      }),
    [],
  );
  useEffect(() => () => water.dispose(), [water]);
  const waterGeometry = useMemo(() => createWaterGeometry(), []);
  useEffect(() => () => waterGeometry.dispose(), [waterGeometry]);

  const placeHeadlands = (mesh: InstancedMesh | null) => {
    if (!mesh) return;
    const o = new Object3D();
    HEADLANDS.forEach(([x, z, w, h], i) => {
      o.position.set(x, WATER_LEVEL, z);
      o.scale.set(w, h, w * 0.35);
      o.updateMatrix();
      mesh.setMatrixAt(i, o.matrix);
    });
    mesh.instanceMatrix.needsUpdate = true;
  };

  return (
    <>
      <SkyDome look={SKY} />
      <hemisphereLight args={["#e9c3bd", "#4a4262", 1.8]} />
      <directionalLight position={[SUN[0] * 50, SUN[1] * 50 + 4, SUN[2] * 50]} color="#ffc9a0" intensity={1.2} />
      <mesh material={water} geometry={waterGeometry} position-y={WATER_LEVEL} frustumCulled={false} />
      {/* The beach: a plane tilted down towards the sea, so the waterline is a natural straight edge. */}
      <mesh rotation-x={-Math.PI / 2 - Math.atan(SAND_SLOPE)} position={[0, -0.05 + 10 * SAND_SLOPE, 10]} frustumCulled={false}>
        <planeGeometry args={[400, 60]} />
        <meshLambertMaterial color="#d8c8c0" />
      </mesh>
      <instancedMesh ref={placeHeadlands} args={[undefined, undefined, HEADLANDS.length]}>
        <sphereGeometry args={[1, 24, 8, 0, Math.PI * 2, 0, Math.PI / 2]} />
        <meshBasicMaterial color="#8a6f86" />
      </instancedMesh>
    </>
  );
}
