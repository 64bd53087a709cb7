import type { xrStore as XrStoreValue } from "./xrStore";

export type XrStore = typeof XrStoreValue;

let loaded: XrStore | null = null;
let pending: Promise<XrStore> | null = null;

/**
 * The XR store, loaded once on demand: it pulls in @react-three/xr (and the
 * emulator in dev/test), which the first screen does not need.
 */
export function loadXrStore(): Promise<XrStore> {
  pending ??= import("./xrStore").then((m) => (loaded = m.xrStore));
  return pending;
}

/** The XR store if already loaded (synchronous, for per-step cues). */
export function currentXrStore(): XrStore | null {
  return loaded;
}
