/**
 * Per-person token buckets for individual message kinds. Past its rate a message is dropped
 * quietly (a steady pose stream jitters; a burst of reactions is not an attack). The hard cut-off
 * for floods is Colyseus' `maxMessagesPerSecond`, which closes the socket with 4002.
 */
export interface Rate {
  /** tokens per second */
  perSecond: number;
  /** bucket size */
  burst: number;
}

export class RateGate<K extends string> {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rates: Record<K, Rate>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Take a token for `who` sending `kind`; false if over the rate. */
  allow(who: string, kind: K): boolean {
    const rate = this.rates[kind];
    const key = `${who}\u0000${kind}`;
    const t = this.now();
    const b = this.buckets.get(key);
    if (!b) {
      this.buckets.set(key, { tokens: rate.burst - 1, at: t });
      return true;
    }
    b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
    b.at = t;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Forget everything about `who` (they left). */
  forget(who: string): void {
    for (const key of this.buckets.keys()) if (key.startsWith(`${who}\u0000`)) this.buckets.delete(key);
  }
}
