/**
 * Run `task` once the browser is idle after the first screen (at the latest after `timeoutMs`);
 * returns the cancel. Used to fetch the parts of the calm space that load on their own (history,
 * learn, settings) while the person is still choosing a place, so opening them is instant.
 */
export function whenIdle(task: () => void, timeoutMs = 4000): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, Math.min(timeoutMs, 2000));
  return () => clearTimeout(id);
}
