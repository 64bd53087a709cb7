import { useFrame } from "@react-three/fiber";
import { useEffect } from "react";
import { useAppStore } from "../state/store";
import { xrButtonActions } from "./buttonActions";
import { xrStore } from "./xrStore";

/** xr-standard gamepad mapping: A (right) / X (left). */
const PRIMARY_BUTTON = 4;
/** xr-standard gamepad mapping: B (right) / Y (left). */
const SECONDARY_BUTTON = 5;

// Previous pressed state per hand (0 left, 1 right), for edge detection
// without allocating in the frame loop.
const wasPrimary = [false, false];
const wasSecondary = [false, false];

function isPressed(gamepad: Gamepad, index: number): boolean {
  return gamepad.buttons[index]?.pressed ?? false;
}

/**
 * Keeps the app store's `xrMode` in step with the XR session, and maps
 * controller buttons (`xrButtonActions`): A/X pauses or resumes, B/Y opens crisis help. (Trigger
 * and pinch select through the pointer rays on the panels.)
 */
export function XrInput() {
  useEffect(() => {
    const sync = () => useAppStore.getState().setXrMode(xrStore.getState().mode ?? null);
    sync();
    return xrStore.subscribe((s, prev) => {
      if (s.mode !== prev.mode || s.session !== prev.session) sync();
    });
  }, []);

  useFrame(() => {
    const session = xrStore.getState().session;
    if (!session) return;
    const sources = session.inputSources;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      const gamepad = source?.gamepad;
      if (!source || !gamepad || source.hand) continue;
      const h = source.handedness === "left" ? 0 : 1;
      const primary = isPressed(gamepad, PRIMARY_BUTTON);
      const secondary = isPressed(gamepad, SECONDARY_BUTTON);
      if (primary && !wasPrimary[h]) xrButtonActions.primary();
      if (secondary && !wasSecondary[h]) xrButtonActions.secondary();
      wasPrimary[h] = primary;
      wasSecondary[h] = secondary;
    }
  });

  return null;
}
