import type { ServerClock } from "../../core/clock";
import { EXERCISES, planSession, type Exercise } from "../../core/exercises";
import { PRACTICE_LEAD_MS } from "../../core/protocol";
import type { PracticeNow, PracticeSource } from "../practice/source";
import type { RoomState, RoomStore, SharedPractice } from "./roomStore";
import { roomClock } from "./clockSync";

const exerciseFor = (patternId: string): Exercise | undefined => EXERCISES.find((e) => e.kind === "breathing" && e.id === patternId);

/** Breathing on one's own while the circle waits: open-ended box breathing on the local clock. */
export const WAITING_PATTERN = "box";
/** Cycles of the while-you-wait practice (about 10 minutes of box breathing). */
const WAITING_CYCLES = 38;

/**
 * The pacer's time in a circle: the facilitator's shared practice, on the server clock
 * (`clock.serverNow(now) − startedAt`, negative during the 3 s lead-in), so every screen shows the
 * same phase; otherwise, while nothing is shared, the person's own breathing while they wait
 * (`RoomState.waitingSince`, local clock). Nobody pauses a shared practice: a person silences
 * their own cues instead.
 */
export function circlePractice(store: RoomStore, clock: ServerClock = roomClock): PracticeSource {
  let sharedRef: SharedPractice | null = null;
  let waitingRef = -1;
  let now: PracticeNow | null = null;
  let mode: "shared" | "waiting" | "off" = "off";
  let startedAt = 0;

  function read(s: RoomState): PracticeNow | null {
    if (s.practice === sharedRef && s.waitingSince === waitingRef) return now;
    sharedRef = s.practice;
    waitingRef = s.waitingSince;
    const shared = s.practice.running ? exerciseFor(s.practice.patternId) : undefined;
    if (shared) {
      mode = "shared";
      startedAt = s.practice.startedAt;
      now = { key: startedAt, exercise: shared, plan: planSession(shared, { kind: "cycles", cycles: s.practice.cycles }), paused: false };
    } else if (s.waitingSince >= 0) {
      const own = exerciseFor(WAITING_PATTERN)!;
      mode = "waiting";
      startedAt = s.waitingSince;
      now = { key: -1 - startedAt, exercise: own, plan: planSession(own, { kind: "cycles", cycles: WAITING_CYCLES }), paused: false };
    } else {
      mode = "off";
      now = null;
    }
    return now;
  }

  return {
    current: () => read(store.getState()),
    // Until the first clock sample the server's time is unknown (local and server clocks differ by
    // anything): hold the lead-in's first second, which the ticker re-reads each second, rather
    // than count down from a nonsense number.
    elapsed: (at) => (mode === "shared" ? (clock.synced ? clock.serverNow(at) - startedAt : -PRACTICE_LEAD_MS) : at - startedAt),
    subscribe: (onChange) =>
      store.subscribe((s, prev) => {
        if (s.practice !== prev.practice || s.waitingSince !== prev.waitingSince) onChange();
      }),
    finished() {
      // A shared practice ends on the server (running → false); the waiting one just stops.
      if (mode === "waiting") store.setState({ waitingSince: -1 });
    },
  };
}
