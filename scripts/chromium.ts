// How the e2e tests and the browser benchmarks launch Chromium, and the devices they emulate.

/** Debian's Chromium; no test tool downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * SwiftShader for WebGL without a GPU; no background traffic (this machine has no route out,
 * and the tests assert the app itself asks for nothing beyond its own origin).
 */
export const CHROMIUM_ARGS = [
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export interface Device {
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
}

/** A small desktop window: SwiftShader draws it at a usable frame rate. */
export const DESKTOP: Device = { viewport: { width: 640, height: 400 } };
/** A phone held upright: small touch screen, no mouse or keyboard. */
export const PHONE: Device = { viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true };
