import type { CheckInPhase } from "../../core/protocol";
import type { CheckInTotals } from "../store/types";

/**
 * Check-in answers of one circle, counted as before/after pairs of the same seat (the n ≥ 5 rule
 * counts people who answered both, so four known answers and an unpaired fifth reveal nothing).
 * Only two things are kept per person, in memory for the life of the room: *whether* they have
 * answered each phase (so nobody counts twice, also after a reconnection, which keeps the Colyseus
 * session id), and their "before" value until their "after" arrives — then only the pair's sums
 * remain. An unpaired "before" is forgotten when its person leaves for good, and never counted.
 */
export class CheckInTally {
  private pairs = 0;
  private sumBefore = 0;
  private sumAfter = 0;
  private readonly answered = new Set<string>();
  /** "before" values still waiting for the same person's "after" */
  private readonly waiting = new Map<string, number>();

  /**
   * @param identify who a sender is for counting (the room passes their opaque seat id, so an
   *   answer still counts once, and still pairs, after the circle moved to another process)
   *   @default the id itself
   */
  constructor(private readonly identify: (who: string) => string = (who) => who) {}

  /** Add an answer; false if `who` already answered this phase in this room. */
  add(sender: string, phase: CheckInPhase, value: number): boolean {
    const who = this.identify(sender);
    const key = `${phase}:${who}`;
    if (this.answered.has(key)) return false;
    this.answered.add(key);
    if (phase === "before") {
      this.waiting.set(who, value);
      return true;
    }
    const before = this.waiting.get(who);
    if (before === undefined) return true;
    this.waiting.delete(who);
    this.pairs++;
    this.sumBefore += before;
    this.sumAfter += value;
    return true;
  }

  /** `who` left for good: an answer of theirs still waiting for its pair goes with them. */
  forget(sender: string): void {
    this.waiting.delete(this.identify(sender));
  }

  /**
   * What a moved circle needs to go on counting: pairs not yet handed over, who answered (as
   * `phase:seatId`), and "before" values still waiting for their pair, by opaque seat id.
   */
  save(): TallySave {
    return {
      counts: { countBefore: this.pairs, sumBefore: this.sumBefore, countAfter: this.pairs, sumAfter: this.sumAfter },
      answered: [...this.answered],
      waiting: [...this.waiting],
    };
  }

  /** Take over a saved tally (a circle re-created after its process was gone). */
  restore(saved: TallySave): void {
    this.pairs = saved.counts.countBefore;
    this.sumBefore = saved.counts.sumBefore;
    this.sumAfter = saved.counts.sumAfter;
    for (const key of saved.answered) this.answered.add(key);
    for (const [who, value] of saved.waiting) this.waiting.set(who, value);
  }

  get empty(): boolean {
    return this.pairs === 0;
  }

  /**
   * The pairs gathered since the last call (as counts and sums, both counts = pairs), for the store
   * to add to the session's running aggregate; null if there is nothing new. The counts start again
   * from zero, so calling this on both "end" and "dispose" never adds a pair twice.
   */
  take(): CheckInTotals | null {
    if (this.empty) return null;
    const totals = { countBefore: this.pairs, sumBefore: this.sumBefore, countAfter: this.pairs, sumAfter: this.sumAfter };
    this.pairs = this.sumBefore = this.sumAfter = 0;
    return totals;
  }
}

/** A tally as saved with a circle's state (see CheckInTally.save). */
export interface TallySave {
  counts: CheckInTotals;
  answered: string[];
  waiting: [string, number][];
}
