/**
 * GLSL shared by the places' shaders: value noise, cheap enough for a phone and a
 * software renderer. Every pattern built from it is still (or drifts over minutes), so
 * nothing in the scenery can shimmer.
 */
export const noiseGlsl = /* glsl */ `
float hash12(vec2 p) {
  vec3 p3 = fract(vec3(p.xyx) * 0.1031);
  p3 += dot(p3, p3.yzx + 33.33);
  return fract((p3.x + p3.y) * p3.z);
}
float vnoise(vec2 p) {
  vec2 i = floor(p);
  vec2 f = fract(p);
  vec2 u = f * f * (3.0 - 2.0 * f);
  float a = hash12(i), b = hash12(i + vec2(1.0, 0.0)), c = hash12(i + vec2(0.0, 1.0)), d = hash12(i + vec2(1.0, 1.0));
  return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}
float fbm3(vec2 p) {
  return 0.55 * vnoise(p) + 0.3 * vnoise(p * 2.03 + 17.1) + 0.15 * vnoise(p * 4.01 + 41.7);
}`;

/**
 * Static dither for soft gradients, which band on 8-bit displays. It depends only on the
 * pixel, never on time, so it cannot shimmer.
 */
export const ditherGlsl = /* glsl */ `
vec3 dither(vec3 c) {
  float n = fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453);
  return c + (n - 0.5) / 255.0;
}`;
