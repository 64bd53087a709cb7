/** localStorage key: set once the keyboard hint has been shown on this device. */
const SEEN_KEY = "breathing-room.keyboard-hint-seen";

let decided: boolean | undefined;

/**
 * Whether to show "Space to pause…" in this page's practices: only until it has been shown
 * once on this device (remembered where storage works). Decided once per page load, so the
 * hint does not vanish mid-practice when the component re-renders.
 */
export function showKeyboardHint(storage: Storage | undefined = globalThis.localStorage): boolean {
  if (decided !== undefined) return decided;
  try {
    decided = storage?.getItem(SEEN_KEY) !== "1";
    storage?.setItem(SEEN_KEY, "1");
  } catch {
    decided = true;
  }
  return decided;
}

/** For tests: forget this page load's decision. */
export function resetKeyboardHint(): void {
  decided = undefined;
}
