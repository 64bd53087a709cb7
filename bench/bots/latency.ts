/**
 * Pose latency without touching the pose: each sender remembers when it first sent each value of
 * one word that changes in nearly every send (head rotation), and an observer in the same process
 * (same clock) looks the value up when a patch or relay shows it. A value that comes back within
 * the ring (4 s at 15 Hz) is rare and only drops that one sample.
 */
export class SendRing {
  private readonly values: Float64Array;
  private readonly times: Float64Array;
  private next = 0;
  private last = Number.NaN;

  constructor(size = 64) {
    this.values = new Float64Array(size).fill(Number.NaN);
    this.times = new Float64Array(size);
  }

  /** The sender put `value` on the wire at `t` (ms); only changes are kept. */
  sent(value: number, t: number): void {
    if (value === this.last) return;
    this.last = value;
    this.values[this.next] = value;
    this.times[this.next] = t;
    this.next = (this.next + 1) % this.values.length;
  }

  /** When `value` was sent, newest first; NaN if it is not in the ring. */
  sentAt(value: number): number {
    const n = this.values.length;
    for (let k = 1; k <= n; k++) {
      const i = (this.next - k + n) % n;
      if (this.values[i] === value) return this.times[i]!;
    }
    return Number.NaN;
  }
}

/** Rings of every sender in this bot process, by the id the server gives it. */
export const rings = new Map<string, SendRing>();

/** Latency samples (ms) seen by observers in the current window, by observed circle. */
export const latencySamples = new Map<number, number[]>();

/** An observer of circle `circle` saw sender `from`'s key word at `value` at time `t`. */
export function observe(circle: number, from: string, value: number, t: number): void {
  const at = rings.get(from)?.sentAt(value);
  if (at === undefined || Number.isNaN(at)) return;
  let samples = latencySamples.get(circle);
  if (!samples) latencySamples.set(circle, (samples = []));
  if (samples.length < 100_000) samples.push(t - at);
}
