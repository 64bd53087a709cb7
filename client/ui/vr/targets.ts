import { Vector3, type Object3D } from "three";

/** An in-VR button a test (or an accessibility tool) can aim at. */
export interface VrTarget {
  label: string;
  /** world position of the button's centre, m */
  position: [number, number, number];
}

const registered = new Map<Object3D, string>();

/** Register a button mesh under its label; returns the cleanup. */
export function registerVrTarget(object: Object3D, label: string): () => void {
  registered.set(object, label);
  return () => {
    registered.delete(object);
  };
}

function isShown(object: Object3D): boolean {
  let o: Object3D | null = object;
  while (o) {
    if (!o.visible) return false;
    if (o.parent == null) return o.type === "Scene";
    o = o.parent;
  }
  return false;
}

const world = new Vector3();

/** Every visible in-VR button with its world position (not a hot path). */
export function vrTargets(): VrTarget[] {
  const out: VrTarget[] = [];
  for (const [object, label] of registered) {
    if (!isShown(object)) continue;
    object.updateWorldMatrix(true, false);
    object.getWorldPosition(world);
    out.push({ label, position: [world.x, world.y, world.z] });
  }
  return out;
}
