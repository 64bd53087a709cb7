import { useAppStore, type AppStore } from "../state/store";
import { practiceTicker, type PracticeTicker } from "./ticker";

/**
 * Drives the ticker outside XR: every animation frame, plus a timer aimed at
 * the next caption change. The timer matters because a slow renderer (software
 * WebGL runs at 4–9 fps) would otherwise show "Hold" up to 250 ms late, and
 * because background tabs and XR sessions pause window animation frames.
 * Returns the cleanup.
 */
export function startDomDriver(store: AppStore = useAppStore, ticker: PracticeTicker = practiceTicker): () => void {
  let raf = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** performance.now() the pending timer aims at */
  let timerAt = Infinity;
  const hasRaf = typeof requestAnimationFrame === "function";

  function run() {
    const now = performance.now();
    ticker.tick(now);
    const running = store.getState().practice.status === "running";
    const at = running ? now + ticker.nextChangeIn() + 1 : Infinity;
    // Re-arm only when the target moves, so steady frames create no timers.
    if (Math.abs(at - timerAt) > 2) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      timerAt = at;
      if (Number.isFinite(at)) timer = setTimeout(onTimer, at - now);
    }
    if (running && hasRaf && raf === 0) raf = requestAnimationFrame(onFrame);
  }
  function onFrame() {
    raf = 0;
    run();
  }
  function onTimer() {
    timer = undefined;
    timerAt = Infinity;
    run();
  }

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.practice !== prev.practice || state.draft !== prev.draft) run();
  });
  run();
  return () => {
    unsubscribe();
    if (raf !== 0 && hasRaf) cancelAnimationFrame(raf);
    if (timer !== undefined) clearTimeout(timer);
  };
}
