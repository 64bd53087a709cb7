import { compileList, matchCompiled, type CompiledList, type CrisisMatch, type CrisisPhraseList } from "../crisisMatch";
import { EN } from "./en";
import { ES } from "./es";

/** Every language's list. Add a language: a file beside en.ts, reviewed and cited the same way, listed here. */
export const CRISIS_PHRASE_LISTS: readonly CrisisPhraseList[] = [EN, ES];

let compiled: readonly CompiledList[] | undefined;

/**
 * Does `text` contain words that suggest its writer may be in crisis? All languages are tried (a
 * person may write in any). Returns what kind of sign matched, or null. Nothing is kept.
 */
export function matchCrisis(text: string): CrisisMatch | null {
  compiled ??= CRISIS_PHRASE_LISTS.map(compileList);
  return matchCompiled(text, compiled);
}
