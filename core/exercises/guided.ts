/** One spoken/captioned step of a guided exercise. */
export interface GuidedStep {
  readonly caption: string;
  /** relative length; scripts are scaled to the chosen session length */
  readonly weight: number;
}

export interface GuidedScript {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  /** length when no session length is chosen, ms */
  readonly naturalMs: number;
  readonly steps: readonly GuidedStep[];
  readonly cautions: readonly string[];
  readonly evidence: { readonly note: string; readonly source: string };
}

const s = (caption: string, weight = 1): GuidedStep => ({ caption, weight });

export const GUIDED_IDS = ["grounding-54321", "body-scan", "pmr"] as const;
export type GuidedId = (typeof GUIDED_IDS)[number];

export const GUIDED: Readonly<Record<GuidedId, GuidedScript>> = {
  "grounding-54321": {
    id: "grounding-54321",
    name: "5-4-3-2-1 grounding",
    summary: "Notice five things you see, four you feel, three you hear, two you smell, one you taste",
    naturalMs: 180_000,
    steps: [
      s("Settle where you are. Let your breath be as it is."),
      s("Look around. Name five things you can see.", 2),
      s("Notice four things you can feel: your feet, your hands, the seat, the air.", 2),
      s("Listen. Find three things you can hear.", 2),
      s("Notice two things you can smell, or two smells you like.", 1.5),
      s("Notice one thing you can taste, or one kind thing to say to yourself.", 1.5),
      s("You are here, right now. Take one slow breath."),
    ],
    cautions: ["Keep your eyes open if closing them feels uneasy. You can stop at any time."],
    evidence: {
      note: "A grounding technique widely used in trauma-informed care to bring attention back to the present through the senses.",
      source: "Najavits 2002, Seeking Safety (grounding skills)",
    },
  },
  "body-scan": {
    id: "body-scan",
    name: "Body scan",
    summary: "Move your attention slowly from your feet to the top of your head",
    naturalMs: 300_000,
    steps: [
      s("Sit or lie comfortably. Let your breath settle."),
      s("Bring your attention to your feet. Notice what is there, without changing it.", 1.5),
      s("Move up to your lower legs and knees.", 1.5),
      s("Notice your thighs and hips, and where you are supported.", 1.5),
      s("Your belly. Notice it rise and fall with each breath.", 1.5),
      s("Your chest and upper back.", 1.5),
      s("Your hands, arms and shoulders. Let them be heavy.", 1.5),
      s("Your neck, jaw and face. Soften around the eyes.", 1.5),
      s("The top of your head. Now notice your whole body, breathing."),
      s("When you are ready, open your eyes and come back to the room."),
    ],
    cautions: ["If attention to a part of the body is uncomfortable, skip it or open your eyes. You are in charge."],
    evidence: {
      note: "Body scan practice is a core part of mindfulness-based programmes shown to reduce stress and anxiety.",
      source: "Khoury et al. 2015, Journal of Psychosomatic Research 78(6):519–528",
    },
  },
  pmr: {
    id: "pmr",
    name: "Progressive muscle relaxation",
    summary: "Gently tense, then release, one muscle group at a time",
    naturalMs: 300_000,
    steps: [
      s("Sit comfortably. We will tense each area gently for a few seconds, then let go."),
      s("Make fists with both hands. Hold… and release. Notice the difference.", 1.5),
      s("Bend your arms and tense your upper arms. Hold… and let go.", 1.5),
      s("Lift your shoulders towards your ears. Hold… and drop them.", 1.5),
      s("Scrunch your face gently. Hold… and soften.", 1.5),
      s("Tighten your belly. Hold… and release.", 1.5),
      s("Press your feet into the floor and tense your legs. Hold… and relax.", 1.5),
      s("Let your whole body rest. Breathe slowly."),
    ],
    cautions: ["Tense gently, never to the point of pain. Skip any area that is injured or sore."],
    evidence: {
      note: "Progressive muscle relaxation reduces anxiety and stress across many trials.",
      source: "Toussaint et al. 2021, Evidence-Based Complementary and Alternative Medicine 5924040",
    },
  },
};

export function isGuidedId(value: unknown): value is GuidedId {
  return typeof value === "string" && (GUIDED_IDS as readonly string[]).includes(value);
}

/** Where a person is in a guided script. */
export interface GuidedState {
  stepIndex: number;
  caption: string;
  /** progress through the current step, 0..1 */
  progress: number;
  /** time left in the whole exercise, ms */
  remainingMs: number;
  done: boolean;
}

export function createGuidedState(): GuidedState {
  return { stepIndex: 0, caption: "", progress: 0, remainingMs: 0, done: false };
}

function totalWeight(script: GuidedScript): number {
  let w = 0;
  for (const step of script.steps) w += step.weight;
  return w;
}

/** Length of one step when the script is stretched to `totalMs`. */
export function guidedStepMs(script: GuidedScript, index: number, totalMs: number): number {
  const step = script.steps[index];
  return step ? (step.weight / totalWeight(script)) * totalMs : 0;
}

/** The step of `script`, stretched to `totalMs`, at `elapsedMs`. Allocation-free with `out`. */
export function guidedAt(script: GuidedScript, elapsedMs: number, totalMs: number, out: GuidedState = createGuidedState()): GuidedState {
  const t = Number.isFinite(elapsedMs) && elapsedMs > 0 ? Math.min(elapsedMs, totalMs) : 0;
  const unit = totalMs / totalWeight(script);
  const last = script.steps.length - 1;
  let start = 0;
  let index = 0;
  while (index < last && t >= start + script.steps[index]!.weight * unit) {
    start += script.steps[index]!.weight * unit;
    index++;
  }
  const stepMs = script.steps[index]!.weight * unit;
  out.stepIndex = index;
  out.caption = script.steps[index]!.caption;
  out.progress = stepMs > 0 ? Math.min(1, (t - start) / stepMs) : 1;
  out.remainingMs = Math.max(0, totalMs - t);
  out.done = elapsedMs >= totalMs;
  return out;
}
