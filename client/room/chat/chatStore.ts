import { create } from "zustand";
import { matchCrisis } from "../../../core/care";
import { CHAT_HISTORY, cleanChatText, type AlertStatus, type ChatFilter, type ClientMessage, type ReportReason } from "../../../core/protocol";

/** One chat message as this person saw it. Kept in memory only, gone when they leave. */
export interface ChatEntry {
  id: string;
  /** sender's sessionId */
  from: string;
  /** sender's pseudonym when it arrived (they may leave) */
  pseudonym: string;
  text: string;
  /** Date.now() when it arrived */
  at: number;
}

/** A private chat alert for facilitators: "may need support", or a reported message. */
export interface ChatAlert {
  id: string;
  kind: "support" | "chatReport";
  from: string;
  pseudonym: string;
  reason?: ReportReason;
  /** the reported message, as the circle saw it */
  quote?: { from: string; pseudonym: string; text: string };
  at: number;
  seen: boolean;
}

export interface ChatSettingsView {
  on: boolean;
  slowSeconds: number;
  filter: ChatFilter;
}

export interface ChatState {
  lines: readonly ChatEntry[];
  settings: ChatSettingsView;
  /** sessionIds whose chat a facilitator stopped */
  chatMuted: Readonly<Record<string, true>>;
  /** id of the learning card open for everyone, "" if none */
  card: string;
  /** this person hid the shared card for themselves (it comes back when another is shared) */
  cardHidden: boolean;
  /** this person's own words suggested crisis: offer help, here and now */
  crisisOffer: boolean;
  /** where the facilitators' "may need support" alert about this person is */
  supportStatus: AlertStatus | "none";
  /** facilitators only */
  alerts: readonly ChatAlert[];
  /** Date.now() of this person's last message, for the slow-mode wait */
  lastSentAt: number;

  /** send a message (true if it went); checks the words for crisis on this device first */
  say: (text: string, send: (type: ClientMessage, payload?: unknown) => void) => boolean;
  closeCrisisOffer: () => void;
  reset: () => void;
}

const INITIAL = {
  lines: [],
  settings: { on: true, slowSeconds: 0, filter: "mask" },
  chatMuted: {},
  card: "",
  cardHidden: false,
  crisisOffer: false,
  supportStatus: "none",
  alerts: [],
  lastSentAt: 0,
} satisfies Partial<ChatState>;

/** Build a chat store; tests make a fresh one each, the app uses `useChatStore`. */
export function createChatStore(now: () => number = Date.now) {
  return create<ChatState>()((set) => ({
    ...INITIAL,
    say: (raw, send) => {
      const text = cleanChatText(raw);
      if (!text) return false;
      // Offered at once, on this device, whatever the network does; the message is sent unchanged.
      if (matchCrisis(text)) set({ crisisOffer: true });
      send("chat", { text });
      set({ lastSentAt: now() });
      return true;
    },
    closeCrisisOffer: () => set({ crisisOffer: false }),
    reset: () => set(INITIAL),
  }));
}

export type ChatStore = ReturnType<typeof createChatStore>;

/** The app's chat store. */
export const useChatStore = createChatStore();

/** Append a line, keeping the last CHAT_HISTORY and never the same id twice (resent after a reconnection). */
export function withLine(lines: readonly ChatEntry[], line: ChatEntry): readonly ChatEntry[] {
  if (lines.some((l) => l.id === line.id)) return lines;
  const next = [...lines, line];
  return next.length > CHAT_HISTORY ? next.slice(next.length - CHAT_HISTORY) : next;
}
