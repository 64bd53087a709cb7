/**
 * Dev/test-only emulated headset (IWER, Meta Quest 3). Loaded lazily, so it is
 * never part of a production build's initial chunk, and only when the page is
 * opened with `?xr=emulate` in a dev server or a `vite build --mode test` build.
 *
 * Driving it from a test (iwer 2.5; `d = window.__brTest.xrDevice`):
 *
 *   - Enter VR: click the "Enter VR" button (or `__brTest.xrStore.enterVR()`);
 *     wait until `__brTest.store.getState().xrMode === "immersive-vr"`.
 *   - Aim: `const t = __brTest.vrTargets().find((t) => t.label === "Start")`,
 *     then `await d.remote.dispatch("look_at", { device: "controller-right", target: { x, y, z } })`
 *     (look_at turns the device to face the target; it keeps its position).
 *     Wait two or three frames so the ray's hover registers.
 *   - Ray click: `await d.remote.dispatch("select", { device: "controller-right", duration: 0.6 })`.
 *     The duration must be LONGER than one frame: IWER runs press, wait and
 *     release in one frame's update when the frame delta exceeds the
 *     duration, and the press is then never seen (at SwiftShader's 2–5 XR fps,
 *     0.1 s loses every press). Long presses are fine here: in-VR buttons
 *     select on down+up by the same pointer, with no 300 ms click limit.
 *     Low-level form: `d.controllers.right.updateButtonValue("trigger", 1)`,
 *     `await __brTest.xrStore.requestFrame()` twice, then `updateButtonValue("trigger", 0)`.
 *   - Pinch: `d.primaryInputMode = "hand"`, wait ~1 s for the hands to
 *     appear, aim with `look_at` on `device: "hand-right"`, then
 *     `await d.remote.dispatch("select", { device: "hand-right", duration: 0.6 })`.
 *     Back to controllers with `d.primaryInputMode = "controller"`.
 *   - Buttons: `d.controllers.right.updateButtonValue("a-button", 1)` (then 0)
 *     toggles pause; "b-button" opens crisis help.
 *   - Head: `d.position.set(x, y, z)`, `d.quaternion.setFromEuler(...)`.
 *
 * `remote.dispatch` for state-changing methods is queued and executed on XR
 * frames, so it needs a running session and resolves once it has been applied.
 */
import type { XRDevice } from "iwer";
import { exposeTestHooks } from "../state/testHooks";

/** Whether this page asked for the emulator and the build allows one. */
export function wantsEmulator(): boolean {
  if (!(import.meta.env.DEV || import.meta.env.MODE === "test")) return false;
  if (typeof window === "undefined" || typeof location === "undefined") return false;
  return new URLSearchParams(location.search).get("xr") === "emulate";
}

/**
 * Install IWER as `navigator.xr`. Must finish before anything asks
 * `navigator.xr` whether VR is supported; Chromium's native (sessionless)
 * runtime is replaced, hence `forceInstall`.
 */
export async function installEmulator(): Promise<XRDevice> {
  const { XRDevice, metaQuest3 } = await import("iwer");
  const device = new XRDevice(metaQuest3);
  device.installRuntime({ forceInstall: true });
  exposeTestHooks({ xrDevice: device });
  return device;
}
