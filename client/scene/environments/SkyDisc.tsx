import { useEffect, useMemo } from "react";
import { Color, NormalBlending, ShaderMaterial, Vector3 } from "three";
import { noiseGlsl } from "./glsl";

/** How far away the disc is drawn, m: inside the sky dome, beyond every hill. */
const DISTANCE = 440;
/** The halo reaches this many disc radii from the centre. */
const HALO_REACH = 7;

export interface SkyDiscProps {
  /** direction towards it from the viewer */
  direction: [number, number, number];
  /** angular radius of the disc, rad (the real sun and moon: ~0.0045; drawn larger to read at all) */
  radius: number;
  color: string;
  haloColor: string;
  /** halo strength, 0..1 */
  halo: number;
  /** a moon: shaded towards its edge, with faint darker seas */
  moon?: boolean;
}

const vertexShader = /* glsl */ `
uniform float uSize;
varying vec2 vUv;
void main() {
  vUv = uv * 2.0 - 1.0;
  // Billboarded in view space, so the disc stays round anywhere on a wide screen
  // (a disc painted on the sky sphere is stretched near the edges of the view).
  vec4 centre = modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0);
  centre.xy += position.xy * uSize;
  gl_Position = projectionMatrix * centre;
}`;

const fragmentShader = /* glsl */ `
uniform vec3 uColor, uHaloColor;
uniform float uHalo;
varying vec2 vUv;
${noiseGlsl}
void main() {
  float r = length(vUv) * ${HALO_REACH.toFixed(1)}; // in disc radii
  float disc = 1.0 - smoothstep(0.94, 1.0, r);
  vec3 body = uColor;
#ifdef MOON
  // Limb darkening and two faint seas: a moon, not a flat white coin.
  float z = sqrt(max(1.0 - r * r, 0.0));
  float seas = smoothstep(0.45, 0.75, vnoise(vUv * ${HALO_REACH.toFixed(1)} * 1.6 + 4.0));
  body *= (0.82 + 0.18 * z) * (1.0 - 0.14 * seas);
#endif
  float outside = max(r - 1.0, 0.0);
  float halo = uHalo * (0.55 * exp(-outside * 2.2) + 0.45 * exp(-outside * 0.55)) * (1.0 - smoothstep(${(HALO_REACH - 1.5).toFixed(1)}, ${HALO_REACH.toFixed(1)}, r));
  // Premultiplied: the disc covers the stars behind it, the halo only adds light.
  vec3 color = body * disc + uHaloColor * halo * (1.0 - disc);
  gl_FragColor = vec4(color, disc);
  #include <colorspace_fragment>
}`;

/**
 * The sun or the moon: a round disc with a soft halo, in one draw call. Kept dimmer than the
 * breathing orb and well to its side (one bright circle at a time).
 */
export function SkyDisc({ direction, radius, color, haloColor, halo, moon = false }: SkyDiscProps) {
  const material = useMemo(
    () =>
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        transparent: true,
        premultipliedAlpha: true,
        blending: NormalBlending,
        depthWrite: false,
        defines: moon ? { MOON: 1 } : {},
        uniforms: {
          uSize: { value: 2 * Math.tan(radius) * DISTANCE * HALO_REACH },
          uColor: { value: new Color(color) },
          uHaloColor: { value: new Color(haloColor) },
          uHalo: { value: halo },
        },
      }),
    [radius, color, haloColor, halo, moon],
  );
  useEffect(() => () => material.dispose(), [material]);
  const position = useMemo(() => new Vector3(...direction).normalize().multiplyScalar(DISTANCE), [direction]);
  return (
    <mesh material={material} position={position} renderOrder={-7} frustumCulled={false}>
      <planeGeometry />
    </mesh>
  );
}
