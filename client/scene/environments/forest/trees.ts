import { Color, ConeGeometry, CylinderGeometry, Float32BufferAttribute, IcosahedronGeometry, Object3D, type BufferGeometry, type Matrix4 } from "three";
import { mergeGeometries, mergeVertices } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { seededRandom } from "../../random";

/** Paint a vertex colour on every vertex of `g` from its position (shade 0 = deep shadow, 1 = full light). */
function paint(g: BufferGeometry, shade: (x: number, y: number, z: number) => number): BufferGeometry {
  const p = g.getAttribute("position");
  const colors = new Float32Array(p.count * 3);
  for (let i = 0; i < p.count; i++) colors.fill(Math.min(1, Math.max(0, shade(p.getX(i), p.getY(i), p.getZ(i)))), i * 3, i * 3 + 3);
  g.setAttribute("color", new Float32BufferAttribute(colors, 3));
  return g;
}

/**
 * A conifer's foliage: five drooping tiers, each darker underneath where its own
 * branches shade it, merged into one geometry (one draw call for every conifer).
 */
export function createConiferGeometry(): BufferGeometry {
  const tiers = [
    { r: 1.7, h: 2.0, y: 2.0 },
    { r: 1.45, h: 1.9, y: 2.9 },
    { r: 1.2, h: 1.8, y: 3.8 },
    { r: 0.9, h: 1.6, y: 4.6 },
    { r: 0.55, h: 1.4, y: 5.4 },
  ].map(({ r, h, y }, tier) => {
    const cone = new ConeGeometry(r, h, 9, 1);
    // The rim of each tier droops and is ragged, like the ends of branches.
    const p = cone.getAttribute("position");
    for (let i = 0; i < p.count; i++) {
      const a = Math.atan2(p.getZ(i), p.getX(i));
      if (p.getY(i) < -h / 2 + 1e-3) p.setY(i, p.getY(i) - 0.12 * Math.sin(a * 9 + tier) ** 2);
    }
    cone.translate(0, y, 0);
    return paint(cone, (_x, py) => 0.55 + 0.45 * ((py - (y - h / 2)) / h) + tier * 0.05);
  });
  const merged = mergeGeometries(tiers);
  tiers.forEach((g) => g.dispose());
  merged.computeVertexNormals();
  return merged;
}

/**
 * A broadleaf tree's crown: a few lumpy, overlapping clumps of leaves, smooth-shaded and
 * darker underneath and inside, merged into one geometry.
 */
export function createBroadleafGeometry(seed = 2): BufferGeometry {
  const random = seededRandom(seed);
  const clumps = [
    [0, 4.3, 0, 1.5],
    [0.9, 3.7, 0.3, 1.1],
    [-0.8, 3.8, -0.4, 1.15],
    [0.1, 5.0, -0.2, 1.05],
  ].map(([cx, cy, cz, r]) => {
    const g = mergeVertices(new IcosahedronGeometry(r!, 1).deleteAttribute("normal").deleteAttribute("uv"));
    const p = g.getAttribute("position");
    const k = random() * 10;
    for (let i = 0; i < p.count; i++) {
      const [x, y, z] = [p.getX(i), p.getY(i), p.getZ(i)];
      const lump = 1 + 0.13 * Math.sin(x * 3.1 + k) * Math.sin(y * 2.7 + k) * Math.sin(z * 3.3 + 2 * k);
      p.setXYZ(i, x * lump + cx!, y * lump * 0.85 + cy!, z * lump + cz!);
    }
    return g;
  });
  const merged = mergeGeometries(clumps);
  clumps.forEach((g) => g.dispose());
  merged.computeVertexNormals();
  return paint(merged, (x, y, z) => 0.45 + 0.35 * Math.min(1, Math.max(0, (y - 2.7) / 3)) + 0.2 * Math.min(1, Math.hypot(x, z) / 1.8));
}

/** A tapering trunk, `height` m tall. */
export function createTrunkGeometry(height = 1.6): BufferGeometry {
  return new CylinderGeometry(0.11, 0.2, height, 7).translate(0, height / 2, 0);
}

/** Where each tree of one kind stands, and its colour. */
export interface TreeLayout {
  matrices: Matrix4[];
  colors: Color[];
}

export interface TreeRing {
  count: number;
  /** nearest and furthest tree, m */
  inner: number;
  outer: number;
  /** base size and how much it varies */
  size: number;
  sizeSpread: number;
  /** foliage colours drawn from at random */
  palette: readonly string[];
  /** how much further back (m) trees stand straight ahead, so the orb has a calm backdrop */
  gapAhead: number;
  /** height offset, m (bushes are tree crowns sunk into the ground) */
  sink?: number;
  seed: number;
}

/** Scatter one kind of tree in a ring around the clearing. */
export function layoutTrees(ring: TreeRing): TreeLayout {
  const random = seededRandom(ring.seed);
  const o = new Object3D();
  const matrices: Matrix4[] = [];
  const colors: Color[] = [];
  while (matrices.length < ring.count) {
    const angle = random() * Math.PI * 2;
    // -z (angle ~ -pi/2) is "ahead".
    const ahead = Math.abs(Math.atan2(Math.sin(angle + Math.PI / 2), Math.cos(angle + Math.PI / 2)));
    const r = ring.inner + Math.pow(random(), 0.7) * (ring.outer - ring.inner) + (ahead < 0.55 ? ring.gapAhead : 0);
    const s = ring.size * (1 + (random() - 0.5) * ring.sizeSpread) * (0.8 + (0.4 * r) / ring.outer);
    o.position.set(Math.cos(angle) * r, (ring.sink ?? 0) * s, Math.sin(angle) * r);
    o.rotation.set(0, random() * Math.PI * 2, 0);
    o.scale.set(s, s * (0.9 + random() * 0.3), s);
    o.updateMatrix();
    matrices.push(o.matrix.clone());
    colors.push(new Color(ring.palette[Math.floor(random() * ring.palette.length)] ?? "#44704c"));
  }
  return { matrices, colors };
}
