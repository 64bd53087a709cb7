import { useFrame, useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { useAppStore } from "../state/store";
import { eyeHeightFor } from "../xr/comfort";

/** Radians turned per CSS pixel dragged. */
const RAD_PER_PX = 0.0045;
/** Pitch limits, rad: enough to see the sky and the ground, never upside down. */
const MIN_PITCH = -0.7;
const MAX_PITCH = 0.9;

/** The desktop/phone view direction; mutated by pointer drags, read per frame. */
export const look = { yaw: 0, pitch: 0.05, dirty: true };

/**
 * Look around by dragging (mouse or touch). The viewer stays where they are:
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
      if (pointerId != null) return;
      pointerId = e.pointerId;
      lastX = e.clientX;
      lastY = e.clientY;
      element.setPointerCapture(e.pointerId);
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
    element.addEventListener("pointerdown", down);
    element.addEventListener("pointermove", move);
    element.addEventListener("pointerup", up);
    element.addEventListener("pointercancel", up);
    return () => {
      element.removeEventListener("pointerdown", down);
      element.removeEventListener("pointermove", move);
      element.removeEventListener("pointerup", up);
      element.removeEventListener("pointercancel", up);
    };
  }, [element]);

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
