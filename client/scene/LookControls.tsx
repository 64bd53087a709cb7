import { useFrame, useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { useAppStore } from "../state/store";
import { eyeHeightFor } from "../xr/comfort";

/** Radians turned per CSS pixel dragged. */
const RAD_PER_PX = 0.0045;
/** Pitch limits, rad: enough to see the sky and the ground, never upside down. */
const MIN_PITCH = -0.7;
const MAX_PITCH = 0.9;

/** Radians turned per arrow-key press (held keys repeat). */
const KEY_YAW = 0.12;
const KEY_PITCH = 0.08;

/**
 * Arrow keys look around while nothing that uses them has focus (a form control, a radio group, a
 * menu): only when the page itself or the scene is the target. Up and down tilt the view only when
 * the page has nothing to scroll, so they never take scrolling away from a keyboard user.
 * @returns whether the key turned the view
 */
export function arrowLook(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return false;
  const t = e.target;
  if (t !== document.body && t !== document.documentElement && !(t instanceof HTMLCanvasElement)) return false;
  const yaw = e.key === "ArrowLeft" ? 1 : e.key === "ArrowRight" ? -1 : 0;
  const scrolls = document.documentElement.scrollHeight > window.innerHeight;
  const pitch = scrolls ? 0 : e.key === "ArrowUp" ? 1 : e.key === "ArrowDown" ? -1 : 0;
  if (!yaw && !pitch) return false;
  look.yaw += yaw * KEY_YAW;
  look.pitch = Math.min(MAX_PITCH, Math.max(MIN_PITCH, look.pitch + pitch * KEY_PITCH));
  look.dirty = true;
  return true;
}

/** The desktop/phone view direction; mutated by pointer drags and arrow keys, read per frame. */
export const look = { yaw: 0, pitch: 0.05, dirty: true };

/**
 * Look around by dragging (mouse or touch) or with the arrow keys. The viewer stays where they are:
 * no zoom, no pan, no walking — only yaw and a limited pitch, like turning
 * one's head. In a headset the XR camera takes over and this does nothing.
 */
export function LookControls() {
  const element = useThree((s) => s.gl.domElement);
  const seated = useAppStore((s) => s.settings.seated);

  useEffect(() => {
    let pointerId: number | null = null;
    let lastX = 0;
    let lastY = 0;
    const down = (e: PointerEvent) => {
      // A second finger does not steal the drag; but a pointer whose capture is gone (its up was
      // lost: the page hidden mid-drag, a capture the browser released) no longer blocks the next one.
      if (pointerId != null && element.hasPointerCapture(pointerId)) return;
      pointerId = e.pointerId;
      lastX = e.clientX;
      lastY = e.clientY;
      try {
        element.setPointerCapture(e.pointerId);
      } catch {
        // Already released (a very short tap on a busy page): the drag still follows this pointer over the canvas.
      }
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      look.yaw += (e.clientX - lastX) * RAD_PER_PX;
      look.pitch = Math.min(MAX_PITCH, Math.max(MIN_PITCH, look.pitch + (e.clientY - lastY) * RAD_PER_PX));
      lastX = e.clientX;
      lastY = e.clientY;
      look.dirty = true;
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId === pointerId) pointerId = null;
    };
    const ends = ["pointerup", "pointercancel", "lostpointercapture"] as const;
    element.addEventListener("pointerdown", down);
    element.addEventListener("pointermove", move);
    for (const type of ends) element.addEventListener(type, up);
    return () => {
      element.removeEventListener("pointerdown", down);
      element.removeEventListener("pointermove", move);
      for (const type of ends) element.removeEventListener(type, up);
    };
  }, [element]);

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (arrowLook(e)) e.preventDefault();
    };
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, []);

  useEffect(() => {
    look.dirty = true;
  }, [seated]);

  useFrame(({ camera, gl }) => {
    if (!look.dirty || gl.xr.isPresenting) return;
    camera.position.set(0, eyeHeightFor(seated), 0);
    camera.rotation.set(look.pitch, look.yaw, 0, "YXZ");
    look.dirty = false;
  });

  return null;
}
