import { useEffect, useRef } from "react";
import { onRoomEvents, type RoomEvent } from "../roomEvents";
import type { RoomState } from "../roomStore";
import { useRoomServices } from "./RoomContext";
import { ordinal } from "../presence";
import { eventSentence } from "./words";

/** How many lines the log keeps (older ones are removed; screen readers have read them). */
const KEEP = 6;

/** Sentences about this person themself ("Your hand is up, 2nd in line"); their own reactions are not read back. */
function mine(e: RoomEvent, next: RoomState): string | null {
  switch (e.kind) {
    case "handRaised":
      return `Your hand is up, ${ordinal(next.handQueue.indexOf(e.who) + 1)} in line`;
    case "handLowered":
      return "Your hand is down";
    case "away":
      return "You have stepped away";
    case "back":
      return "You are back";
    case "muted":
      return "You were muted by the facilitator";
    case "unmuted":
      return "You can speak again";
    case "gotPiece":
      return "You have the talking piece";
    default:
      return null;
  }
}

function sentence(e: RoomEvent, next: RoomState, prev: RoomState): string | null {
  if (next.hidden[e.who]) return null;
  if (e.who === next.me) return mine(e, next);
  return eventSentence(e, (next.people[e.who] ?? prev.people[e.who])?.pseudonym ?? "Someone");
}

/** Changes to the circle itself (not to one person), for the same log. */
function circleSentences(next: RoomState, prev: RoomState, out: string[]) {
  if (!prev.me || prev.me !== next.me) return;
  if (prev.session.status === "waiting" && next.session.status === "open") out.push("The circle is open");
  if (prev.session.locked !== next.session.locked) out.push(next.session.locked ? "The circle is locked to new people" : "The circle is open to new people again");
  if (!prev.practice.running && next.practice.running) out.push("A group exercise is starting. Get ready to breathe together");
  if (prev.practice.running && !next.practice.running) out.push("The group exercise has ended");
}

/**
 * The room's polite live region: who joined or left, hands, stepping away, the talking piece,
 * reactions, the circle opening and the group exercise. Written straight into the DOM (no React
 * render per event); it reads like a short log. The pacer's own captions have their own region.
 */
export function RoomAnnouncer() {
  const { store } = useRoomServices();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const write = (lines: string[]) => {
      const log = ref.current;
      if (!log || !lines.length) return;
      for (const line of lines) {
        const p = document.createElement("p");
        p.textContent = line;
        log.append(p);
      }
      while (log.childElementCount > KEEP) log.firstElementChild?.remove();
    };
    const offEvents = onRoomEvents(store, (events, next, prev) => {
      const lines: string[] = [];
      for (const e of events) {
        const line = sentence(e, next, prev);
        if (line) lines.push(line);
      }
      write(lines);
    });
    const offCircle = store.subscribe((next, prev) => {
      const lines: string[] = [];
      circleSentences(next, prev, lines);
      write(lines);
    });
    return () => {
      offEvents();
      offCircle();
    };
  }, [store]);
  return <div ref={ref} className="visually-hidden" role="log" aria-live="polite" aria-label="What happens in the circle" />;
}
