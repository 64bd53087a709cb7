import type { CheckInPhase } from "../../core/protocol";
import type { CheckInTotals } from "../store/types";

/**
 * Check-in answers of one circle, kept as counts and sums only. The only per-person memory is
 * *whether* someone has answered a phase (so nobody counts twice, also after a reconnection, which
 * keeps the Colyseus session id), never what they answered, and it lives in memory for the life of
 * the room.
 */
export class CheckInTally {
  private readonly count = { before: 0, after: 0 };
  private readonly sum = { before: 0, after: 0 };
  private readonly answered = new Set<string>();

  /** Add an answer; false if `who` already answered this phase in this room. */
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

  /**
   * The counts and sums gathered since the last call, for the store to add to the session's running
   * aggregate; null if there is nothing new. The counts start again from zero, so calling this on
   * both "end" and "dispose" never adds an answer twice; who already answered is still remembered.
   */
  take(): CheckInTotals | null {
    if (this.empty) return null;
    const totals = { countBefore: this.count.before, sumBefore: this.sum.before, countAfter: this.count.after, sumAfter: this.sum.after };
    this.count.before = this.count.after = this.sum.before = this.sum.after = 0;
    return totals;
  }
}
