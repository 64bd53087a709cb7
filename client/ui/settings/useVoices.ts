import { useSyncExternalStore } from "react";
import { hasVoices, onVoicesChanged } from "../../practice/cues/speechCue";

/** Whether this device has speech voices; updates when the voice list loads. */
export function useHasVoices(): boolean {
  return useSyncExternalStore(onVoicesChanged, () => hasVoices(), () => false);
}
