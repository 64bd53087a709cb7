import { createXRStore } from "@react-three/xr";
import { installEmulator, wantsEmulator } from "./emulator";

// The emulated runtime has to be in place before the store (or the DOM's
// "Enter VR" button) asks navigator.xr anything. A top-level await holds back
// every module that imports the store until then. The condition is constant
// false in production builds, so the await and the iwer chunk disappear there.
if ((import.meta.env.DEV || import.meta.env.MODE === "test") && wantsEmulator()) {
  await installEmulator();
}

/**
 * Where controller and hand models come from: our own server (see
 * scripts/inputProfilesPlugin.ts), never a CDN. Must be absolute: the loaders
 * resolve paths with `new URL(relative, base)`.
 */
export const INPUT_PROFILES_URL =
  typeof location === "undefined" ? "http://localhost/input-profiles/" : new URL("/input-profiles/", location.origin).href;

/**
 * The app's one XR store. Stationary experience: no locomotion, rays and
 * pinch (touch) pointers only. `emulate: false` because @react-three/xr's own
 * emulator refuses to install over Chromium's native navigator.xr; we install
 * IWER ourselves above.
 */
export const xrStore = createXRStore({
  emulate: false,
  offerSession: false,
  baseAssetPath: INPUT_PROFILES_URL,
  defaultControllerProfileId: "generic-trigger",
  // No grab pointer: nothing here is meant to be picked up, and a second
  // pointer per hand only adds hover noise.
  controller: { grabPointer: false, teleportPointer: false },
  hand: { grabPointer: false, teleportPointer: false, touchPointer: true },
  // Hand tracking is optional: Quest offers it, other headsets may not.
  handTracking: true,
  // Gaze pointers would fire on anything the user looks at.
  gaze: false,
  frameRate: "high",
  foveation: 1,
});
