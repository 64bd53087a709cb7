import { useEffect, useMemo } from "react";
import { BackSide, Color, ShaderMaterial, Vector3 } from "three";
import { ditherGlsl, noiseGlsl } from "./glsl";

/** A gradient sky. Colours are CSS strings, directions unit-ish vectors. */
export interface SkyLook {
  /** straight up */
  top: string;
  /** about 15° up: most of what a level gaze sees */
  mid: string;
  /** at the horizon */
  horizon: string;
  /** a soft band of haze lying on the horizon; the places' fog uses the same colour, so the ground melts into it */
  haze: string;
  /** how much of the haze band shows, 0..1 */
  hazeAmount: number;
  /** direction of the light in the sky (sun or moon; it may be out of view) */
  sunDirection: [number, number, number];
  /** colour of the glow around it */
  glowColor: string;
  /** strength of that glow, 0..1 */
  glow: number;
  /** thin, still streaks of cloud near the horizon, lit from the sun's side (0 = none) */
  clouds?: number;
  cloudColor?: string;
}

const vertexShader = /* glsl */ `
varying vec3 vDir;
void main() {
  vDir = normalize((modelMatrix * vec4(position, 0.0)).xyz);
  vec4 p = projectionMatrix * viewMatrix * modelMatrix * vec4(position, 1.0);
  gl_Position = p.xyww; // always at the far plane
}`;

const fragmentShader = /* glsl */ `
uniform vec3 uTop, uMid, uHorizon, uHaze, uSunDir, uGlowColor, uCloudColor;
uniform float uHazeAmount, uGlow, uClouds;
varying vec3 vDir;
${noiseGlsl}
${ditherGlsl}
void main() {
  vec3 dir = normalize(vDir);
  float h = dir.y;
  float up = max(h, 0.0);
  vec3 sky = mix(uHorizon, uMid, smoothstep(0.0, 0.28, up));
  sky = mix(sky, uTop, smoothstep(0.2, 0.95, up));
  float d = max(dot(dir, normalize(uSunDir)), 0.0);
  // The glow spreads along the horizon more than up: light scattered through the low air.
  float low = exp(-up * 5.0);
  sky += uGlowColor * uGlow * (0.35 * pow(d, 6.0) * (0.4 + 0.6 * low) + 0.25 * pow(d, 40.0));
#ifdef CLOUDS
  if (h > 0.005 && h < 0.45) {
    // Still streaks on a flat layer above the viewer, stretched along the horizon.
    vec2 p = dir.xz / (h + 0.06);
    float n = fbm3(vec2(p.x * 0.35, p.y * 1.6) + 3.0);
    float streak = smoothstep(0.52, 0.78, n) * smoothstep(0.005, 0.05, h) * (1.0 - smoothstep(0.18, 0.45, h));
    vec3 lit = mix(uCloudColor, uGlowColor, 0.5 * pow(d, 4.0));
    sky = mix(sky, lit, streak * uClouds);
  }
#endif
  // Haze lies on the horizon and fills below it (seen only past the ground's far edge).
  float haze = h >= 0.0 ? exp(-h * 14.0) * uHazeAmount : 1.0;
  sky = mix(sky, uHaze, haze);
  gl_FragColor = vec4(sky, 1.0);
  #include <colorspace_fragment>
  gl_FragColor.rgb = dither(gl_FragColor.rgb);
}`;

/** A sky sphere drawn behind everything in one draw call (the sun or moon itself is a `SkyDisc`). */
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
        defines: look.clouds ? { CLOUDS: 1 } : {},
        uniforms: {
          uTop: { value: new Color(look.top) },
          uMid: { value: new Color(look.mid) },
          uHorizon: { value: new Color(look.horizon) },
          uHaze: { value: new Color(look.haze) },
          uHazeAmount: { value: look.hazeAmount },
          uSunDir: { value: new Vector3(...look.sunDirection).normalize() },
          uGlowColor: { value: new Color(look.glowColor) },
          uGlow: { value: look.glow },
          uClouds: { value: look.clouds ?? 0 },
          uCloudColor: { value: new Color(look.cloudColor ?? look.horizon) },
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
