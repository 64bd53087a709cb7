import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import type { PerspectiveCamera } from "three";
import { useAppStore } from "../../state/store";

/**
 * Share of the view height the picture moves down while practising on a
 * screen, so the orb sits at about a third of the way down, clear of the caption card
 * at the bottom (the card grows with larger text and long guided prompts).
 */
export const PRACTICE_FRAME_SHIFT = 0.16;

/**
 * On a screen during practice, frame the scene so the orb rides above the
 * DOM's caption card: a view offset, so nothing in the scene moves and
 * drag-to-look is unchanged. A headset frames itself.
 */
export function ScreenFraming() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const { width, height } = useThree((s) => s.size);
  const practising = useAppStore((s) => s.screen === "practice");
  const inXr = useAppStore((s) => s.xrMode !== null);
  useEffect(() => {
    if (!camera.isPerspectiveCamera) return undefined;
    if (practising && !inXr) camera.setViewOffset(width, height, 0, height * PRACTICE_FRAME_SHIFT, width, height);
    else camera.clearViewOffset();
    return () => camera.clearViewOffset();
  }, [camera, width, height, practising, inXr]);
  return null;
}
