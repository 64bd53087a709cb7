import { cycleMs, getPattern, isPatternId } from "../../core/breathing";
import type { ServerClock } from "../../core/clock";
import { roomClock } from "./clockSync";
import type { RoomStore } from "./roomStore";

/**
 * Remember each shared exercise when it ends (it ran out, or the facilitator stopped it after
 * its first breath), so the person is asked how they feel after it and can keep the change in
 * their own history. One stopped during the 3-2-1 lead-in never began: nothing to ask about.
 * Returns the cleanup.
 */
export function followPracticeEnd(store: RoomStore, clock: ServerClock = roomClock, now: () => number = () => performance.now()): () => void {
  return store.subscribe((s, prev) => {
    if (!prev.practice.running || s.practice.running) return;
    const { patternId, cycles, startedAt } = prev.practice;
    const elapsed = clock.serverNow(now()) - startedAt;
    if (elapsed <= 0 || !isPatternId(patternId)) return;
    const practisedMs = Math.min(elapsed, cycles * cycleMs(getPattern(patternId)));
    store.setState({ finished: { patternId, practisedMs, endedAt: Date.now() } });
  });
}

/** The server counted a check-in (`checkedIn { phase }`, or `already-checked-in` for one counted before a reconnection). */
export function markCheckInCounted(store: RoomStore, phase?: "before" | "after"): void {
  store.setState((s) => {
    const which = phase ?? (s.checkIns.before.state === "sending" ? "before" : s.checkIns.after.state === "sending" ? "after" : null);
    if (!which) return {};
    return { checkIns: { ...s.checkIns, [which]: { ...s.checkIns[which], state: "counted" } } };
  });
}
