import type { BreathingPattern, PatternStep } from "./patterns";
import { CAPTIONS } from "./patterns";

/** What a person can set for their own pattern, seconds. */
export interface CustomPatternInput {
  inhale: number;
  hold: number;
  exhale: number;
  holdOut: number;
}

/** Allowed ranges, seconds. Holds may be 0 (skipped); breaths may not. */
export const CUSTOM_LIMITS = {
  inhale: { min: 2, max: 10 },
  hold: { min: 0, max: 10 },
  exhale: { min: 2, max: 12 },
  holdOut: { min: 0, max: 10 },
} as const satisfies Record<keyof CustomPatternInput, { min: number; max: number }>;

/** Fewer than 3 breaths a minute is beyond what guidance recommends. */
export const CUSTOM_MAX_CYCLE_S = 20;

export type CustomPatternResult = { ok: true; pattern: BreathingPattern } | { ok: false; errors: string[] };

const LABELS: Record<keyof CustomPatternInput, string> = {
  inhale: "Breathe in",
  hold: "Hold after breathing in",
  exhale: "Breathe out",
  holdOut: "Hold after breathing out",
};

/** Check a custom pattern and build it. Values are seconds, in steps of 0.5 s. */
export function validateCustomPattern(input: Partial<Record<keyof CustomPatternInput, unknown>>): CustomPatternResult {
  const errors: string[] = [];
  const values = {} as CustomPatternInput;
  for (const key of Object.keys(CUSTOM_LIMITS) as (keyof CustomPatternInput)[]) {
    const raw = input[key];
    const { min, max } = CUSTOM_LIMITS[key];
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      errors.push(`${LABELS[key]}: enter a number of seconds.`);
      continue;
    }
    if (raw < min || raw > max) {
      errors.push(`${LABELS[key]}: choose between ${min} and ${max} seconds.`);
      continue;
    }
    if (Math.round(raw * 2) !== raw * 2) {
      errors.push(`${LABELS[key]}: use whole or half seconds.`);
      continue;
    }
    values[key] = raw;
  }
  if (errors.length > 0) return { ok: false, errors };
  const total = values.inhale + values.hold + values.exhale + values.holdOut;
  if (total > CUSTOM_MAX_CYCLE_S) {
    return { ok: false, errors: [`One breath may last at most ${CUSTOM_MAX_CYCLE_S} seconds in all (now ${total}).`] };
  }
  const steps: PatternStep[] = [{ phase: "inhale", ms: values.inhale * 1000, to: 1, caption: CAPTIONS.inhale }];
  if (values.hold > 0) steps.push({ phase: "hold", ms: values.hold * 1000, to: 1, caption: CAPTIONS.hold });
  steps.push({ phase: "exhale", ms: values.exhale * 1000, to: 0, caption: CAPTIONS.exhale });
  if (values.holdOut > 0) steps.push({ phase: "hold-out", ms: values.holdOut * 1000, to: 0, caption: CAPTIONS["hold-out"] });
  const parts = [values.inhale, values.hold, values.exhale, values.holdOut].join("-");
  return {
    ok: true,
    pattern: {
      id: `custom:${parts}`,
      name: "Your own pattern",
      summary: `In ${values.inhale} · hold ${values.hold} · out ${values.exhale} · hold ${values.holdOut}`,
      steps,
      evidence: {
        note: "A pattern you set yourself. Slow breathing with a longer exhale tends to be the most calming.",
        source: "Zaccaro et al. 2018, Frontiers in Human Neuroscience 12:353",
      },
      cautions: [
        "Breathe gently. If you feel dizzy or light-headed, stop and breathe normally.",
        ...(values.hold + values.holdOut > 0 ? ["Long breath holds are not for everyone: shorten them if they feel uncomfortable."] : []),
      ],
    },
  };
}
