/** Chat limits and settings shared by client and server. */

/** Longest chat message, characters (code points) after cleaning. */
export const CHAT_MAX_LENGTH = 300;
/** Chat messages a circle keeps in memory for moderation (delete, report); older ones are gone. */
export const CHAT_HISTORY = 100;
/** Slow-mode choices, seconds between one person's messages (0 = off). */
export const SLOW_MODE_SECONDS = [0, 5, 15, 30, 60] as const;
export type SlowModeSeconds = (typeof SLOW_MODE_SECONDS)[number];
/** What the server does with slurs and abuse: mask them (default) or leave text as sent. */
export const CHAT_FILTERS = ["mask", "off"] as const;
export type ChatFilter = (typeof CHAT_FILTERS)[number];

// Control and format characters (bidi overrides, zero-width spaces) except the zero-width joiner
// that emoji sequences need; they could make a message read differently from what it says.
const INVISIBLE = /(?!\u200d)[\p{Cc}\p{Cf}]/gu;

/**
 * A chat message as it will be shown: invisible characters removed, every run of white space
 * (new lines too) one space, trimmed. Null if nothing is left or it is longer than CHAT_MAX_LENGTH.
 */
export function cleanChatText(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > CHAT_MAX_LENGTH * 4) return null;
  const text = raw.replace(/\s+/gu, " ").replace(INVISIBLE, "").replace(/ {2,}/g, " ").trim();
  const length = [...text].length;
  return length >= 1 && length <= CHAT_MAX_LENGTH ? text : null;
}
