import { POSE_FLOATS, POSE_WORDS, unpackPose, type NumberSink } from "./quantize";

/**
 * How far behind remote poses are rendered by default, ms: more than two sends at 15 Hz
 * (core/protocol POSE_HZ), so a pose that arrives late still has one on each side.
 */
export const POSE_DELAY_MS = 150;

/**
 * Interpolation buffer for one remote person's pose: keeps the last `capacity` samples in a
 * preallocated ring and renders a little in the past (`delayMs`, default 150 ms: more than two
 * 15 Hz sends, 133 ms, plus room for uneven arrival) so there is almost always a sample on each
 * side of the render time.
 *
 * Nothing is allocated after construction: `pushAt` and `sampleAt` run every pose frame and every
 * rendered frame (`push` and `sample` take the time as an argument, which costs a boxed number
 * where the call is not inlined).
 */
export class PoseBuffer {
  /** How far behind the newest time to render, ms. @default 150 */
  delayMs: number;
  private readonly capacity: number;
  private readonly times: Float64Array;
  private readonly poses: Float32Array;
  private readonly tracked: Uint8Array;
  private head = 0; // index of the next write
  private readonly stamp = new Float64Array(1);
  private readonly weight = new Float64Array(1);
  private count = 0;

  constructor(capacity = 16, delayMs = POSE_DELAY_MS) {
    this.capacity = capacity;
    this.delayMs = delayMs;
    this.times = new Float64Array(capacity);
    this.poses = new Float32Array(capacity * POSE_FLOATS);
    this.tracked = new Uint8Array(capacity);
  }

  /** Number of samples held. */
  get size(): number {
    return this.count;
  }

  /** Add a packed pose received at `timeMs` (any monotonic clock). Older-than-newest samples are ignored. */
  push(timeMs: number, words: ArrayLike<number>): void {
    this.stamp[0] = timeMs;
    this.pushAt(this.stamp, words);
  }

  /**
   * As `push`, with the time in `time[0]`: for the receive path, since a double passed to a call
   * that is not inlined is boxed (one allocation per pose); a typed array is not.
   */
  pushAt(time: Float64Array, words: ArrayLike<number>): void {
    const timeMs = time[0]!;
    if (words.length < POSE_WORDS || !(timeMs > -Infinity && timeMs < Infinity)) return;
    if (this.count > 0 && timeMs <= this.times[this.index(this.count - 1)]!) return;
    const slot = this.head;
    this.times[slot] = timeMs;
    this.tracked[slot] = unpackPose(words, this.poses, slot * POSE_FLOATS);
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Forget every sample (e.g. after a reconnection). */
  clear(): void {
    this.count = 0;
    this.head = 0;
  }

  /**
   * Write the pose at `nowMs - delayMs` into `out` (21 floats): positions lerped, rotations
   * nlerped along the shorter arc; clamped to the oldest/newest sample outside the buffered span.
   * @returns tracked mask (1 = left, 2 = right) of the nearer sample, or -1 if the buffer is empty
   */
  sample(nowMs: number, out: NumberSink): number {
    this.stamp[0] = nowMs;
    return this.sampleAt(this.stamp, out);
  }

  /** As `sample`, with the time in `time[0]` (for the frame loop: no double crosses the call). */
  sampleAt(time: Float64Array, out: NumberSink): number {
    if (this.count === 0) return -1;
    const t = time[0]! - this.delayMs;
    const newest = this.index(this.count - 1);
    if (t >= this.times[newest]!) return this.copy(newest, out);
    const oldest = this.index(0);
    if (t <= this.times[oldest]!) return this.copy(oldest, out);
    // Search back from the newest: render time is normally within the last few samples.
    for (let k = this.count - 2; k >= 0; k--) {
      const a = this.index(k);
      const ta = this.times[a]!;
      if (ta <= t) {
        const b = this.index(k + 1);
        const u = (t - ta) / (this.times[b]! - ta);
        this.weight[0] = u;
        this.blend(a, b, out);
        return this.tracked[u < 0.5 ? a : b]!;
      }
    }
    return this.copy(oldest, out);
  }

  private index(k: number): number {
    return (this.head - this.count + k + this.capacity) % this.capacity;
  }

  private copy(slot: number, out: NumberSink): number {
    const base = slot * POSE_FLOATS;
    for (let i = 0; i < POSE_FLOATS; i++) out[i] = this.poses[base + i]!;
    return this.tracked[slot]!;
  }

  /** Blend samples `a` and `b` by `weight[0]` (a typed array, not an argument: see `pushAt`). */
  private blend(a: number, b: number, out: NumberSink): void {
    const u = this.weight[0]!;
    const p = this.poses;
    const pa = a * POSE_FLOATS;
    const pb = b * POSE_FLOATS;
    for (let part = 0; part < POSE_FLOATS; part += 7) {
      for (let i = 0; i < 3; i++) out[part + i] = p[pa + part + i]! + (p[pb + part + i]! - p[pa + part + i]!) * u;
      const qa = pa + part + 3;
      const qb = pb + part + 3;
      const dot = p[qa]! * p[qb]! + p[qa + 1]! * p[qb + 1]! + p[qa + 2]! * p[qb + 2]! + p[qa + 3]! * p[qb + 3]!;
      const sign = dot < 0 ? -1 : 1;
      let len = 0;
      for (let i = 0; i < 4; i++) {
        const v = p[qa + i]! * (1 - u) + p[qb + i]! * sign * u;
        out[part + 3 + i] = v;
        len += v * v;
      }
      len = Math.sqrt(len) || 1;
      for (let i = 0; i < 4; i++) out[part + 3 + i] = out[part + 3 + i]! / len;
    }
  }
}
