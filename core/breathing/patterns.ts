/** What the body is doing during one step of a breathing pattern. */
export type PhaseName = "inhale" | "hold" | "exhale" | "hold-out";

/** One timed step of a pattern. */
export interface PatternStep {
  readonly phase: PhaseName;
  /** step length, ms */
  readonly ms: number;
  /** lung fullness at the end of this step, 0 (empty) .. 1 (full) */
  readonly to: number;
  /** caption shown during the step, e.g. "Breathe in" or "Sip in a little more" */
  readonly caption: string;
}

/** Where a pattern's guidance comes from, stated plainly. */
export interface Evidence {
  /** one line a person can read */
  readonly note: string;
  /** citation */
  readonly source: string;
}

export interface BreathingPattern {
  readonly id: string;
  readonly name: string;
  /** short description shown in the picker */
  readonly summary: string;
  readonly steps: readonly PatternStep[];
  readonly evidence: Evidence;
  /** safety notes shown before starting */
  readonly cautions: readonly string[];
}

export const CAPTIONS = {
  inhale: "Breathe in",
  hold: "Hold",
  exhale: "Breathe out",
  "hold-out": "Hold",
} as const satisfies Record<PhaseName, string>;

const GENERAL_CAUTION = "Breathe gently. If you feel dizzy or light-headed, stop and breathe normally.";
const HOLD_CAUTION = "Long breath holds are not for everyone (for example in pregnancy, or with heart or lung conditions): shorten or skip the holds.";

const step = (phase: PhaseName, seconds: number, to: number, caption: string = CAPTIONS[phase]): PatternStep => ({
  phase,
  ms: Math.round(seconds * 1000),
  to,
  caption,
});

/** Built-in pattern ids, shared by solo practice and the group room. */
export const PATTERN_IDS = ["box", "478", "resonance", "cyclic-sigh"] as const;
export type BuiltInPatternId = (typeof PATTERN_IDS)[number];

export const PATTERNS: Readonly<Record<BuiltInPatternId, BreathingPattern>> = {
  box: {
    id: "box",
    name: "Box breathing",
    summary: "In 4 · hold 4 · out 4 · hold 4",
    steps: [step("inhale", 4, 1), step("hold", 4, 1), step("exhale", 4, 0), step("hold-out", 4, 0)],
    evidence: {
      note: "Slow, paced breathing with equal phases; in a randomised study, daily box breathing improved mood and lowered anxiety, though less than cyclic sighing.",
      source: "Balban et al. 2023, Cell Reports Medicine 4(1):100895",
    },
    cautions: [GENERAL_CAUTION, HOLD_CAUTION],
  },
  "478": {
    id: "478",
    name: "4-7-8 breathing",
    summary: "In 4 · hold 7 · out 8",
    steps: [step("inhale", 4, 1), step("hold", 7, 1), step("exhale", 8, 0)],
    evidence: {
      note: "A long exhale slows the breath; small studies report lower heart rate and blood pressure after 4-7-8 breathing.",
      source: "Vierra et al. 2022, Heart & Lung 55:48–55",
    },
    cautions: [GENERAL_CAUTION, HOLD_CAUTION, "Start with four cycles; the long hold can feel uncomfortable at first."],
  },
  resonance: {
    id: "resonance",
    name: "Resonance breathing",
    summary: "In 5.5 · out 5.5 (about 5.5 breaths a minute)",
    steps: [step("inhale", 5.5, 1), step("exhale", 5.5, 0)],
    evidence: {
      note: "Breathing near 5.5 breaths a minute increases heart-rate variability; reviews link it to lower stress and anxiety.",
      source: "Lehrer & Gevirtz 2014, Frontiers in Psychology 5:756",
    },
    cautions: [GENERAL_CAUTION],
  },
  "cyclic-sigh": {
    id: "cyclic-sigh",
    name: "Cyclic sighing",
    summary: "Two inhales through the nose, one long exhale",
    steps: [
      step("inhale", 2.5, 0.75),
      step("inhale", 1, 1, "Sip in a little more"),
      step("exhale", 6.5, 0, "Long breath out"),
    ],
    evidence: {
      note: "Five minutes a day of cyclic sighing improved mood and reduced respiratory rate more than mindfulness meditation in a randomised study.",
      source: "Balban et al. 2023, Cell Reports Medicine 4(1):100895",
    },
    cautions: [GENERAL_CAUTION],
  },
};

/** Type guard for a built-in pattern id (e.g. from the network). */
export function isPatternId(value: unknown): value is BuiltInPatternId {
  return typeof value === "string" && (PATTERN_IDS as readonly string[]).includes(value);
}

export function getPattern(id: BuiltInPatternId): BreathingPattern {
  return PATTERNS[id];
}

/** Length of one full cycle, ms. */
export function cycleMs(pattern: BreathingPattern): number {
  let total = 0;
  for (const s of pattern.steps) total += s.ms;
  return total;
}

/** Whole cycles that fit in a session of `minutes` (at least one). */
export function cyclesForMinutes(pattern: BreathingPattern, minutes: number): number {
  return Math.max(1, Math.round((minutes * 60_000) / cycleMs(pattern)));
}
