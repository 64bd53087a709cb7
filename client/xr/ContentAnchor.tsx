import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { useEffect, useRef, type ReactNode } from "react";
import type { Group } from "three";
import { useAppStore } from "../state/store";
import { anchor, eyeHeightFor, recenterTo, requestRecenter, setEyeHeight } from "./comfort";

/**
 * Holds the content (orb, panels) at the viewer's eye height, facing them.
 * Children are placed relative to the eyes: -z is straight ahead.
 * The experience is stationary; only "Recenter" moves the content, never the
 * viewer.
 */
export function ContentAnchor({ children }: { children: ReactNode }) {
  const group = useRef<Group>(null);
  const applied = useRef(-1);
  const seated = useAppStore((s) => s.settings.seated);
  const inXR = useXR((s) => s.session != null);

  // Switching seated/standing resets the height to its preset.
  useEffect(() => setEyeHeight(eyeHeightFor(seated)), [seated]);
  // Entering a headset: face wherever the person is looking, at their height.
  useEffect(() => {
    if (inXR) requestRecenter();
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
