/**
 * NTP-style clock offset estimation.
 *
 * A sample is one `time` request/response: the client stamps `t0` when sending, the server stamps
 * `t1` when handling it, the client stamps `t2` on receipt. Assuming the request and the reply take
 * equally long, the server clock read `t1` at client time (t0 + t2) / 2, so
 * offset = t1 − (t0 + t2) / 2 and serverNow = clientNow + offset. The asymmetry error is at most
 * rtt / 2, which is why only the lowest-RTT samples are kept.
 */

/** One request/response round trip, all in ms. */
export interface ClockSample {
  /** client clock when the request was sent */
  t0: number;
  /** server clock when it answered */
  t1: number;
  /** client clock when the reply arrived */
  t2: number;
}

/** Offset (server − client, ms) and round-trip time (ms) of one sample. */
export function sampleOffset(s: ClockSample): { offset: number; rtt: number } {
  return { offset: s.t1 - (s.t0 + s.t2) / 2, rtt: s.t2 - s.t0 };
}

/** Whether a sample is usable (finite, non-negative round trip). */
export function isValidSample(s: ClockSample): boolean {
  return Number.isFinite(s.t0) && Number.isFinite(s.t1) && Number.isFinite(s.t2) && s.t2 >= s.t0;
}

/**
 * Estimate the offset from several samples: keep the `keep` lowest-RTT valid ones and take the median
 * of their offsets (robust to one delayed reply among them).
 * @returns offset (server − client, ms), the best rtt (ms) and how many samples were used; null if none valid
 */
export function estimateOffset(
  samples: readonly ClockSample[],
  keep = 3,
): { offset: number; rtt: number; used: number } | null {
  const measured = samples.filter(isValidSample).map(sampleOffset);
  if (measured.length === 0) return null;
  measured.sort((a, b) => a.rtt - b.rtt);
  const best = measured.slice(0, Math.max(1, keep));
  const offsets = best.map((m) => m.offset).sort((a, b) => a - b);
  const mid = offsets.length >> 1;
  const offset = offsets.length % 2 ? offsets[mid]! : (offsets[mid - 1]! + offsets[mid]!) / 2;
  return { offset, rtt: best[0]!.rtt, used: best.length };
}
