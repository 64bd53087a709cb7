/**
 * How much the bots move:
 * - "seated": hands rest on the lap except while that bot "talks" (a quarter of the time);
 * - "gesturing": every bot's hands gesture all the time;
 * - "restless": gesturing, and every head also moves enough (±6 cm at ~0.5 Hz) that all six pose
 *   words change in nearly every patch — the ceiling of what poses can cost.
 */
export type Motion = "seated" | "gesturing" | "restless";

/**
 * Plausible motion for pose bots: a person seated in a circle. Deterministic per bot (no
 * randomness), so runs are comparable.
 *
 * - head: slow sway (±1.5 cm, ~0.2 Hz), breathing bob (±3 mm, 6 breaths/min), looking around
 *   (yaw ±25°, ~0.07 Hz) with a little nodding;
 * - hands: resting on the lap, except while "talking" (a quarter of the time, staggered across
 *   bots), when they gesture continuously; see `Motion`.
 */
export function seatedPose(bot: number, tSec: number, motion: Motion, out: Float64Array): void {
  const ph = bot * 0.7;
  const restless = motion === "restless";
  const hx = (restless ? 0.06 : 0.015) * Math.sin(2 * Math.PI * (restless ? 0.5 : 0.21) * tSec + ph);
  const hy = 1.15 + 0.003 * Math.sin(2 * Math.PI * 0.1 * tSec + ph);
  const hz = (restless ? 0.04 : 0.01) * Math.sin(2 * Math.PI * (restless ? 0.4 : 0.17) * tSec + 2 * ph);
  const yaw = (25 * Math.PI) / 180 * Math.sin(2 * Math.PI * 0.07 * tSec + ph);
  const pitch = (6 * Math.PI) / 180 * Math.sin(2 * Math.PI * 0.3 * tSec + ph);
  setYawPitch(out, 3, yaw, pitch);
  out[0] = hx; out[1] = hy; out[2] = hz;

  // Who is "talking": bot k talks during its quarter of a 16 s cycle.
  const talking = motion !== "seated" || Math.floor((tSec + bot * 4) / 4) % 4 === 0;
  for (const [base, side] of [[7, -1], [14, 1]] as const) {
    if (talking) {
      const g = 2 * Math.PI * (0.6 + 0.05 * side) * tSec + ph;
      out[base] = side * (0.22 + 0.08 * Math.sin(g));
      out[base + 1] = 0.85 + 0.12 * Math.sin(g * 0.8 + 1);
      out[base + 2] = -0.3 - 0.1 * Math.cos(g);
      setYawPitch(out, base + 3, 0.6 * Math.sin(g), 0.4 * Math.cos(g * 1.3));
    } else {
      out[base] = side * 0.2;
      out[base + 1] = 0.62;
      out[base + 2] = -0.28;
      setYawPitch(out, base + 3, side * 0.3, -0.9);
    }
  }
}

function setYawPitch(out: Float64Array, o: number, yaw: number, pitch: number): void {
  const cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2), cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
  // q = yaw(Y) * pitch(X)
  out[o] = cy * sp;
  out[o + 1] = sy * cp;
  out[o + 2] = -sy * sp;
  out[o + 3] = cy * cp;
}
