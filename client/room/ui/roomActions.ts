import type { Reaction, ReportReason } from "../../../core/protocol";
import { useAppStore } from "../../state/store";
import { eventLogFor } from "../eventLog";
import type { RoomStore } from "../roomStore";

/** What a person does in the circle, the same from a button, a key or a menu. */

export function toggleHand(store: RoomStore): void {
  const s = store.getState();
  s.send(s.people[s.me]?.handRaised ? "lowerHand" : "raiseHand");
}

export function react(store: RoomStore, kind: Reaction): void {
  store.getState().send("react", { kind });
}

export function toggleAway(store: RoomStore): void {
  const s = store.getState();
  s.send(s.people[s.me]?.away ? "stepBack" : "stepAway");
}

/**
 * "I need a moment": the facilitators are told privately, and crisis help opens for this person
 * at once, whatever happens to the message. Asking again while one is still on its way or not
 * yet seen only opens help again.
 */
export function needMoment(store: RoomStore): void {
  const s = store.getState();
  if (s.moment === "none" || s.moment === "seen") {
    s.send("needMoment");
    store.setState({ moment: "sending" });
  }
  useAppStore.getState().openCrisis();
}

export const toggleCues = (store: RoomStore) => store.setState((s) => ({ cuesSilenced: !s.cuesSilenced }));
export const toggleBubble = (store: RoomStore) => store.setState((s) => ({ bubble: !s.bubble }));

/**
 * Breathing alone while the circle waits (to open, or to let this person in): the circle's
 * pacer and orb run on this device's clock from now, until stopped or a shared exercise starts.
 */
export const breatheAlone = (store: RoomStore, on: boolean) => store.setState({ waitingSince: on ? performance.now() : -1 });

/**
 * Report someone to the facilitators: a reason from the short list (no free text) and the last
 * minute of room events this device saw (joins, hands, reactions; never words or sound).
 */
export function report(store: RoomStore, target: string, reason: ReportReason): void {
  store.getState().send("report", { target, reason, events: eventLogFor(store).recent() });
  store.setState({ reportStatus: "sending" });
}
