import type { ReportReason } from "../../../core/protocol";
import type { ChatAlert } from "./chatStore";

/** The report reasons as a person would say them. */
export const REASON_WORDS: Record<ReportReason, string> = {
  unkind: "Unkind or hurtful",
  unsafe: "Unsafe or harmful",
  impersonation: "Pretending to be someone",
  spam: "Spam",
  other: "Something else",
};

/** Quick phrases for a headset, where typing is hard. */
export const QUICK_PHRASES = ["Thank you", "Me too", "I'll pass", "I'm here"] as const;

/** Slow-mode choices, in words. */
export function slowWords(seconds: number): string {
  return seconds === 0 ? "Off" : seconds < 60 ? `One message every ${seconds} seconds` : "One message a minute";
}

/** A private chat alert in one sentence (the headset's console). */
export function chatAlertSentence(alert: ChatAlert): string {
  if (alert.kind === "support") return `${alert.pseudonym} may need support: words in their chat matched the crisis list.`;
  const reason = alert.reason ? ` (${REASON_WORDS[alert.reason].toLowerCase()})` : "";
  return `${alert.pseudonym} reported a message from ${alert.quote?.pseudonym ?? "someone"}${reason}: "${alert.quote?.text ?? ""}"`;
}
