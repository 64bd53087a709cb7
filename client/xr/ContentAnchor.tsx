import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { useEffect, useRef, type ReactNode } from "react";
import type { Group } from "three";
import { useAppStore } from "../state/store";
import { anchor, eyeHeightFor, recenterTo, requestRecenter, resetAnchor, setEyeHeight } from "./comfort";

/**
 * Holds the content (orb, panels) at the viewer's eye height, facing them.
 * Children are placed relative to the eyes: -z is straight ahead.
 * The experience is stationary; only "Recenter" (and entering or leaving a
 * session) moves the content, never the viewer.
 */
export function ContentAnchor({ children }: { children: ReactNode }) {
  const group = useRef<Group>(null);
  const applied = useRef(-1);
  const seated = useAppStore((s) => s.settings.seated);
  const inXR = useXR((s) => s.session != null);

  const wasInXR = useRef(inXR);

  // Switching seated/standing resets the height to its preset; in a headset
  // the person has just sat down or stood up, so their real height is better.
  useEffect(() => {
    setEyeHeight(eyeHeightFor(seated));
    if (wasInXR.current) requestRecenter();
  }, [seated]);
  // Entering a headset: face wherever the person is looking, at their height.
  // Leaving it: back where the screen's camera looks, or the orb would float
  // at the headset's last height and heading.
  useEffect(() => {
    if (inXR) requestRecenter();
    else if (wasInXR.current) resetAnchor(eyeHeightFor(useAppStore.getState().settings.seated));
    wasInXR.current = inXR;
  }, [inXR]);

  useFrame(({ camera }) => {
    const g = group.current;
    if (!g) return;
    if (anchor.pending) recenterTo(camera, inXR);
    if (applied.current === anchor.version) return;
    g.position.set(anchor.x, anchor.eyeY, anchor.z);
    g.rotation.set(0, anchor.yaw, 0);
    applied.current = anchor.version;
  });

  return <group ref={group}>{children}</group>;
}
