import { useEffect, useRef } from "react";
import { practiceTicker, type PracticeTicker } from "../../practice/ticker";
import { frame } from "../../state/frame";

/**
 * The pacer without 3D: a soft disc that grows over each in-breath and shrinks over each
 * out-breath. The ticker's step events set a CSS transition as long as the step, so the browser
 * animates it: no React render and no script per frame. Decorative: the caption says the same.
 */
export function DomPacer({ ticker = practiceTicker }: { ticker?: PracticeTicker }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const offStep = ticker.onStep((step) => {
      if (step.kind !== "breathing") return;
      const target = step.phase === "inhale" ? "1" : step.phase === "exhale" ? "0" : null;
      if (target === null) return;
      // The rest of this step (a person joining mid-breath catches up smoothly), ms.
      el.style.transitionDuration = `${Math.round(frame.phase.remainingMs || step.stepMs)}ms`;
      el.style.setProperty("--fullness", target);
    });
    const offDisplay = ticker.onDisplay((f) => {
      el.classList.toggle("on", f.kind === "breathing");
      if (f.kind !== "breathing" || f.leadIn > 0) {
        el.style.transitionDuration = "600ms";
        el.style.setProperty("--fullness", "0");
      }
    });
    return () => {
      offStep();
      offDisplay();
    };
  }, [ticker]);
  return <div ref={ref} className="dom-pacer" aria-hidden="true" />;
}
