import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import { exposeTestHooks } from "../state/testHooks";

/**
 * Drawing 3D without a graphics chip. Some browsers have none to use: a virtual machine, a remote
 * desktop, a blocklisted driver, a locked-down work laptop. They draw WebGL on the processor
 * (SwiftShader, llvmpipe), and drawing the scene as fast as it can then takes every core: taps,
 * keys, Stop and crisis help wait behind each frame. So on such a browser the stage draws at half
 * resolution, and at half the rate it can manage, leaving the processor free half the time for the
 * page. On 2 cores a tap on Settings and Escape took 719 ms paced against 2968 ms drawn freely on a
 * phone-sized page, 262 ms against 6694 ms on an 1100 × 720 one, and the orb moved more often paced
 * (BENCHMARKS.md, "A page drawn in software"; `npm run bench -- softwarePacing`). Captions, tones
 * and the shared clock do not depend on frames (see practice/domDriver.ts). A headset session is untouched: its frames come from the
 * headset's own loop, never paced.
 */

/** Pixel ratio of the stage when drawn in software: a quarter of the pixels of a 1× screen. */
export const SOFTWARE_DPR = 0.5;
/** Frames left out at the start (shader compiling, first layout), then how long the free rate is measured. */
const WARM_UP_FRAMES = 10;
const PROBE_MS = 2000;
/** Paced frames come at most this often… */
const FASTEST_MS = 1000 / 30;
/** …and at least this often, however slow the drawing. */
const SLOWEST_MS = 1000 / 2;

/** True when the WebGL renderer's name says the drawing is done on the processor. */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(name);
}

/** The renderer's name as the browser reports it (unmasked where it allows), or "" when it says nothing. */
export function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === "string" ? name : "";
}

/** Milliseconds between paced frames for a scene that draws `fps` frames a second when free: half that rate. */
export function pacedInterval(fps: number): number {
  if (!(fps > 0)) return SLOWEST_MS;
  return Math.min(SLOWEST_MS, Math.max(FASTEST_MS, 2000 / fps));
}

/** What the pacer measured; read by tests and benchmarks. */
export interface Pacing {
  /** frames a second the scene drew when free, 0 until measured */
  freeFps: number;
  /** ms between paced frames, 0 until measured */
  interval: number;
  /** frames drawn since the stage started */
  frames: number;
}

/**
 * Inside a `<Canvas frameloop="demand">`: draws freely for a moment to measure the rate, then asks
 * for one frame per `pacedInterval`. Measures again when the stage changes size.
 */
export function SoftwarePacer() {
  const invalidate = useThree((s) => s.invalidate);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  // One object for the life of the stage: the frame callback only writes numbers into it.
  const ref = useRef({ freeFps: 0, interval: 0, frames: 0, probed: 0, probeStart: -1 });

  useEffect(() => {
    const pacing = ref.current;
    pacing.freeFps = 0;
    pacing.interval = 0;
    pacing.probed = 0;
    pacing.probeStart = -1;
    invalidate();
  }, [width, height, invalidate]);

  useFrame(() => {
    const pacing = ref.current;
    pacing.frames++;
    if (pacing.interval > 0) return;
    const now = performance.now();
    if (++pacing.probed === WARM_UP_FRAMES) pacing.probeStart = now;
    if (pacing.probeStart >= 0 && now - pacing.probeStart >= PROBE_MS) {
      pacing.freeFps = ((pacing.probed - WARM_UP_FRAMES) * 1000) / (now - pacing.probeStart);
      pacing.interval = pacedInterval(pacing.freeFps);
    } else invalidate();
  });

  useEffect(() => {
    const pacing = ref.current;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      if (pacing.interval > 0) invalidate();
      timer = setTimeout(next, pacing.interval > 0 ? pacing.interval : SLOWEST_MS);
    };
    next();
    const unexpose = exposeTestHooks({ pacing: pacing as Pacing });
    return () => {
      clearTimeout(timer);
      unexpose();
    };
  }, [invalidate]);

  return null;
}
