import { useEffect, useMemo } from "react";
import { AdditiveBlending, BufferGeometry, DoubleSide, Float32BufferAttribute, ShaderMaterial } from "three";
import { noiseGlsl } from "../glsl";
import { sceneTimeUniform } from "../../sceneTime";

/** One curtain of light: where it hangs and how it winds. */
interface Ribbon {
  /** azimuth span, rad (0 = ahead, positive = to the right) */
  from: number;
  to: number;
  /** distance, m, and how far its folds swing in and out, m */
  radius: number;
  swing: number;
  /** height of its lower edge and its depth, m */
  base: number;
  depth: number;
  phase: number;
}

const RIBBONS: readonly Ribbon[] = [
  { from: -1.25, to: 0.35, radius: 260, swing: 45, base: 55, depth: 70, phase: 0 },
  { from: -0.2, to: 1.15, radius: 320, swing: 35, base: 75, depth: 60, phase: 2.1 },
];

const SEGMENTS = 96;

/** The ribbons as one strip geometry: uv.x runs along a ribbon, uv.y up it; `aFold` is where it winds. */
function createRibbonGeometry(): BufferGeometry {
  const positions: number[] = [];
  const uvs: number[] = [];
  const folds: number[] = [];
  const index: number[] = [];
  for (const r of RIBBONS) {
    const start = positions.length / 3;
    for (let i = 0; i <= SEGMENTS; i++) {
      const t = i / SEGMENTS;
      const az = r.from + (r.to - r.from) * t;
      const fold = Math.sin(t * 9 + r.phase) * 0.7 + Math.sin(t * 23 + r.phase * 3) * 0.3;
      const radius = r.radius + fold * r.swing;
      const x = Math.sin(az) * radius;
      const z = -Math.cos(az) * radius;
      positions.push(x, r.base, z, x, r.base + r.depth, z);
      uvs.push(t, 0, t, 1);
      folds.push(fold, fold);
      if (i < SEGMENTS) {
        const a = start + i * 2;
        index.push(a, a + 2, a + 1, a + 1, a + 2, a + 3);
      }
    }
  }
  const g = new BufferGeometry();
  g.setAttribute("position", new Float32BufferAttribute(positions, 3));
  g.setAttribute("uv", new Float32BufferAttribute(uvs, 2));
  g.setAttribute("aFold", new Float32BufferAttribute(folds, 1));
  g.setIndex(index);
  return g;
}

const vertexShader = /* glsl */ `
uniform float uTime;
attribute float aFold;
varying vec2 vUv;
void main() {
  vUv = uv;
  vec3 p = position;
  // The curtain sways in and out over minutes (periods of 80 s and more), never faster.
  float sway = sin(uv.x * 7.0 + uTime * 0.07) * 9.0 + sin(uv.x * 3.0 - uTime * 0.045) * 6.0;
  p.xz += normalize(p.xz) * sway;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(p, 1.0);
}`;

// A bright, soft lower edge fading upwards, fine rays along it, and brightness that wanders
// slowly along the ribbon. Low alpha: colour in the sky, not a light show.
const fragmentShader = /* glsl */ `
uniform float uTime;
varying vec2 vUv;
${noiseGlsl}
void main() {
  float y = vUv.y;
  float edge = smoothstep(0.0, 0.08, y) * exp(-y * 3.2);
  float rays = 0.8 + 0.2 * vnoise(vec2(vUv.x * 160.0, y * 0.6 + uTime * 0.01));
  float wander = smoothstep(0.2, 0.8, vnoise(vec2(vUv.x * 5.0 - uTime * 0.02, 1.7)));
  float ends = smoothstep(0.0, 0.18, vUv.x) * (1.0 - smoothstep(0.82, 1.0, vUv.x));
  vec3 green = vec3(0.16, 0.75, 0.5);
  vec3 violet = vec3(0.42, 0.3, 0.85);
  vec3 color = mix(green, violet, smoothstep(0.25, 0.85, y));
  float a = edge * rays * (0.35 + 0.65 * wander) * ends * 0.55;
  gl_FragColor = vec4(color * a, a);
}`;

/** A faint aurora: two slow ribbons of light over the sky ahead, in one draw call. */
export function Aurora() {
  const geometry = useMemo(() => createRibbonGeometry(), []);
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
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  return <mesh geometry={geometry} material={material} renderOrder={-8} frustumCulled={false} />;
}
