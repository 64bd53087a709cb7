import { installCues } from "../practice/cues/installCues";
import { startDomDriver } from "../practice/domDriver";
import { recordHistory } from "../practice/historyRecorder";
import { persistSettings } from "../state/settingsStorage";
import { useAppStore } from "../state/store";
import { currentXrStore } from "../xr/xrLoader";

/**
 * Everything that runs beside React for the app's lifetime: settings saving,
 * history recording, the DOM practice driver and the cue engines.
 * Returns one cleanup for all of them.
 */
export function startServices(): () => void {
  const stops = [
    persistSettings(useAppStore),
    recordHistory(useAppStore),
    startDomDriver(),
    installCues({ getSession: () => currentXrStore()?.getState().session }),
  ];
  return () => stops.forEach((stop) => stop());
}
