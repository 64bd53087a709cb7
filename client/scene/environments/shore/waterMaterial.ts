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
uniform vec3 uDeep, uShallow, uSky, uHorizon, uSunColor, uSunDir;
varying vec3 vWorld;
varying vec3 vNormal;
void main() {
  vec3 toEye = normalize(cameraPosition - vWorld);
  vec3 n = normalize(vNormal);
  float fresnel = pow(1.0 - max(dot(n, toEye), 0.0), 4.0);
  float dist = length(vWorld.xz - cameraPosition.xz);
  vec3 body = mix(uShallow, uDeep, smoothstep(4.0, 40.0, dist));
  vec3 color = mix(body, uSky, clamp(fresnel * 0.9, 0.0, 1.0));
  // A soft path of sunlight on the water, broad rather than sparkling.
  vec3 r = reflect(-toEye, n);
  float glint = pow(max(dot(r, normalize(uSunDir)), 0.0), 60.0);
  color += uSunColor * glint * 0.6;
  // Melt into the horizon colour far away.
  color = mix(color, uHorizon, smoothstep(60.0, 420.0, dist));
  gl_FragColor = vec4(color, 1.0);
  #include <colorspace_fragment>
}`;

/** Colours for the water, as CSS strings. */
export interface WaterLook {
  deep: string;
  shallow: string;
  sky: string;
  horizon: string;
  sunColor: string;
  sunDirection: [number, number, number];
}

/** The sea: vertex-displaced swell with a soft sun path. Moves with the shared scene time. */
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
    },
  });
}
