/**
 * The one writer of `window.__brTest`: handles for end-to-end tests and benchmarks (stores, the
 * per-frame object, renderer, scene, camera, in-VR targets, the emulated headset…). Each part of
 * the app hands over its own handles here. Only dev servers and `vite build --mode test` builds
 * expose anything; in production the condition is constant-folded and the call does nothing.
 */
export function exposeTestHooks(hooks: Record<string, unknown>): () => void {
  if (!(import.meta.env.DEV || import.meta.env.MODE === "test")) return () => {};
  const w = window as unknown as { __brTest?: Record<string, unknown> };
  const target = (w.__brTest ??= {});
  Object.assign(target, hooks);
  return () => {
    for (const [name, value] of Object.entries(hooks)) if (target[name] === value) delete target[name];
  };
}
