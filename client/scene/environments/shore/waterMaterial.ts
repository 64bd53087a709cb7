import { Color, ShaderMaterial, Vector3 } from "three";
import { sceneTimeUniform } from "../../sceneTime";

const vertexShader = /* glsl */ `
uniform float uTime;
varying vec3 vWorld;
varying vec3 vNormal;

// Long, slow swells: a few sines with wavelengths of 6-30 m and periods of
// 6-12 s, small amplitude. Nothing moves fast enough to pull the eye.
const vec4 W0 = vec4(0.86, 0.5, 0.21, 0.08);   // dir.xy, wavenumber, amplitude
const vec4 W1 = vec4(-0.42, 0.91, 0.33, 0.05);
const vec4 W2 = vec4(0.2, 0.98, 0.74, 0.022);
const vec3 S = vec3(0.55, 0.7, 0.95);           // angular speeds, rad/s

float wave(vec4 w, float s, vec2 p, out vec2 grad) {
  float ph = dot(w.xy, p) * w.z - s * uTime;
  grad = w.xy * w.z * w.w * cos(ph);
  return w.w * sin(ph);
}

void main() {
  vec4 world = modelMatrix * vec4(position, 1.0);
  vec2 g0, g1, g2;
  float h = wave(W0, S.x, world.xz, g0) + wave(W1, S.y, world.xz, g1) + wave(W2, S.z, world.xz, g2);
  // Far water barely moves: the swell fades with distance so the horizon stays still.
  float near = 1.0 - smoothstep(40.0, 160.0, length(world.xz));
  world.y += h * near;
  vec2 g = (g0 + g1 + g2) * near;
  vNormal = normalize(vec3(-g.x, 1.0, -g.y));
  vWorld = world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
}`;

const fragmentShader = /* glsl */ `
uniform float uTime, uSandY0, uSandSlope;
uniform vec3 uDeep, uShallow, uSky, uHorizon, uSunColor, uSunDir, uFoam;
varying vec3 vWorld;
varying vec3 vNormal;
void main() {
  vec3 toEye = normalize(cameraPosition - vWorld);
  float dist = length(vWorld.xz - cameraPosition.xz);
  // Small, slow ripples on the swell (periods of 9 s and more), fading with distance
  // before they are fine enough to sparkle.
  float fine = 1.0 - smoothstep(8.0, 60.0, dist);
  vec2 p = vWorld.xz;
  vec2 ripple = vec2(sin(p.x * 1.7 + p.y * 0.6 + uTime * 0.7), sin(p.y * 2.3 - p.x * 0.9 - uTime * 0.55)) * 0.035 * fine;
  vec3 n = normalize(vNormal + vec3(ripple.x, 0.0, ripple.y));
  float fresnel = pow(1.0 - max(dot(n, toEye), 0.0), 3.0);
  vec3 body = mix(uShallow, uDeep, smoothstep(3.0, 40.0, dist));
  // Soft reflection of the sky: its gradient seen in the mirrored direction.
  vec3 r = reflect(-toEye, n);
  vec3 sky = mix(uHorizon, uSky, smoothstep(0.0, 0.9, r.y));
  vec3 color = mix(body, sky, clamp(0.2 + fresnel * 0.8, 0.0, 1.0));
  // A broad path of sunlight on the water, soft rather than sparkling.
  float d = max(dot(r, normalize(uSunDir)), 0.0);
  color += uSunColor * (pow(d, 40.0) * 0.55 + pow(d, 8.0) * 0.12);
  // Where the water thins over the sand it lightens and leaves a soft line of foam.
  float depth = vWorld.y - (uSandY0 + uSandSlope * vWorld.z);
  color = mix(color, uShallow * 1.25, 1.0 - smoothstep(0.0, 0.25, depth));
  color = mix(color, uFoam, (1.0 - smoothstep(0.0, 0.05, depth)) * 0.55);
  // Melt into the horizon colour far away.
  color = mix(color, uHorizon, smoothstep(60.0, 420.0, dist));
  gl_FragColor = vec4(color, 1.0);
  #include <colorspace_fragment>
}`;

/** Colours for the water, as CSS strings. */
export interface WaterLook {
  deep: string;
  shallow: string;
  /** the sky high up, as seen reflected */
  sky: string;
  horizon: string;
  sunColor: string;
  sunDirection: [number, number, number];
  foam: string;
  /** the sand under the water: its height at z = 0, m, and its rise per metre of z */
  sand: { y0: number; slope: number };
}

/** The sea: vertex-displaced swell reflecting the sky, a soft sun path, foam where it meets the sand. */
export function createWaterMaterial(look: WaterLook): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      uTime: sceneTimeUniform,
      uDeep: { value: new Color(look.deep) },
      uShallow: { value: new Color(look.shallow) },
      uSky: { value: new Color(look.sky) },
      uHorizon: { value: new Color(look.horizon) },
      uSunColor: { value: new Color(look.sunColor) },
      uSunDir: { value: new Vector3(...look.sunDirection).normalize() },
      uFoam: { value: new Color(look.foam) },
      uSandY0: { value: look.sand.y0 },
      uSandSlope: { value: look.sand.slope },
    },
  });
}
