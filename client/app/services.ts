import { installCues } from "../practice/cues/installCues";
import { startDomDriver } from "../practice/domDriver";
import { recordHistory } from "../practice/historyRecorder";
import { frame } from "../state/frame";
import { persistSettings } from "../state/settingsStorage";
import { useAppStore } from "../state/store";
import { currentXrStore } from "./xrLoader";

/**
 * Everything that runs beside React for the app's lifetime: settings saving,
 * history recording, the DOM practice driver and the cue engines.
 * Returns one cleanup for all of them.
 */
export function startServices(): () => void {
  const stops = [
    persistSettings(useAppStore),
    recordHistory(useAppStore),
    startDomDriver(useAppStore),
    installCues({ getSession: () => currentXrStore()?.getState().session }),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Handles for tests and dev tools; never in a production build (the condition is constant-folded away). */
export function exposeTestHooks(): void {
  if (import.meta.env.MODE === "test" || import.meta.env.DEV) {
    const w = window as unknown as { __brTest?: Record<string, unknown> };
    Object.assign((w.__brTest ??= {}), { store: useAppStore, frame });
  }
}
