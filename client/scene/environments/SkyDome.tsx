import { useEffect, useMemo } from "react";
import { BackSide, Color, ShaderMaterial, Vector3 } from "three";

/** Colours and sun of a gradient sky. Colours are CSS strings, directions unit-ish vectors. */
export interface SkyLook {
  top: string;
  horizon: string;
  /** colour below the horizon (seen past the ground's edge, if at all) */
  bottom: string;
  /** direction towards the sun (or moon) */
  sunDirection: [number, number, number];
  sunColor: string;
  /** angular radius of the disc, rad */
  sunSize: number;
  /** strength of the halo around the sun, 0..1 */
  glow: number;
  /** how quickly the horizon colour gives way to the top colour (higher = thinner band) */
  falloff: number;
}

const vertexShader = /* glsl */ `
varying vec3 vDir;
void main() {
  vDir = normalize((modelMatrix * vec4(position, 0.0)).xyz);
  vec4 p = projectionMatrix * viewMatrix * modelMatrix * vec4(position, 1.0);
  gl_Position = p.xyww; // always at the far plane
}`;

const fragmentShader = /* glsl */ `
uniform vec3 uTop, uHorizon, uBottom, uSunDir, uSunColor;
uniform float uSunSize, uGlow, uFalloff;
varying vec3 vDir;
void main() {
  vec3 dir = normalize(vDir);
  float h = dir.y;
  vec3 sky = h >= 0.0 ? mix(uHorizon, uTop, pow(h, uFalloff)) : mix(uHorizon, uBottom, clamp(-h * 6.0, 0.0, 1.0));
  float d = dot(dir, normalize(uSunDir));
  float disc = smoothstep(cos(uSunSize), cos(uSunSize * 0.85), d);
  float halo = uGlow * (0.55 * pow(max(d, 0.0), 24.0) + 0.35 * pow(max(d, 0.0), 4.0));
  sky += uSunColor * (halo + disc);
  // Static dither: soft gradients band on 8-bit displays; this noise never
  // changes between frames, so it cannot shimmer.
  float n = fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453);
  gl_FragColor = vec4(sky + (n - 0.5) / 255.0, 1.0);
  #include <colorspace_fragment>
}`;

/** A sky sphere drawn behind everything in one draw call. */
export function SkyDome({ look }: { look: SkyLook }) {
  const material = useMemo(
    () =>
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        side: BackSide,
        depthWrite: false,
        // drawn first, at the far plane: it never hides anything
        depthTest: false,
        uniforms: {
          uTop: { value: new Color(look.top) },
          uHorizon: { value: new Color(look.horizon) },
          uBottom: { value: new Color(look.bottom) },
          uSunDir: { value: new Vector3(...look.sunDirection).normalize() },
          uSunColor: { value: new Color(look.sunColor) },
          uSunSize: { value: look.sunSize },
          uGlow: { value: look.glow },
          uFalloff: { value: look.falloff },
        },
      }),
    [look],
  );
  // Switching environments unmounts the dome; its shader program and uniforms go with it.
  useEffect(() => () => material.dispose(), [material]);
  return (
    <mesh material={material} renderOrder={-10} frustumCulled={false}>
      <sphereGeometry args={[500, 48, 24]} />
    </mesh>
  );
}
