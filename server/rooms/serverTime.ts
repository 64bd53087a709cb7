/**
 * The room's clock, ms. Monotonic (performance.now() never jumps when the host's wall clock is
 * stepped by NTP mid-session, which would shift every pacer at once) and anchored at
 * performance.timeOrigin so values still read as epoch milliseconds. Used for `time` replies and
 * `practice.startedAt`, so both are on the same timeline.
 */
export const serverNow = (): number => performance.timeOrigin + performance.now();
