import { useEffect, type RefObject } from "react";

/** How long without any input before the practice controls fade, ms. */
export const IDLE_MS = 4000;

/** Any of these, anywhere on the page, brings the controls back. */
const WAKE_EVENTS = ["pointermove", "pointerdown", "keydown", "touchstart", "wheel", "focusin"] as const;

/**
 * Mark `ref`'s element `idle` after `ms` without input, so its CSS can fade the controls and
 * leave the words over the scene; any key, pointer or touch clears it at once. Only a class
 * changes (no React render): the controls stay in the accessibility tree and in the tab order.
 */
export function useFadeWhenIdle(ref: RefObject<HTMLElement | null>, ms = IDLE_MS): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      element.classList.remove("idle");
      clearTimeout(timer);
      timer = setTimeout(() => element.classList.add("idle"), ms);
    };
    for (const type of WAKE_EVENTS) window.addEventListener(type, wake, { passive: true, capture: true });
    wake();
    return () => {
      clearTimeout(timer);
      for (const type of WAKE_EVENTS) window.removeEventListener(type, wake, { capture: true });
    };
  }, [ref, ms]);
}
