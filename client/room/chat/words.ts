import type { ReportReason } from "../../../core/protocol";

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
