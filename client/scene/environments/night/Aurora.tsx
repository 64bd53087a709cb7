import { useEffect, useMemo } from "react";
import { AdditiveBlending, DoubleSide, ShaderMaterial } from "three";
import { sceneTimeUniform } from "../../sceneTime";

const vertexShader = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

// Soft curtains: a few low-frequency sine folds drifting over minutes, faded
// at the top, bottom and ends. Low alpha: a hint of colour, not a light show.
const fragmentShader = /* glsl */ `
uniform float uTime;
varying vec2 vUv;
void main() {
  float x = vUv.x * 6.2831;
  float folds = 0.5 + 0.5 * sin(x * 3.0 + uTime * 0.05 + sin(x * 1.3 - uTime * 0.03) * 2.0);
  folds *= 0.6 + 0.4 * sin(x * 7.0 - uTime * 0.04);
  float vertical = smoothstep(0.0, 0.25, vUv.y) * (1.0 - smoothstep(0.45, 1.0, vUv.y));
  float ends = smoothstep(0.0, 0.2, vUv.x) * (1.0 - smoothstep(0.8, 1.0, vUv.x));
  vec3 green = vec3(0.25, 0.85, 0.6);
  vec3 violet = vec3(0.45, 0.35, 0.9);
  vec3 color = mix(green, violet, smoothstep(0.3, 0.9, vUv.y));
  float a = folds * vertical * ends * 0.32;
  gl_FragColor = vec4(color * a, a);
}`;

/** A faint aurora arching over the northern (-z) sky, in one draw call. */
export function Aurora() {
  const material = useMemo(
    () =>
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        transparent: true,
        depthWrite: false,
        blending: AdditiveBlending,
        side: DoubleSide,
        uniforms: { uTime: sceneTimeUniform },
      }),
    [],
  );
  useEffect(() => () => material.dispose(), [material]);
  // An open cylinder section 300 m away, spanning ~120 degrees ahead, from just above the horizon.
  return (
    <mesh material={material} position={[0, 70, 0]} renderOrder={-8} frustumCulled={false}>
      <cylinderGeometry args={[300, 300, 150, 64, 1, true, Math.PI * 0.66, Math.PI * 0.68]} />
    </mesh>
  );
}
