import { Color, ConeGeometry, CylinderGeometry, Object3D, type BufferGeometry, type Matrix4 } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { seededRandom } from "../../random";

/** A low-poly conifer canopy: three stacked cones merged into one geometry (one draw call for all trees). */
export function createCanopyGeometry(): BufferGeometry {
  const tiers = [
    { r: 1.5, h: 2.6, y: 2.4 },
    { r: 1.15, h: 2.2, y: 3.7 },
    { r: 0.75, h: 1.8, y: 4.9 },
  ].map(({ r, h, y }) => new ConeGeometry(r, h, 7, 1).translate(0, y, 0));
  const merged = mergeGeometries(tiers);
  tiers.forEach((g) => g.dispose());
  // Low-poly facets read better flat-shaded, and it is cheaper.
  return merged.toNonIndexed();
}

export function createTrunkGeometry(): BufferGeometry {
  return new CylinderGeometry(0.12, 0.2, 1.6, 6).translate(0, 0.8, 0);
}

/** Tree placement: a ring around the clearing, thinner in front so the view opens. */
export interface TreeLayout {
  matrices: Matrix4[];
  colors: Color[];
}

const CANOPY_GREENS = ["#3f6b4a", "#4a7a52", "#36603f", "#56825a", "#44704c"];

/**
 * @param count number of trees
 * @param inner clearing radius, m
 * @param outer outermost tree, m
 */
export function layoutTrees(count: number, inner: number, outer: number, seed = 7): TreeLayout {
  const random = seededRandom(seed);
  const o = new Object3D();
  const matrices: Matrix4[] = [];
  const colors: Color[] = [];
  while (matrices.length < count) {
    const angle = random() * Math.PI * 2;
    // -z (angle ~ -pi/2) is "ahead": keep a gap there so the orb has a calm backdrop of distant trees.
    const ahead = Math.abs(Math.atan2(Math.sin(angle + Math.PI / 2), Math.cos(angle + Math.PI / 2)));
    const r = inner + Math.pow(random(), 0.7) * (outer - inner) + (ahead < 0.5 ? 10 : 0);
    const s = 0.8 + random() * 0.9 + r / outer;
    o.position.set(Math.cos(angle) * r, 0, Math.sin(angle) * r);
    o.rotation.set(0, random() * Math.PI * 2, 0);
    o.scale.set(s, s * (0.9 + random() * 0.4), s);
    o.updateMatrix();
    matrices.push(o.matrix.clone());
    colors.push(new Color(CANOPY_GREENS[Math.floor(random() * CANOPY_GREENS.length)] ?? "#44704c"));
  }
  return { matrices, colors };
}
