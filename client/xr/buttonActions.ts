import { useAppStore } from "../state/store";

/**
 * What the controllers' face buttons do: A/X pauses or resumes the calm space's practice, B/Y
 * opens crisis help. A page with other meanings (the group room: A/X silences one's own cues,
 * since nobody pauses a shared practice) binds its own while it is shown.
 */
export const xrButtonActions = {
  primary: (): void => useAppStore.getState().togglePause(),
  secondary: (): void => useAppStore.getState().openCrisis(),
};

/** Give A/X another meaning until the returned cleanup runs. */
export function bindPrimaryButton(action: () => void): () => void {
  const before = xrButtonActions.primary;
  xrButtonActions.primary = action;
  return () => {
    if (xrButtonActions.primary === action) xrButtonActions.primary = before;
  };
}
