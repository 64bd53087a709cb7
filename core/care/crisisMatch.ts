/**
 * A small, local safety net for words of crisis: does a chat message contain a phrase that suggests
 * its writer may be in crisis or at risk? Runs on the sender's device (to offer crisis help at once)
 * and in the room (to tell the facilitators, privately, that someone may need support). Nothing is
 * stored; the message is never blocked or changed.
 *
 * Phrases are written in a tiny pattern language (see `CrisisSign.patterns`) over normalized text:
 * lower case, accents and apostrophes dropped ("I'm" → "im", "daño" → "dano"), every other
 * character a space, sentence punctuation kept as a clause break.
 */

/** What kind of warning sign a phrase belongs to (the groups of NIMH's "Warning Signs of Suicide"). */
export type CrisisKind = "wanting-to-die" | "suicidal-thoughts" | "self-harm" | "plan" | "hopeless" | "trapped" | "burden" | "goodbye";

export interface CrisisSign {
  /** stable id, for tests (never sent anywhere) */
  readonly id: string;
  readonly kind: CrisisKind;
  /**
   * Space-separated tokens, each one word or `a|b|c` alternatives (`_` joins words inside one
   * alternative: `no_longer`); `?` after a token makes it optional; `…` stands for zero to two
   * words; `$` (alone or as an alternative) is the end of a clause.
   */
  readonly patterns: readonly string[];
  /**
   * A negation just before the phrase ("I'm not suicidal") means it is not a sign. Default true;
   * false for phrases that are themselves negative ("no reason to live").
   */
  readonly negatable?: boolean;
  /**
   * Someone else as the subject just before the phrase ("my friend self-harms") means it is not
   * the writer's own. Default true; false for phrases that say "me" themselves.
   */
  readonly othersCancel?: boolean;
  /** words right after the phrase that make it everyday speech ("rather die *than*…") */
  readonly unlessThen?: readonly string[];
}

export interface CrisisPhraseList {
  /** BCP 47 primary language tag */
  readonly lang: string;
  /** year-month this list was last reviewed against the sources */
  readonly reviewed: string;
  /** published guidance the list was reviewed against */
  readonly sources: readonly string[];
  readonly signs: readonly CrisisSign[];
  /** words that negate what follows ("not", "never") */
  readonly negators: readonly string[];
  /** negators that do not negate when followed by one of these ("not *okay*, I want to die") */
  readonly negatorExceptions: readonly string[];
  /** other people as subjects ("she", "my friend") */
  readonly others: readonly string[];
  /** words that start a new part of a sentence, where looking back for a negation stops */
  readonly conjunctions: readonly string[];
}

/** What matched: the language and the sign (never the text). */
export interface CrisisMatch {
  readonly lang: string;
  readonly sign: string;
  readonly kind: CrisisKind;
}

/** How many words before a phrase are looked at for a negation or another subject. */
const LOOK_BACK_WORDS = 3;
/** Longest text looked at, characters (chat messages are far shorter). */
const MAX_TEXT = 4000;
const CLAUSE = ".";

/**
 * Lower case, no accents or apostrophes, words separated by single spaces, sentence punctuation
 * as a "." word; starts and ends with a space so every word is " word ".
 */
export function normalizeForMatch(text: string): string {
  const words = text
    .slice(0, MAX_TEXT)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, "")
    .replace(/[.!?;:,()[\]{}"“”«»…\n\r|]+/g, ` ${CLAUSE} `)
    .replace(/[^\p{L}\p{N}.]+/gu, " ")
    // "soooo" → "so": stretched letters for emphasis (real words repeat a letter at most twice)
    .replace(/(\p{L})\1{2,}/gu, "$1")
    .trim();
  return ` ${words.replace(/ {2,}/g, " ")} `;
}

interface CompiledSign {
  readonly sign: CrisisSign;
  readonly regexes: readonly RegExp[];
  readonly unlessThen: ReadonlySet<string>;
}

export interface CompiledList {
  readonly list: CrisisPhraseList;
  readonly signs: readonly CompiledSign[];
  readonly negators: ReadonlySet<string>;
  readonly negatorExceptions: ReadonlySet<string>;
  readonly others: ReadonlySet<string>;
  readonly conjunctions: ReadonlySet<string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One alternative, already normalized, followed by the space after its last word. */
const alternative = (alt: string) => (alt === "$" ? "(?=\\. |$)" : `${alt.split("_").map((w) => escape(normalizeForMatch(w).trim())).join(" ")} `);

function compileToken(token: string): string {
  if (token === "…") return "(?:[^ .]+ ){0,2}";
  const optional = token.endsWith("?");
  const body = `(?:${(optional ? token.slice(0, -1) : token).split("|").map(alternative).join("|")})`;
  return optional ? `${body}?` : body;
}

/** Compile a pattern of the little language above into a global regex over normalized text. */
export function compilePattern(pattern: string): RegExp {
  const tokens = pattern.trim().split(/\s+/);
  return new RegExp(`(?<= )${tokens.map(compileToken).join("")}`, "g");
}

const wordSet = (words: readonly string[]) => new Set(words.map((w) => normalizeForMatch(w).trim()));

export function compileList(list: CrisisPhraseList): CompiledList {
  return {
    list,
    signs: list.signs.map((sign) => ({ sign, regexes: sign.patterns.map(compilePattern), unlessThen: wordSet(sign.unlessThen ?? []) })),
    negators: wordSet(list.negators),
    negatorExceptions: wordSet(list.negatorExceptions),
    others: wordSet(list.others),
    conjunctions: wordSet(list.conjunctions),
  };
}

/** Up to LOOK_BACK_WORDS words before `index`, stopping at a clause break or a conjunction. */
function wordsBefore(text: string, index: number, c: CompiledList): string[] {
  const before = text.slice(0, index).trim().split(" ");
  const out: string[] = [];
  for (let i = before.length - 1; i >= 0 && out.length < LOOK_BACK_WORDS; i--) {
    const w = before[i] ?? "";
    if (w === "" || w === CLAUSE || c.conjunctions.has(w)) break;
    out.unshift(w);
  }
  return out;
}

function cancelled(text: string, index: number, end: number, s: CompiledSign, c: CompiledList): boolean {
  const next = text.slice(end).trim().split(" ", 1)[0] ?? "";
  if (s.unlessThen.has(next)) return true;
  const before = wordsBefore(text, index, c);
  if (s.sign.othersCancel !== false && before.some((w) => c.others.has(w))) return true;
  if (s.sign.negatable === false) return false;
  return before.some((w, i) => c.negators.has(w) && !c.negatorExceptions.has(before[i + 1] ?? ""));
}

/** The first sign in `text` of the compiled lists, or null. */
export function matchCompiled(text: string, lists: readonly CompiledList[]): CrisisMatch | null {
  const normalized = normalizeForMatch(text);
  for (const c of lists) {
    for (const s of c.signs) {
      for (const regex of s.regexes) {
        regex.lastIndex = 0;
        for (let m = regex.exec(normalized); m; m = regex.exec(normalized)) {
          if (!cancelled(normalized, m.index, m.index + m[0].length, s, c)) return { lang: c.list.lang, sign: s.sign.id, kind: s.sign.kind };
          if (m[0].length === 0) regex.lastIndex++;
        }
      }
    }
  }
  return null;
}
