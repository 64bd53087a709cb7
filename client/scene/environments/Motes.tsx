import { useEffect, useMemo } from "react";
import { AdditiveBlending, BufferAttribute, BufferGeometry, Color, ShaderMaterial } from "three";
import { seededRandom } from "../random";
import { sceneTimeUniform } from "../sceneTime";

const vertexShader = /* glsl */ `
uniform float uTime, uSize;
attribute float aSeed;
varying float vFade;
void main() {
  vec3 p = position;
  // Each mote wanders on its own slow loop (periods of 20-60 s).
  float s = aSeed * 6.2831;
  p += vec3(sin(uTime * 0.11 + s) * 0.6, sin(uTime * 0.07 + s * 1.7) * 0.35, cos(uTime * 0.09 + s * 0.6) * 0.6);
  vec4 view = modelViewMatrix * vec4(p, 1.0);
  gl_Position = projectionMatrix * view;
  // Never a blob, even right in front of the eyes.
  gl_PointSize = min(uSize / -view.z, 5.0);
  // Slow breathing of brightness per mote, never a flicker (period >= 12 s).
  vFade = 0.55 + 0.45 * sin(uTime * 0.5 + s * 3.0);
}`;

const fragmentShader = /* glsl */ `
uniform vec3 uColor;
varying float vFade;
void main() {
  float d = length(gl_PointCoord - 0.5);
  float a = smoothstep(0.5, 0.0, d) * vFade * 0.8;
  gl_FragColor = vec4(uColor * a, a);
}`;

export interface MotesProps {
  count: number;
  /** the motes fill a ring between these radii around the viewer, m */
  radius: [number, number];
  /** height range, m */
  height: [number, number];
  color: string;
  /** point size in pixels at 1 m */
  size: number;
  seed: number;
}

/** Drifting specks of light (pollen, fireflies) in one draw call. */
export function Motes({ count, radius, height, color, size, seed }: MotesProps) {
  const [geometry, material] = useMemo(() => {
    const random = seededRandom(seed);
    const positions = new Float32Array(count * 3);
    const seeds = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const a = random() * Math.PI * 2;
      const r = radius[0] + random() * (radius[1] - radius[0]);
      positions.set([Math.cos(a) * r, height[0] + random() * (height[1] - height[0]), Math.sin(a) * r], i * 3);
      seeds[i] = random();
    }
    const g = new BufferGeometry();
    g.setAttribute("position", new BufferAttribute(positions, 3));
    g.setAttribute("aSeed", new BufferAttribute(seeds, 1));
    const m = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
      uniforms: { uTime: sceneTimeUniform, uSize: { value: size }, uColor: { value: new Color(color) } },
    });
    return [g, m] as const;
  }, [count, radius, height, color, size, seed]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  return <points geometry={geometry} material={material} frustumCulled={false} />;
}
