import type { CheckInPhase } from "../../core/protocol";
import type { Aggregate } from "../store/types";

/**
 * Check-in answers of one circle, kept as counts and sums only. The only per-person memory is
 * *whether* someone has answered a phase (so nobody counts twice), never what they answered,
 * and it lives in memory for the life of the room.
 */
export class CheckInTally {
  private readonly count = { before: 0, after: 0 };
  private readonly sum = { before: 0, after: 0 };
  private readonly answered = new Set<string>();

  /** Add an answer; false if `who` already answered this phase. */
  add(who: string, phase: CheckInPhase, value: number): boolean {
    const key = `${phase}:${who}`;
    if (this.answered.has(key)) return false;
    this.answered.add(key);
    this.count[phase]++;
    this.sum[phase] += value;
    return true;
  }

  get empty(): boolean {
    return this.count.before === 0 && this.count.after === 0;
  }

  /** The row to store: n is the smaller of the two counts, so a small "after" group is never exposed. */
  aggregate(sessionId: string): Aggregate {
    const mean = (p: CheckInPhase) => (this.count[p] > 0 ? this.sum[p] / this.count[p] : null);
    return {
      sessionId,
      n: Math.min(this.count.before, this.count.after),
      meanBefore: mean("before"),
      meanAfter: mean("after"),
    };
  }
}
