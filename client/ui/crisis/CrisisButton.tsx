import { useAppStore } from "../../state/store";

/**
 * "Need help now?": fixed in a top corner and first in the tab order on
 * every screen, so help is one action away. Opening pauses a running
 * practice (the store does that, for the in-VR button too).
 */
export function CrisisButton() {
  return (
    <button type="button" className="crisis-button" aria-haspopup="dialog" onClick={() => useAppStore.getState().openCrisis()}>
      Need help now?
    </button>
  );
}
