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
};

/** The orb: a soft body with a glowing rim; `uBrightness` is what reduced motion animates. */
export function createOrbMaterial(color: string): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uColor: { value: new Color(color) }, uBrightness: orbUniforms.uBrightness, uDim: orbUniforms.uDim },
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
        float facing = max(dot(normalize(vNormal), normalize(vView)), 0.0);
        float rim = pow(1.0 - facing, 2.0);
        vec3 color = uColor * (0.55 + 0.45 * facing) + vec3(1.0) * rim * 0.35;
        gl_FragColor = vec4(color * uBrightness * uDim, 1.0);
        #include <colorspace_fragment>
      }`,
  });
}

/** A soft radial glow on a camera-facing quad behind the orb. */
export function createHaloMaterial(color: string): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uColor: { value: new Color(color) }, uStrength: orbUniforms.uStrength, uDim: orbUniforms.uDim },
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
        float d = length(vUv - 0.5) * 2.0;
        float a = pow(max(1.0 - d, 0.0), 2.2) * uStrength * uDim;
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
