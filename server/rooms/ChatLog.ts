import { randomBytes } from "node:crypto";
import { RegExpMatcher, TextCensor, asteriskCensorStrategy, englishDataset, englishRecommendedTransformers } from "obscenity";
import { CHAT_HISTORY, type ChatLine } from "../../core/protocol";

// Built once per process: compiling the dataset's patterns takes a few milliseconds.
const abuse = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const censor = new TextCensor().setStrategy(asteriskCensorStrategy());

/** `text` with slurs and abuse masked (obscenity's English dataset, which also sees through look-alike characters, l33t and stretched letters). */
export function maskAbuse(text: string): string {
  const matches = abuse.getAllMatches(text, true);
  return matches.length === 0 ? text : censor.applyTo(text, matches);
}

interface Line extends ChatLine {
  /** order of arrival, to resend what someone missed while reconnecting */
  seq: number;
}

/**
 * The circle's recent chat, in memory only and only for moderation (delete for everyone, report a
 * message): the last CHAT_HISTORY messages, gone when the room closes. Never stored or logged.
 * Also when each person last wrote (slow mode) and what they had seen when their connection dropped.
 */
export class ChatLog {
  private readonly lines: Line[] = [];
  private seq = 0;
  private readonly lastSent = new Map<string, number>();
  private readonly droppedAt = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Keep a new message (already cleaned and, if the circle asks, masked) and return it as sent. */
  add(from: string, text: string): ChatLine {
    const line: Line = { id: randomBytes(6).toString("base64url"), from, text, seq: ++this.seq };
    this.lines.push(line);
    if (this.lines.length > CHAT_HISTORY) this.lines.shift();
    this.lastSent.set(from, this.now());
    return { id: line.id, from, text };
  }

  find(id: string): ChatLine | undefined {
    const line = this.lines.find((l) => l.id === id);
    return line && { id: line.id, from: line.from, text: line.text };
  }

  /** Forget message `id`; false if it is not (or no longer) kept. */
  delete(id: string): boolean {
    const index = this.lines.findIndex((l) => l.id === id);
    if (index < 0) return false;
    this.lines.splice(index, 1);
    return true;
  }

  /** Whether `who` wrote less than `seconds` ago (slow mode). */
  tooSoon(who: string, seconds: number): boolean {
    const last = this.lastSent.get(who);
    return seconds > 0 && last !== undefined && this.now() - last < seconds * 1000;
  }

  /** `who`'s connection dropped: remember how far the chat had got. */
  dropped(who: string): void {
    this.droppedAt.set(who, this.seq);
  }

  /** `who` is back: the messages they missed, oldest first (those still kept). */
  missed(who: string): ChatLine[] {
    const since = this.droppedAt.get(who);
    this.droppedAt.delete(who);
    if (since === undefined) return [];
    return this.lines.filter((l) => l.seq > since).map(({ id, from, text }) => ({ id, from, text }));
  }

  /** `who` left for good. Their messages stay until they age out (a facilitator may still need them). */
  forget(who: string): void {
    this.lastSent.delete(who);
    this.droppedAt.delete(who);
  }
}
