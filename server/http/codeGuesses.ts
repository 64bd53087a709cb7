import { AttemptLimiter } from "../auth/attemptLimiter";

/** Unknown join codes one address may try in `CODE_GUESS_WINDOW_MS` (the preview and matchmaking together). */
export const CODE_GUESS_LIMIT = 20;
export const CODE_GUESS_WINDOW_MS = 10 * 60_000;

/**
 * Per-address count of join codes that matched no session, shared by `GET /api/join/:code` and
 * matchmaking. Past the limit every look-up from that address is refused until the window ends,
 * known codes too (otherwise a guesser would still learn which codes exist). In memory only.
 */
export class CodeGuesses {
  private readonly misses: AttemptLimiter;

  constructor(limit = CODE_GUESS_LIMIT, windowMs = CODE_GUESS_WINDOW_MS, now: () => number = Date.now) {
    this.misses = new AttemptLimiter(limit, windowMs, 10_000, now);
  }

  /**
   * Run `find` (which throws for an unknown code) unless `address` is over the limit; an error
   * whose `code` is 404 counts as a miss. `refuse(waitMs)` makes the error thrown while over it.
   */
  lookUp<T>(address: string, find: () => T, refuse: (waitMs: number) => Error): T {
    const wait = this.misses.retryAfter(address);
    if (wait > 0) throw refuse(wait);
    try {
      return find();
    } catch (e) {
      if ((e as { code?: unknown; status?: unknown }).code === 404 || (e as { status?: unknown }).status === 404) this.misses.fail(address);
      throw e;
    }
  }
}
