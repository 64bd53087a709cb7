/**
 * Fixed-window counter of failed attempts per key (an email, or an IP address).
 * In memory only: IP addresses are never written anywhere. Bounded: the oldest keys are
 * evicted past `maxKeys`, so a flood of distinct keys cannot grow memory without limit.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    /** failures allowed per window */
    private readonly limit: number,
    /** window length, ms */
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Ms until `key` may try again, or 0 if it may now. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    const t = this.now();
    if (t >= w.resetAt) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= this.limit ? w.resetAt - t : 0;
  }

  /**
   * Check and count in one step: ms until `key` may try again (nothing counted), or 0 after counting
   * this attempt. Take before any `await`, so attempts started together cannot all pass the check.
   */
  take(key: string): number {
    const wait = this.retryAfter(key);
    if (wait > 0) return wait;
    this.fail(key);
    return 0;
  }

  /** Give back one attempt counted by `take` (it turned out not to be a failure). */
  refund(key: string): void {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count--;
  }

  /** Count one failure for `key`. */
  fail(key: string): void {
    const t = this.now();
    const w = this.windows.get(key);
    if (w && t < w.resetAt) {
      w.count++;
      return;
    }
    if (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(key, { count: 1, resetAt: t + this.windowMs });
  }

  /** Forget `key` (after a successful sign-in). */
  reset(key: string): void {
    this.windows.delete(key);
  }
}
