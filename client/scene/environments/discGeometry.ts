import { BufferGeometry, Float32BufferAttribute } from "three";

/**
 * A flat disc of ground or water in the xz plane (y up), centred on the viewer, whose
 * rings widen geometrically: about 30 cm apart at the feet, tens of metres
 * at the horizon. A uniform grid has the same few-metre quads everywhere,
 * and near the viewer such big triangles show as flat facets cutting across
 * the beach; far away they are wasted detail.
 */
export function createDiscGeometry(radius = 450, inner = 0.3, growth = 1.09, segments = 72): BufferGeometry {
  const radii: number[] = [0];
  for (let r = inner; r < radius; r *= growth) radii.push(r);
  radii.push(radius);
  const positions: number[] = [0, 0, 0];
  for (let ring = 1; ring < radii.length; ring++) {
    for (let s = 0; s < segments; s++) {
      const a = (s / segments) * Math.PI * 2;
      positions.push(Math.cos(a) * radii[ring]!, 0, Math.sin(a) * radii[ring]!);
    }
  }
  const index: number[] = [];
  const at = (ring: number, s: number) => 1 + (ring - 1) * segments + (s % segments);
  for (let s = 0; s < segments; s++) index.push(0, at(1, s + 1), at(1, s));
  for (let ring = 1; ring < radii.length - 1; ring++) {
    for (let s = 0; s < segments; s++) {
      const a = at(ring, s), b = at(ring, s + 1), c = at(ring + 1, s), d = at(ring + 1, s + 1);
      // Wound so the faces point up (+y): seen from above.
      index.push(a, b, c, b, d, c);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new Float32BufferAttribute(positions, 3));
  geometry.setIndex(index);
  return geometry;
}
