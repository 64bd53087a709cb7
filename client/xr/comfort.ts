import { Euler, Quaternion, Vector3, type Camera } from "three";

/** Eye height for a seated person, m (local-floor space). */
export const SEATED_EYE_HEIGHT = 1.2;
/** Eye height for a standing person, m. */
export const STANDING_EYE_HEIGHT = 1.6;

export const eyeHeightFor = (seated: boolean) => (seated ? SEATED_EYE_HEIGHT : STANDING_EYE_HEIGHT);

/**
 * Where the content (orb, panels) is anchored: at the viewer's feet, turned to
 * face where they looked when they last recentered. Mutable and outside React:
 * it is read every frame and changed by a button, never rendered.
 */
export const anchor = {
  /** heading the content faces, rad around +y */
  yaw: 0,
  x: 0,
  z: 0,
  /** eye height the content is placed for, m */
  eyeY: SEATED_EYE_HEIGHT,
  /** set by `requestRecenter`, consumed on the next frame that has a camera */
  pending: false,
  /** bumps on each change so followers can skip unchanged frames */
  version: 0,
};

/** Ask for the content to be re-placed in front of the viewer's current head yaw. */
export function requestRecenter(): void {
  anchor.pending = true;
}

/** Put the content back at the default height for seated/standing. */
export function setEyeHeight(eyeY: number): void {
  anchor.eyeY = eyeY;
  anchor.version++;
}

/**
 * Back to the screen's framing after a session ends: straight ahead (yaw 0)
 * at the origin and the preset eye height, where the desktop camera is. The
 * headset's last pose (its height, where the person was facing) means
 * nothing to a screen.
 */
export function resetAnchor(eyeY: number): void {
  anchor.yaw = 0;
  anchor.x = 0;
  anchor.z = 0;
  anchor.eyeY = eyeY;
  anchor.pending = false;
  anchor.version++;
}

// Scratch objects: recentering reads the camera pose without allocating.
const headPosition = new Vector3();
const headQuaternion = new Quaternion();
const headEuler = new Euler(0, 0, 0, "YXZ");

/**
 * Re-anchor to the camera's current pose: its yaw only (pitch and roll are
 * ignored so the content stays level) and its height when `useHeadHeight`
 * (in a headset the real eye height beats a preset).
 */
export function recenterTo(camera: Camera, useHeadHeight: boolean): boolean {
  camera.getWorldPosition(headPosition);
  // The XR camera has no pose until the first tracked frame; try again later.
  if (useHeadHeight && headPosition.y <= 0.3) return false;
  camera.getWorldQuaternion(headQuaternion);
  headEuler.setFromQuaternion(headQuaternion, "YXZ");
  anchor.yaw = headEuler.y;
  anchor.x = headPosition.x;
  anchor.z = headPosition.z;
  if (useHeadHeight) anchor.eyeY = headPosition.y;
  anchor.pending = false;
  anchor.version++;
  return true;
}
