import { useEffect, useRef } from "react";
import type { FrameState } from "../state/frame";
import { frame } from "../state/frame";
import { practiceTicker, type PracticeTicker } from "./ticker";

/** "2:05 left" for guided exercises, where a per-step count would mean little. */
function timeLeft(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${s < 10 ? "0" : ""}${s} left`;
}

/**
 * The pacer's words as DOM text in a polite live region. The ticker writes
 * the text straight into these nodes when it changes: no React render per
 * second, and screen readers hear each new phase.
 */
export function PracticeCaption({ ticker = practiceTicker }: { ticker?: PracticeTicker }) {
  const captionRef = useRef<HTMLParagraphElement>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const progressRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let caption: string | null = null;
    let count = -1;
    let progress: string | null = null;
    const show = (f: Readonly<FrameState>) => {
      if (f.caption !== caption && captionRef.current) captionRef.current.textContent = caption = f.caption;
      if (f.count !== count && countRef.current) {
        count = f.count;
        countRef.current.textContent = f.kind === "guided" ? timeLeft(count) : count > 0 ? String(count) : "";
      }
      if (f.progressText !== progress && progressRef.current) progressRef.current.textContent = progress = f.progressText;
    };
    show(frame);
    return ticker.onDisplay(show);
  }, [ticker]);

  // The count is aria-hidden: announcing every second would drown out the phase changes.
  return (
    <div role="status" aria-live="polite" className="practice-caption">
      <p ref={captionRef} className="caption" />
      <p ref={countRef} className="count" aria-hidden="true" />
      <p ref={progressRef} className="progress" />
    </div>
  );
}
