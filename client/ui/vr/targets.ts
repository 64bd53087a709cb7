import { Vector3, type Object3D } from "three";

/** An in-VR button a test (or an accessibility tool) can aim at. */
export interface VrTarget {
  label: string;
  /** world position of the button's centre, m */
  position: [number, number, number];
}

/** A run of in-VR text, as a test measures its legibility. */
export interface VrTextInfo {
  text: string;
  /** what the text is for: "body", "h1", "label", "caption"… (see TYPE_SCALE) */
  role: string;
  /** font size in the world, m */
  size: number;
  /** world position of the text block's centre, m */
  position: [number, number, number];
}

const targets = new Map<Object3D, string>();
const texts = new Map<Object3D, { role: string; text: string; size: number }>();

/** Register a button under its label; returns the cleanup. */
export function registerVrTarget(object: Object3D, label: string): () => void {
  targets.set(object, label);
  object.userData.vrLabel = label;
  return () => {
    targets.delete(object);
    delete object.userData.vrLabel;
  };
}

/** Register a text block with its font size in the world, m (nothing above the panels is scaled). */
export function registerVrText(object: Object3D, role: string, text: string, size: number): () => void {
  texts.set(object, { role, text, size });
  return () => {
    texts.delete(object);
  };
}

/**
 * uikit elements carry their own visibility (displayed, not clipped away by a
 * scrolling parent, not hidden); their `visible` flag only says whether three
 * needs to walk into them.
 */
const isVisible = (o: Object3D) => {
  const uikit = o as Object3D & { isVisible?: { peek(): boolean } };
  return uikit.isVisible ? uikit.isVisible.peek() : o.visible;
};

function isShown(object: Object3D): boolean {
  let o: Object3D | null = object;
  while (o) {
    if (!isVisible(o)) return false;
    if (o.parent == null) return o.type === "Scene";
    o = o.parent;
  }
  return false;
}

const world = new Vector3();

function worldPosition(object: Object3D): [number, number, number] {
  object.updateWorldMatrix(true, false);
  object.getWorldPosition(world);
  return [world.x, world.y, world.z];
}

/** Every visible in-VR button with its world position (not a hot path). */
export function vrTargets(): VrTarget[] {
  const out: VrTarget[] = [];
  for (const [object, label] of targets) if (isShown(object)) out.push({ label, position: worldPosition(object) });
  return out;
}

/** Every visible in-VR text block with its world font size and position (not a hot path). */
export function vrTexts(): VrTextInfo[] {
  const out: VrTextInfo[] = [];
  for (const [object, t] of texts) {
    if (!isShown(object)) continue;
    out.push({ ...t, position: worldPosition(object) });
  }
  return out;
}
