import { lazy } from "react";

/*
 * 3D panels and text (uikit + yoga, ~80 KB gzip) are only needed in a headset: on a screen the
 * DOM shows the captions and every control. These chunks load when a session
 * can start (see preloadHeadsetParts) and are never fetched on a plain desktop.
 */
const loadPanels = () => import("../ui/vr/VrPanels");
const loadCaption = () => import("../scene/orb/OrbCaption");

export const LazyVrPanels = lazy(() => loadPanels().then((m) => ({ default: m.VrPanels })));
export const LazyOrbCaption = lazy(() => loadCaption().then((m) => ({ default: m.OrbCaption })));

/** Fetch the headset-only parts ahead of time, once this device can enter VR or AR. */
export function preloadHeadsetParts(): void {
  void loadPanels().catch(() => undefined);
  void loadCaption().catch(() => undefined);
}
