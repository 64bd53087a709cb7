import { useEffect, useMemo } from "react";
import { useOrbTint } from "../../orb/useOrbTint";
import { createDiscGeometry } from "../discGeometry";
import { createGroundMaterial } from "../groundMaterial";
import { Ridges } from "../Ridges";
import type { RidgeLayer } from "../ridges";
import { SkyDisc } from "../SkyDisc";
import { SkyDome, type SkyLook } from "../SkyDome";
import { createWaterMaterial } from "./waterMaterial";

/** Towards the sun: low over the sea, well to the left of the orb. */
const SUN: [number, number, number] = [-0.55, 0.06, -0.83];
const HAZE = "#e2aa98";
/** Pale sea-glass: cool against the warm sky. */
const ORB_TINT = "#9fdccf";

const SKY: SkyLook = {
  top: "#3a3b6a",
  mid: "#9a7f9f",
  horizon: "#f0b08f",
  haze: HAZE,
  hazeAmount: 0.6,
  sunDirection: SUN,
  glowColor: "#ffb98a",
  glow: 0.45,
  clouds: 0.55,
  cloudColor: "#b98aa0",
};

/** Sand slope: metres of drop per metre towards the sea. */
const SAND_SLOPE = 0.06;
/** Sand height under the viewer, m. */
const SAND_Y0 = -0.05;
const WATER_LEVEL = -0.4;

/** Azimuth (rad, 0 = ahead, + = right) to the ridges' angle (0 = +x). */
const around = (angle: number) => Math.atan2(Math.sin(angle - 1.5 * Math.PI), Math.cos(angle - 1.5 * Math.PI));
/** A headland rising from the sea around azimuth `centre` (rad), `width` wide. */
const headland = (centre: number, width: number) => (angle: number) => Math.pow(Math.max(0, 1 - ((around(angle) - centre) / width) ** 2), 0.5);

const HEADLANDS: readonly RidgeLayer[] = [
  { radius: 400, base: WATER_LEVEL - 2, height: [14, 26], detail: 40, color: "#7e6784", seed: 3, envelope: headland(-1.25, 0.4) },
  { radius: 380, base: WATER_LEVEL - 2, height: [10, 22], detail: 40, color: "#7e6784", seed: 4, envelope: headland(0.75, 0.65) },
  { radius: 240, base: WATER_LEVEL - 2, height: [6, 13], detail: 30, fine: { height: 1.5, detail: 160 }, color: "#5e4a6a", seed: 8, envelope: headland(1.25, 0.35) },
];

/**
 * A shoreline at dusk: a low sun half lost in warm haze, thin clouds, a long slow swell
 * reflecting the sky and lapping a rippled beach, headlands fading into the distance.
 * About 6 draw calls.
 */
export function Shore() {
  useOrbTint(ORB_TINT);
  const water = useMemo(
    () =>
      createWaterMaterial({
        deep: "#34365e",
        shallow: "#8a7f98",
        sky: "#8a78a0",
        horizon: "#eeb196",
        sunColor: "#ffc690",
        sunDirection: SUN,
        foam: "#f6e6dc",
        sand: { y0: SAND_Y0, slope: SAND_SLOPE },
      }),
    [],
  );
  const sand = useMemo(
    () =>
      createGroundMaterial({
        low: "#b8968f",
        high: "#d3b3a3",
        scale: 0.18,
        ripples: 0.05,
        wetBelow: WATER_LEVEL + 0.05,
        sheen: { color: "#ffc49a", direction: SUN, amount: 0.45 },
      }),
    [],
  );
  const waterGeometry = useMemo(() => createDiscGeometry(), []);
  useEffect(
    () => () => {
      water.dispose();
      sand.dispose();
      waterGeometry.dispose();
    },
    [water, sand, waterGeometry],
  );

  return (
    <>
      <SkyDome look={SKY} />
      <fogExp2 attach="fog" args={[HAZE, 0.0028]} />
      <SkyDisc direction={SUN} radius={0.035} color="#f7d3b4" haloColor="#ffb083" halo={0.18} />
      <hemisphereLight args={["#e9c3bd", "#4a4262", 1.8]} />
      <directionalLight position={[SUN[0] * 50, SUN[1] * 50 + 4, SUN[2] * 50]} color="#ffc9a0" intensity={1.2} />
      <mesh material={water} geometry={waterGeometry} position-y={WATER_LEVEL} frustumCulled={false} />
      {/* The beach: a plane tilted down towards the sea, so the waterline is a natural straight edge. */}
      <mesh
        material={sand}
        rotation-x={-Math.PI / 2 - Math.atan(SAND_SLOPE)}
        position={[0, SAND_Y0 + 10 * SAND_SLOPE, 10]}
        frustumCulled={false}
      >
        <planeGeometry args={[400, 60, 80, 12]} />
      </mesh>
      <Ridges layers={HEADLANDS} />
    </>
  );
}
