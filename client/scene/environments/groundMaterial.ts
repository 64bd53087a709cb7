import { Color, ShaderMaterial, UniformsLib, UniformsUtils, Vector3 } from "three";
import { noiseGlsl } from "./glsl";

/** How a stretch of ground looks. Colours are CSS strings. */
export interface GroundLook {
  /** the two tones that soft, metre-scale patches blend between */
  low: string;
  high: string;
  /** patches per metre (about 1 / their size) */
  scale: number;
  /** a broad sheen towards a light low in the sky: the sunset on wet sand, the moon on dew */
  sheen?: { color: string; direction: [number, number, number]; amount: number };
  /** soft spots of light through leaves, near the viewer */
  dapple?: { color: string; amount: number };
  /** wind ripples in sand, running along the shore (x) */
  ripples?: number;
  /** ground below this height (m) is wet: darker, and shinier if there is a sheen */
  wetBelow?: number;
}

const vertexShader = /* glsl */ `
#include <fog_pars_vertex>
varying vec3 vWorld;
void main() {
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorld = world.xyz;
  vec4 mvPosition = viewMatrix * world;
  gl_Position = projectionMatrix * mvPosition;
  #include <fog_vertex>
}`;

const fragmentShader = /* glsl */ `
uniform vec3 uLow, uHigh, uSheenColor, uSheenDir, uDappleColor;
uniform float uScale, uSheen, uDapple, uRipples, uWetBelow;
varying vec3 vWorld;
#include <fog_pars_fragment>
${noiseGlsl}
void main() {
  vec2 p = vWorld.xz;
  float dist = length(vWorld - cameraPosition);
  // Fine detail fades out with distance before it is small enough to alias and crawl.
  float near = 1.0 - smoothstep(6.0, 30.0, dist);
  float n = fbm3(p * uScale) + (vnoise(p * uScale * 7.0) - 0.5) * 0.35 * near;
  vec3 color = mix(uLow, uHigh, smoothstep(0.2, 0.8, n));
#ifdef RIPPLES
  float phase = p.y * 7.0 + p.x * 0.8 + vnoise(p * vec2(0.25, 0.5)) * 9.0;
  color *= 1.0 + uRipples * sin(phase) * (1.0 - smoothstep(3.0, 14.0, dist));
#endif
  float wet = 0.0;
#ifdef WET
  wet = 1.0 - smoothstep(uWetBelow, uWetBelow + 0.12, vWorld.y);
  color *= 1.0 - 0.35 * wet;
#endif
#ifdef DAPPLE
  float spots = smoothstep(0.6, 0.8, vnoise(p * 0.5 + 9.0)) * (1.0 - smoothstep(5.0, 22.0, length(p)));
  color += uDappleColor * spots * uDapple;
#endif
#ifdef SHEEN
  vec3 toEye = normalize(cameraPosition - vWorld);
  vec3 r = reflect(-toEye, vec3(0.0, 1.0, 0.0));
  float s = pow(max(dot(r, uSheenDir), 0.0), 10.0);
  color += uSheenColor * s * uSheen * (0.35 + 0.65 * wet);
#endif
  gl_FragColor = vec4(color, 1.0);
  #include <colorspace_fragment>
  #include <fog_fragment>
}`;

/** Unlit procedural ground (the light is painted in), with the scene's fog. One material, one draw call. */
export function createGroundMaterial(look: GroundLook): ShaderMaterial {
  const defines: Record<string, number> = {};
  if (look.sheen) defines.SHEEN = 1;
  if (look.dapple) defines.DAPPLE = 1;
  if (look.ripples) defines.RIPPLES = 1;
  if (look.wetBelow !== undefined) defines.WET = 1;
  return new ShaderMaterial({
    vertexShader,
    fragmentShader,
    fog: true,
    defines,
    uniforms: {
      ...UniformsUtils.clone(UniformsLib.fog),
      uLow: { value: new Color(look.low) },
      uHigh: { value: new Color(look.high) },
      uScale: { value: look.scale },
      uSheenColor: { value: new Color(look.sheen?.color ?? "#000") },
      uSheenDir: { value: new Vector3(...(look.sheen?.direction ?? [0, 1, 0])).normalize() },
      uSheen: { value: look.sheen?.amount ?? 0 },
      uDappleColor: { value: new Color(look.dapple?.color ?? "#000") },
      uDapple: { value: look.dapple?.amount ?? 0 },
      uRipples: { value: look.ripples ?? 0 },
      uWetBelow: { value: look.wetBelow ?? 0 },
    },
  });
}
