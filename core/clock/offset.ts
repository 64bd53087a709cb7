/**
 * NTP-style clock offset estimation.
 *
 * A sample is one `time` request/response: the client stamps `t0` when sending, the server stamps
 * `t1` when handling it, the client stamps `t2` on receipt. Assuming the request and the reply take
 * equally long, the server clock read `t1` at client time (t0 + t2) / 2, so
 * offset = t1 − (t0 + t2) / 2 and serverNow = clientNow + offset. The asymmetry error is at most
 * rtt / 2 for one sample; several samples together narrow it (`estimateOffset`).
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
 * Estimate the offset from several samples. Each sample says the server stamped `t1` at some client
 * time between `t0` and `t2`, so the offset lies in [t1 − t2, t1 − t0]. The estimate is the middle
 * of the range that the most samples agree on (Marzullo's algorithm): with a steady clock that is
 * their intersection, tighter than the best single sample whenever delays fell on different legs
 * (a request held up in one, a reply in another), which is what a busy page or network does. A
 * sample that contradicts the others (a jumped clock, a bad stamp) is outvoted; between equally
 * supported ranges the narrowest wins.
 * @returns offset (server − client, ms), the best round trip (ms), how many samples agree, and the
 *   largest possible error of the estimate (ms, half the agreed range); null if no sample is valid
 */
export function estimateOffset(samples: readonly ClockSample[]): { offset: number; rtt: number; used: number; bound: number } | null {
  let rtt = Number.POSITIVE_INFINITY;
  const edges: Array<[at: number, step: 1 | -1]> = [];
  for (const s of samples) {
    if (!isValidSample(s)) continue;
    rtt = Math.min(rtt, s.t2 - s.t0);
    edges.push([s.t1 - s.t2, 1], [s.t1 - s.t0, -1]);
  }
  if (edges.length === 0) return null;
  // Opening edges before closing ones at the same point: touching ranges agree there.
  edges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let depth = 0;
  let best = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < edges.length; i++) {
    const [at, step] = edges[i]!;
    depth += step;
    if (step === 1 && depth >= best) {
      const end = edges[i + 1]![0];
      if (depth > best || end - at < hi - lo) {
        best = depth;
        lo = at;
        hi = end;
      }
    }
  }
  return { offset: (lo + hi) / 2, rtt, used: best, bound: (hi - lo) / 2 };
}
