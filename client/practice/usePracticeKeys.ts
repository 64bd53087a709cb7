import { useEffect } from "react";
import { useAppStore, type AppStore } from "../state/store";

/** Elements that own Space or Escape themselves: fields, dialogs and panels marked data-owns-keys (settings). */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [data-owns-keys]';
/** Space already activates these; handling it too would toggle twice. */
const ACTIVATES = 'button, a[href], summary, [role="button"], [role="radio"], [role="checkbox"]';

/**
 * While practising: Space pauses or resumes, Escape stops. Not while typing,
 * not while a dialog (crisis help) is open, where Escape closes the dialog,
 * and not inside the settings panel, where Escape closes the panel.
 */
export function usePracticeKeys(store: AppStore = useAppStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const state = store.getState();
      if (state.screen !== "practice" || state.crisisOpen) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING)) return;
      if (event.key === " " || event.key === "Spacebar") {
        if (target?.closest(ACTIVATES)) return;
        event.preventDefault();
        state.togglePause();
      } else if (event.key === "Escape") {
        event.preventDefault();
        state.stop();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}
