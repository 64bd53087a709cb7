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

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets per person, one per message kind. Poses pass through here 15–20 times a second per person: no allocation after the first message. */
export class RateGate<K extends string> {
  private readonly people = new Map<string, Record<K, Bucket>>();
  private readonly kinds: K[];

  constructor(
    private readonly rates: Record<K, Rate>,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.kinds = Object.keys(rates) as K[];
  }

  /** Take a token for `who` sending `kind`; false if over the rate. */
  allow(who: string, kind: K): boolean {
    const rate = this.rates[kind];
    const t = this.now();
    let buckets = this.people.get(who);
    if (!buckets) {
      buckets = {} as Record<K, Bucket>;
      for (const k of this.kinds) buckets[k] = { tokens: this.rates[k].burst, at: t };
      this.people.set(who, buckets);
    }
    const b = buckets[kind];
    b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
    b.at = t;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Forget everything about `who` (they left). */
  forget(who: string): void {
    this.people.delete(who);
  }
}
