import { AdditiveBlending, Color, DoubleSide, ShaderMaterial } from "three";

/**
 * The orb's animated uniforms. There is one pacer on screen, and writing
 * these shared objects each frame is all the animation needs: no lookups,
 * no allocation, no React.
 */
export const orbUniforms = {
  uBrightness: { value: 1 },
  uStrength: { value: 0.5 },
  uProgress: { value: 0 },
  /** 1 normally; lower while something (crisis help) should stand in front of the orb */
  uDim: { value: 1 },
  /** the orb's colour: each place sets its own tint (`useOrbTint`) */
  uTint: { value: new Color("#9cc4f0") },
};

/** The tint uniform to use: the place's shared one, or a fixed colour of the caller's. */
const tintOf = (color?: string) => (color ? { value: new Color(color) } : orbUniforms.uTint);

/**
 * The orb: a luminous body, brighter at its core, with a soft light catching its upper left
 * and a glowing rim, so it reads as a sphere of light rather than a flat disc.
 * `uBrightness` is what reduced motion animates. Without `color` it takes the place's tint.
 */
export function createOrbMaterial(color?: string): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uColor: tintOf(color), uBrightness: orbUniforms.uBrightness, uDim: orbUniforms.uDim },
    vertexShader: /* glsl */ `
      varying vec3 vNormal;
      varying vec3 vView;
      void main() {
        vec4 mv = modelViewMatrix * vec4(position, 1.0);
        vNormal = normalize(normalMatrix * normal);
        vView = normalize(-mv.xyz);
        gl_Position = projectionMatrix * mv;
      }`,
    fragmentShader: /* glsl */ `
      uniform vec3 uColor;
      uniform float uBrightness;
      uniform float uDim;
      varying vec3 vNormal;
      varying vec3 vView;
      void main() {
        vec3 n = normalize(vNormal);
        float facing = max(dot(n, normalize(vView)), 0.0);
        float core = pow(facing, 2.5);
        float rim = pow(1.0 - facing, 2.5);
        float sheen = pow(max(dot(n, normalize(vec3(-0.45, 0.6, 0.65))), 0.0), 10.0);
        vec3 pale = mix(uColor, vec3(1.0), 0.55);
        vec3 color = uColor * (0.42 + 0.5 * core) + pale * (rim * 0.55 + sheen * 0.22);
        gl_FragColor = vec4(color * uBrightness * uDim, 1.0);
        #include <colorspace_fragment>
      }`,
  });
}

/** A soft radial glow on a quad behind the orb: a bloom that costs one small draw call. */
export function createHaloMaterial(color?: string): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uColor: tintOf(color), uStrength: orbUniforms.uStrength, uDim: orbUniforms.uDim },
    transparent: true,
    depthWrite: false,
    blending: AdditiveBlending,
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() { vUv = uv; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }`,
    fragmentShader: /* glsl */ `
      uniform vec3 uColor;
      uniform float uStrength;
      uniform float uDim;
      varying vec2 vUv;
      void main() {
        // In orb radii from the centre (the quad is 7 radii across); a tight glow and a wide one.
        float r = length(vUv - 0.5) * 7.0;
        float outside = max(r - 0.9, 0.0);
        float a = (0.6 * exp(-outside * 2.6) + 0.4 * exp(-outside * 0.9)) * (1.0 - smoothstep(2.6, 3.5, r)) * uStrength * uDim;
        gl_FragColor = vec4(uColor * a, a);
      }`,
  });
}

/**
 * The cycle ring: a faint full track with the elapsed part of the current
 * cycle drawn brighter, clockwise from the top. One draw call.
 */
export function createRingMaterial(color: string): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uColor: { value: new Color(color) }, uProgress: orbUniforms.uProgress, uDim: orbUniforms.uDim },
    transparent: true,
    depthWrite: false,
    side: DoubleSide,
    vertexShader: /* glsl */ `
      varying vec2 vPos;
      void main() { vPos = position.xy; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }`,
    fragmentShader: /* glsl */ `
      uniform vec3 uColor;
      uniform float uProgress;
      uniform float uDim;
      varying vec2 vPos;
      void main() {
        // 0 at the top, growing clockwise as seen from the front.
        float angle = atan(vPos.x, vPos.y);
        float t = angle < 0.0 ? angle / 6.2831853 + 1.0 : angle / 6.2831853;
        float done = step(t, uProgress);
        float a = mix(0.18, 0.85, done) * uDim;
        gl_FragColor = vec4(uColor * mix(0.7, 1.0, done), a);
        #include <colorspace_fragment>
      }`,
  });
}
