/**
 * The calm space's screens after the first one (choosing a place): one chunk of their own, fetched
 * while the person is still choosing, so the first screen carries only itself.
 */
export { CheckScreen } from "./CheckScreen";
export { ExerciseScreen } from "./ExerciseScreen";
export { LengthScreen } from "./LengthScreen";
export { PracticeScreen } from "./PracticeScreen";
export { SummaryScreen } from "./SummaryScreen";
