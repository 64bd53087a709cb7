import { estimateOffset, isValidSample, type ClockSample } from "./offset";

/**
 * A client's view of the server clock: collects the last `window` samples and maps local time to
 * server time with the range most of them agree on (see `estimateOffset`).
 */
export class ServerClock {
  /** current estimate, server − client, ms (0 until the first sample) */
  offset = 0;
  /** round trip of the best sample used, ms (Infinity until the first sample) */
  rtt = Number.POSITIVE_INFINITY;
  private readonly samples: ClockSample[] = [];

  /** largest possible error of the estimate, ms (Infinity until the first sample) */
  bound = Number.POSITIVE_INFINITY;

  constructor(
    /** samples kept (older ones drop off, so drift is followed) @default 16 */
    private readonly window = 16,
  ) {}

  /** Whether at least one sample has arrived. */
  get synced(): boolean {
    return this.samples.length > 0;
  }

  /** Add a sample and update the estimate. Invalid samples are ignored. */
  add(sample: ClockSample): void {
    if (!isValidSample(sample)) return;
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
    const est = estimateOffset(this.samples);
    if (est) {
      this.offset = est.offset;
      this.rtt = est.rtt;
      this.bound = est.bound;
    }
  }

  /** Server time (ms) corresponding to local time `localNow` (ms). */
  serverNow(localNow: number): number {
    return localNow + this.offset;
  }
}
