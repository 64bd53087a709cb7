import { practiceTicker, type PracticeTicker } from "./ticker";

/**
 * Drives the ticker for the page: one timer aimed at the next caption or count
 * change, re-armed on each tick. No animation-frame loop: the 3D loop already
 * ticks every frame for the orb, and the DOM only needs the moments when the
 * words change — which also keeps captions on time when software WebGL runs
 * at 4–9 fps, in background tabs and during XR sessions. Returns the cleanup.
 */
export function startDomDriver(ticker: PracticeTicker = practiceTicker): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  function run() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    ticker.tick(performance.now());
    if (ticker.status() !== "running") return;
    const wait = ticker.nextChangeIn();
    // +1 ms so the tick lands just past the boundary, not a hair before it.
    if (Number.isFinite(wait)) timer = setTimeout(run, wait + 1);
  }

  const unsubscribe = ticker.onChange(run);
  run();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
