import { REPORT_MAX_EVENTS, REPORT_WINDOW_MS, type ReportEvent } from "../../core/protocol";
import { onRoomEvents, type RoomEvent } from "./roomEvents";
import type { RoomStore } from "./roomStore";

/** The last minute of what this person's device saw in the circle, for a report. */
export interface EventLog {
  /** events of the last `REPORT_WINDOW_MS`, oldest first, at most `REPORT_MAX_EVENTS` (the newest), `ago` from `at` */
  recent(at?: number): ReportEvent[];
  stop(): void;
}

/**
 * Keep the room's events (joins, presence changes, reactions — never words or sound) for a minute,
 * in memory, so a report can carry what happened just before it. Nothing is kept longer or
 * anywhere else.
 */
export function createEventLog(store: RoomStore, now: () => number = () => performance.now()): EventLog {
  const seen: { at: number; event: RoomEvent }[] = [];
  const prune = (at: number) => {
    while (seen.length && (at - seen[0]!.at > REPORT_WINDOW_MS || seen.length > REPORT_MAX_EVENTS)) seen.shift();
  };
  const stop = onRoomEvents(store, (events) => {
    const at = now();
    for (const event of events) seen.push({ at, event });
    prune(at);
  });
  return {
    recent(at = now()) {
      prune(at);
      return seen.map(({ at: when, event }) => ({ ...event, ago: Math.max(0, Math.min(REPORT_WINDOW_MS, Math.round(at - when))) }));
    },
    stop,
  };
}

const logs = new WeakMap<RoomStore, EventLog>();

/** The page's event log for `store`, started on first use and kept while the store lives (the page). */
export function eventLogFor(store: RoomStore): EventLog {
  let log = logs.get(store);
  if (!log) logs.set(store, (log = createEventLog(store)));
  return log;
}
