import { useEffect } from "react";
import { useAppStore } from "../state/store";

/** Reflect comfort settings as classes on <html>, where the CSS switches type size, contrast and motion. */
export function useDocumentClasses(root: HTMLElement = document.documentElement): void {
  const largeText = useAppStore((s) => s.settings.largeText);
  const highContrast = useAppStore((s) => s.settings.highContrast);
  const reducedMotion = useAppStore((s) => s.settings.reducedMotion);
  useEffect(() => {
    root.classList.toggle("large-text", largeText);
    root.classList.toggle("high-contrast", highContrast);
    root.classList.toggle("reduced-motion", reducedMotion);
  }, [root, largeText, highContrast, reducedMotion]);
}
