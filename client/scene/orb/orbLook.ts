import type { FrameState } from "../../state/frame";

/** Orb radius when the lungs are empty, m (at ~1.7 m: a calm, easy target). */
export const ORB_MIN_RADIUS = 0.11;
/** Orb radius at a full breath, m. */
export const ORB_MAX_RADIUS = 0.22;
/** The size used throughout when reduced motion is on, m. */
export const ORB_STILL_RADIUS = 0.17;

/** What the orb looks like at one instant. Mutable, reused every frame. */
export interface OrbLook {
  /** sphere radius, m */
  radius: number;
  /** colour multiplier, ~0.5 (dim) .. ~1.3 (bright) */
  brightness: number;
  /** halo strength 0..1 */
  halo: number;
}

export const createOrbLook = (): OrbLook => ({ radius: ORB_STILL_RADIUS, brightness: 1, halo: 0.5 });

/**
 * The orb for a lung fullness (0..1, already eased). With reduced motion the
 * size stays the same and the breath shows only as brightness.
 */
export function orbLookAt(fullness: number, reducedMotion: boolean, out: OrbLook): OrbLook {
  const f = Math.min(1, Math.max(0, fullness));
  if (reducedMotion) {
    out.radius = ORB_STILL_RADIUS;
    out.brightness = 0.5 + 0.8 * f;
    out.halo = 0.2 + 0.6 * f;
  } else {
    out.radius = ORB_MIN_RADIUS + (ORB_MAX_RADIUS - ORB_MIN_RADIUS) * f;
    out.brightness = 0.8 + 0.2 * f;
    out.halo = 0.35 + 0.3 * f;
  }
  return out;
}

/** Progress through the current breathing cycle (or the whole guided exercise), 0..1. */
export function cycleProgress(f: Pick<FrameState, "kind" | "elapsedMs" | "totalMs" | "cycles">): number {
  if (f.totalMs <= 0) return 0;
  if (f.kind === "breathing" && f.cycles > 0) {
    const cycleMs = f.totalMs / f.cycles;
    return Math.min(1, (f.elapsedMs % cycleMs) / cycleMs);
  }
  return Math.min(1, f.elapsedMs / f.totalMs);
}
