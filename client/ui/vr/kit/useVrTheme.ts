import { useAppStore } from "../../../state/store";
import { vrTheme, type VrTheme } from "./theme";

/** The in-VR theme for the current "Larger text" and "High contrast" settings. */
export function useVrTheme(): VrTheme {
  const largeText = useAppStore((s) => s.settings.largeText);
  const highContrast = useAppStore((s) => s.settings.highContrast);
  return vrTheme(largeText, highContrast);
}
