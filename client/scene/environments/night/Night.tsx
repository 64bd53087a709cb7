import { useEffect, useMemo } from "react";
import { useOrbTint } from "../../orb/useOrbTint";
import { createDiscGeometry } from "../discGeometry";
import { createGroundMaterial } from "../groundMaterial";
import { Ridges } from "../Ridges";
import type { RidgeLayer } from "../ridges";
import { SkyDisc } from "../SkyDisc";
import { SkyDome, type SkyLook } from "../SkyDome";
import { Aurora } from "./Aurora";
import { Stars } from "./Stars";

/** Towards the moon: up and to the left, well clear of the orb straight ahead. */
const MOON: [number, number, number] = [-0.52, 0.21, -0.8];
const HAZE = "#27324f";
/** Moonlit blue. */
const ORB_TINT = "#9cc4f0";

const SKY: SkyLook = {
  top: "#050817",
  mid: "#0d1530",
  horizon: "#223052",
  haze: HAZE,
  hazeAmount: 0.55,
  sunDirection: MOON,
  glowColor: "#6f86c4",
  glow: 0.35,
};

const HILLS: readonly RidgeLayer[] = [
  { radius: 300, base: -3, height: [8, 30], detail: 7, color: "#161f36", seed: 5 },
  { radius: 170, base: -2, height: [2, 12], detail: 11, fine: { height: 2.5, detail: 90 }, color: "#10172a", seed: 9 },
];

/**
 * A night sky: still stars, a round moon with a soft halo up to the left, two slow ribbons
 * of aurora, hill lines fading into the haze, and a meadow faintly silvered by the moon.
 * About 6 draw calls.
 */
export function Night() {
  useOrbTint(ORB_TINT);
  const ground = useMemo(
    () =>
      createGroundMaterial({
        low: "#111827",
        high: "#1c2538",
        scale: 0.12,
        sheen: { color: "#8795bd", direction: MOON, amount: 0.18 },
      }),
    [],
  );
  // Rings that widen with distance: small triangles near the viewer keep the ground's pattern exact.
  const groundGeometry = useMemo(() => createDiscGeometry(320, 0.5, 1.12, 48), []);
  useEffect(
    () => () => {
      ground.dispose();
      groundGeometry.dispose();
    },
    [ground, groundGeometry],
  );
  return (
    <>
      <SkyDome look={SKY} />
      <fogExp2 attach="fog" args={[HAZE, 0.0034]} />
      <Stars />
      <SkyDisc direction={MOON} radius={0.03} color="#eef1ff" haloColor="#7d92c9" halo={0.3} moon />
      <Aurora />
      <hemisphereLight args={["#4a5c94", "#10141f", 1.0]} />
      <directionalLight position={[MOON[0] * 40, MOON[1] * 40, MOON[2] * 40]} color="#cdd8ff" intensity={0.5} />
      <mesh material={ground} geometry={groundGeometry} frustumCulled={false} />
      <Ridges layers={HILLS} />
    </>
  );
}
