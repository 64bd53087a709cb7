import { useEffect, useRef } from "react";
import type { FrameState } from "../state/frame";
import { frame } from "../state/frame";
import { practiceTicker, type PracticeTicker } from "./ticker";

/** What the caption says while paused; resuming brings the phase caption back, so both are announced. */
const PAUSED = "Paused";

/** "2:05 left" for guided exercises, where a per-step count would mean little. */
function timeLeft(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${s < 10 ? "0" : ""}${s} left`;
}

/**
 * The pacer's words as DOM text. Only the caption is a live region, so a
 * screen reader hears each new phase and "Paused"/the caption on pause and
 * resume, never the per-second count or the cycle progress (both stay on
 * screen). The ticker and the store write straight into these nodes: no React
 * render per second.
 */
export function PracticeCaption({ ticker = practiceTicker }: { ticker?: PracticeTicker }) {
  const captionRef = useRef<HTMLParagraphElement>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const progressRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let latest: Readonly<FrameState> = frame;
    let caption: string | null = null;
    let count = -1;
    let progress: string | null = null;
    const writeCaption = () => {
      const text = latest.paused ? PAUSED : latest.caption;
      if (text !== caption && captionRef.current) captionRef.current.textContent = caption = text;
    };
    const show = (f: Readonly<FrameState>) => {
      latest = f;
      writeCaption();
      if (f.count !== count && countRef.current) {
        count = f.count;
        countRef.current.textContent = f.kind === "guided" ? timeLeft(count) : count > 0 ? String(count) : "";
      }
      if (f.progressText !== progress && progressRef.current) progressRef.current.textContent = progress = f.progressText;
    };
    show(frame);
    return ticker.onDisplay(show);
  }, [ticker]);

  // role="status" sits on the caption alone: the region is atomic, so anything else inside would be re-read at each change.
  return (
    <div className="practice-caption">
      <p ref={captionRef} role="status" aria-live="polite" aria-atomic="true" className="caption" />
      <p ref={countRef} className="count" aria-hidden="true" />
      <p ref={progressRef} className="progress" />
    </div>
  );
}
