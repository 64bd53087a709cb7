import { useMemo } from "react";
import { Object3D, type InstancedMesh } from "three";
import { seededRandom } from "../../random";
import { SkyDome, type SkyLook } from "../SkyDome";
import { Aurora } from "./Aurora";
import { Stars } from "./Stars";

const MOON: [number, number, number] = [0.55, 0.32, -0.78];
const HAZE = "#27324f";

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

const HILLS = 26;

/**
 * A night sky: still stars, a low moon, a faint aurora, a dark hill line on
 * the horizon. About 6 draw calls.
 */
export function Night() {
  const hills = useMemo(() => {
    const random = seededRandom(5);
    const o = new Object3D();
    return Array.from({ length: HILLS }, (_, i) => {
      const a = (i / HILLS) * Math.PI * 2 + random() * 0.2;
      const r = 220 + random() * 60;
      o.position.set(Math.cos(a) * r, -2, Math.sin(a) * r);
      o.scale.set(40 + random() * 50, 6 + random() * 14, 30 + random() * 20);
      o.rotation.set(0, -a, 0);
      o.updateMatrix();
      return o.matrix.clone();
    });
  }, []);
  const fill = (mesh: InstancedMesh | null) => {
    if (!mesh) return;
    hills.forEach((m, i) => mesh.setMatrixAt(i, m));
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  };
  return (
    <>
      <SkyDome look={SKY} />
      <Stars />
      <Aurora />
      <hemisphereLight args={["#4a5c94", "#10141f", 1.0]} />
      <directionalLight position={[MOON[0] * 40, MOON[1] * 40, MOON[2] * 40]} color="#cdd8ff" intensity={0.5} />
      <mesh rotation-x={-Math.PI / 2} frustumCulled={false}>
        <circleGeometry args={[300, 48]} />
        {/* Unlit: at night a lit ground is either black or glowing; this is the faint in-between. */}
        <meshBasicMaterial color="#141a2c" />
      </mesh>
      <instancedMesh ref={fill} args={[undefined, undefined, HILLS]}>
        <sphereGeometry args={[1, 20, 8, 0, Math.PI * 2, 0, Math.PI / 2]} />
        <meshBasicMaterial color="#121a30" />
      </instancedMesh>
    </>
  );
}
