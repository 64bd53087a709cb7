import { BufferGeometry, Color, Float32BufferAttribute } from "three";
import { seededRandom } from "../random";

/** One ring of silhouette around the viewer: a hill line, a far treeline, a headland. */
export interface RidgeLayer {
  /** distance from the viewer, m */
  radius: number;
  /** height of the foot of the silhouette, m (below the ground or water line so no gap shows) */
  base: number;
  /** lowest and highest crest above `base`, m */
  height: [number, number];
  /** rises and falls per full turn: 5 is rolling hills, 60 hummocky, 400 the crowns of trees */
  detail: number;
  /** a second, finer profile added on top, m (tree crowns on a hill, rocks on a headland) */
  fine?: { height: number; detail: number };
  /** where the layer stands: 0..1 multiplier of the height by angle (rad, 0 = +x, -π/2 = ahead); default everywhere */
  envelope?: (angle: number) => number;
  color: string;
  seed: number;
}

/** Looping 1-D value noise with `cells` cells per turn, 0..1. */
function loopNoise(cells: number, seed: number): (t: number) => number {
  const random = seededRandom(seed);
  const n = Math.max(2, Math.round(cells));
  const values = Array.from({ length: n }, random);
  return (t: number) => {
    const x = (((t % 1) + 1) % 1) * n;
    const i = Math.floor(x);
    const f = x - i;
    const u = f * f * (3 - 2 * f);
    return values[i % n]! * (1 - u) + values[(i + 1) % n]! * u;
  };
}

/**
 * Silhouette rings as one geometry with a colour per vertex (one draw call for every layer).
 * Draw with a fogged, unlit material: the fog makes far layers paler, which is what gives
 * the distance its depth.
 */
export function createRidgeGeometry(layers: readonly RidgeLayer[], segments = 360): BufferGeometry {
  const positions: number[] = [];
  const colors: number[] = [];
  const index: number[] = [];
  const c = new Color();
  for (const layer of layers) {
    c.set(layer.color);
    const broad = loopNoise(layer.detail, layer.seed);
    const broad2 = loopNoise(layer.detail * 2.1, layer.seed + 1);
    const fine = layer.fine ? loopNoise(layer.fine.detail, layer.seed + 2) : null;
    const start = positions.length / 3;
    for (let i = 0; i <= segments; i++) {
      const t = i / segments;
      const angle = t * Math.PI * 2;
      const envelope = layer.envelope ? layer.envelope(angle) : 1;
      const rise = 0.7 * broad(t) + 0.3 * broad2(t);
      let crest = layer.height[0] + (layer.height[1] - layer.height[0]) * rise;
      if (fine && layer.fine) crest += layer.fine.height * Math.pow(fine(t), 1.5);
      const x = Math.cos(angle) * layer.radius;
      const z = Math.sin(angle) * layer.radius;
      positions.push(x, layer.base, z, x, layer.base + crest * envelope, z);
      colors.push(c.r, c.g, c.b, c.r, c.g, c.b);
      if (i < segments) {
        const a = start + i * 2;
        index.push(a, a + 2, a + 1, a + 1, a + 2, a + 3);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new Float32BufferAttribute(positions, 3));
  geometry.setAttribute("color", new Float32BufferAttribute(colors, 3));
  geometry.setIndex(index);
  return geometry;
}
