import { useEffect } from "react";
import { REACTIONS } from "../../../core/protocol";
import { useAppStore } from "../../state/store";
import type { RoomStore } from "../roomStore";
import { REACTION_NAMES } from "./icons";
import { needMoment, react, toggleAway, toggleBubble, toggleCues, toggleHand } from "./roomActions";

/** The toolbar's panels a key can open. */
export type ToolbarPanel = "react" | "chat" | "people" | "more" | "help" | "leave" | null;

export interface Shortcut {
  /** KeyboardEvent.key, lower case */
  key: string;
  /** what the help lists */
  label: string;
  run: (store: RoomStore, open: (panel: ToolbarPanel) => void) => void;
}

/** One key each, listed in the help panel in this order. */
export const SHORTCUTS: readonly Shortcut[] = [
  { key: "h", label: "Raise or lower your hand", run: toggleHand },
  ...REACTIONS.map((kind, i): Shortcut => ({ key: String(i + 1), label: `React: ${REACTION_NAMES[kind]}`, run: (store) => react(store, kind) })),
  { key: "r", label: "Choose a reaction", run: (_, open) => open("react") },
  { key: "a", label: "Step away, or come back", run: toggleAway },
  { key: "n", label: "I need a moment (also opens crisis help)", run: needMoment },
  { key: "c", label: "Silence or bring back your cues", run: toggleCues },
  { key: "b", label: "Personal space on or off", run: toggleBubble },
  { key: "t", label: "Chat", run: (_, open) => open("chat") },
  { key: "p", label: "People: hide, report, pass the piece", run: (_, open) => open("people") },
  { key: "l", label: "Leave the circle (asks first)", run: (_, open) => open("leave") },
  { key: "?", label: "These shortcuts", run: (_, open) => open("help") },
];

const BY_KEY = new Map(SHORTCUTS.map((s) => [s.key, s]));

/** Typing in a field, a modifier held, or crisis help open: the key is not a shortcut. */
function ignored(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return true;
  const t = e.target as HTMLElement | null;
  if (t?.closest?.("input, textarea, select, [contenteditable='true'], [role='dialog']")) return true;
  return useAppStore.getState().crisisOpen;
}

/**
 * Single-key shortcuts for the room while `enabled` (a person can turn them off: WCAG 2.1.4, as
 * speech input can trigger them by accident). Returns nothing; cleans up on unmount.
 */
export function useRoomShortcuts(store: RoomStore, open: (panel: ToolbarPanel) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const shortcut = BY_KEY.get(e.key.toLowerCase());
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run(store, open);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store, open, enabled]);
}
