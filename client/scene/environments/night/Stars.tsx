import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import { BufferAttribute, BufferGeometry, ShaderMaterial, type Points } from "three";
import { seededRandom } from "../../random";
import { sceneTime } from "../../sceneTime";

const vertexShader = /* glsl */ `
attribute float aSize;
attribute vec3 aColor;
varying vec3 vColor;
void main() {
  // Stars thin out into the haze low over the horizon.
  float up = normalize((modelMatrix * vec4(position, 1.0)).xyz).y;
  vColor = aColor * smoothstep(-0.02, 0.22, up);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_PointSize = aSize;
}`;

// Steady stars: no twinkle, which reads as flicker in a headset.
const fragmentShader = /* glsl */ `
varying vec3 vColor;
void main() {
  float a = smoothstep(0.5, 0.1, length(gl_PointCoord - 0.5));
  gl_FragColor = vec4(vColor * a, a);
  #include <colorspace_fragment>
}`;

/** Sky rotation speed, rad/s: the whole sky turns, far too slowly to notice as motion. */
const TURN = 0.004;

/** A still, deep starfield on the upper sky, in one draw call. */
export function Stars({ count = 2200, radius = 420 }: { count?: number; radius?: number }) {
  const points = useRef<Points>(null);
  const [geometry, material] = useMemo(() => {
    const random = seededRandom(11);
    const pos = new Float32Array(count * 3);
    const size = new Float32Array(count);
    const color = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) {
      // Uniform on the sphere, folded to the upper half (with a little below
      // the horizon so the rotation never shows an empty band).
      const y = random() * 1.05 - 0.05;
      const a = random() * Math.PI * 2;
      const r = Math.sqrt(1 - y * y);
      pos.set([Math.cos(a) * r * radius, y * radius, Math.sin(a) * r * radius], i * 3);
      const bright = Math.pow(random(), 6);
      size[i] = 1.2 + bright * 3.2;
      const warm = random();
      const k = 0.45 + bright * 0.55;
      color.set([k * (0.85 + warm * 0.15), k * 0.9, k * (1 - warm * 0.15)], i * 3);
    }
    const g = new BufferGeometry();
    g.setAttribute("position", new BufferAttribute(pos, 3));
    g.setAttribute("aSize", new BufferAttribute(size, 1));
    g.setAttribute("aColor", new BufferAttribute(color, 3));
    const m = new ShaderMaterial({ vertexShader, fragmentShader, transparent: true, depthWrite: false });
    return [g, m] as const;
  }, [count, radius]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  useFrame(() => {
    if (points.current) points.current.rotation.y = sceneTime.seconds * TURN;
  });
  return (
    <group rotation={[0.35, 0, 0.1]}>
      <points ref={points} geometry={geometry} material={material} frustumCulled={false} renderOrder={-9} />
    </group>
  );
}
