import { cycleMs, getPattern, type BuiltInPatternId } from "../../core/breathing";
import { PRACTICE_LEAD_MS } from "../../core/protocol";
import type { CircleState } from "./CircleState";
import { serverNow } from "./serverTime";

/** A timer that can be cancelled (Colyseus' `Delayed`). */
export interface Cancellable {
  clear(): void;
}
/** Run `fn` after `ms` on the room's clock (Colyseus' `clock.setTimeout`). */
export type Schedule = (fn: () => void, ms: number) => Cancellable;

/**
 * The group exercise's timing: start a few seconds ahead on the server clock, stop on request, and
 * end by itself after the last cycle. Clients compute the phase themselves from `startedAt`.
 */
export class PracticeTimer {
  private autoEnd: Cancellable | undefined;

  constructor(
    private readonly practice: CircleState["practice"],
    private readonly schedule: Schedule,
    private readonly now: () => number = serverNow,
  ) {}

  get running(): boolean {
    return this.practice.running;
  }

  /** Start (or replace) the exercise `PRACTICE_LEAD_MS` from now. */
  start(patternId: BuiltInPatternId, cycles: number): void {
    const p = this.practice;
    p.patternId = patternId;
    p.cycles = cycles;
    p.startedAt = this.now() + PRACTICE_LEAD_MS;
    p.running = true;
    this.autoEnd?.clear();
    this.autoEnd = this.schedule(() => {
      this.autoEnd = undefined;
      p.running = false;
    }, PRACTICE_LEAD_MS + cycles * cycleMs(getPattern(patternId)));
  }

  /** Go on with an exercise that started at `startedAt` (server ms) elsewhere; false if it is already over. */
  resume(patternId: BuiltInPatternId, cycles: number, startedAt: number): boolean {
    const left = startedAt + cycles * cycleMs(getPattern(patternId)) - this.now();
    if (left <= 0) return false;
    const p = this.practice;
    p.patternId = patternId;
    p.cycles = cycles;
    p.startedAt = startedAt;
    p.running = true;
    this.autoEnd?.clear();
    this.autoEnd = this.schedule(() => {
      this.autoEnd = undefined;
      p.running = false;
    }, left);
    return true;
  }

  stop(): void {
    this.autoEnd?.clear();
    this.autoEnd = undefined;
    this.practice.running = false;
  }
}
