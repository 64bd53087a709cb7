import { PracticeCaption } from "../../practice/PracticeCaption";
import { draftExerciseName } from "../../practice/exercise";
import { usePracticeKeys } from "../../practice/usePracticeKeys";
import { useAppStore } from "../../state/store";
import { useRef } from "react";
import { ScreenHeading } from "../ScreenHeading";
import { showKeyboardHint } from "./keyboardHint";
import { useFadeWhenIdle } from "./useFadeWhenIdle";

/**
 * Step 5: the practice itself. The orb is in the 3D scene; this is its text twin and the
 * controls, which fade after a few seconds without input (the words stay) and come back on
 * any key, pointer or touch. The keyboard hint is shown on a device's first practice only.
 */
export function PracticeScreen() {
  const name = useAppStore((s) => draftExerciseName(s.draft));
  const paused = useAppStore((s) => s.practice.status === "paused");
  const section = useRef<HTMLElement>(null);
  usePracticeKeys();
  useFadeWhenIdle(section);

  return (
    <section ref={section} aria-labelledby="practice-heading" className="screen practice">
      <ScreenHeading id="practice-heading">{name}</ScreenHeading>
      <PracticeCaption />
      {/* The caption itself says "Paused" (and is announced); this is the gentle word beside it. */}
      {paused && <p className="paused-note">Take your time.</p>}
      <p className="actions">
        <button type="button" onClick={() => useAppStore.getState().togglePause()}>
          {paused ? "Resume" : "Pause"}
        </button>
        <button type="button" className="secondary" onClick={() => useAppStore.getState().stop()}>
          Stop
        </button>
      </p>
      {showKeyboardHint() && <p className="hint">Keyboard: Space to pause or resume, Escape to stop.</p>}
    </section>
  );
}
