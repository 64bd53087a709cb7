import type { Exercise } from "../../../core/exercises";
import { headerLayout, textHeight } from "./textLayout";
import { VR_THEME, type VrTheme } from "./theme";

/** Breath counts offered in a headset, beside the minutes (the DOM takes any number up to MAX_CYCLES). */
export const VR_CYCLE_CHOICES = [4, 8, 12] as const;

export const LENGTH_PANEL_WIDTH = 0.9;
/** Width of a length button, m: four fit in a row. */
export const LENGTH_BUTTON_WIDTH = 0.2;
const ROW_PITCH = VR_THEME.buttonHeight + VR_THEME.gap;

/**
 * What a person should know before starting, as the DOM's length screen
 * shows it: what the exercise is, when to take care, and where the evidence
 * comes from.
 */
export function aboutText(exercise: Exercise): string {
  const about = exercise.kind === "breathing" ? exercise.pattern : exercise.script;
  return [about.summary, "Take care:", ...about.cautions.map((c) => `• ${c}`), `Evidence: ${about.evidence.source}`].join("\n");
}

export interface LengthLayout {
  text: string;
  /** m */
  height: number;
  /** top of the about text, from the board's centre, m */
  textY: number;
  /** centres of the button rows, from the board's centre, m: minutes, breaths (breathing only), Back */
  rows: number[];
}

/**
 * The length board: about text on top, then the rows of choices. Its height
 * follows the text, so cautions are never cut off at any text size.
 */
export function lengthLayout(exercise: Exercise, theme: Pick<VrTheme, "titleSize" | "bodySize">): LengthLayout {
  const text = aboutText(exercise);
  const textTop = headerLayout(theme.titleSize, theme.bodySize).bottom + 0.02;
  const textBottom = textTop + textHeight(text, theme.bodySize, LENGTH_PANEL_WIDTH - 0.08);
  const rowCount = exercise.kind === "breathing" ? 3 : 2;
  const firstRow = textBottom + 0.025 + VR_THEME.buttonHeight / 2;
  const fromTop = Array.from({ length: rowCount }, (_, i) => firstRow + i * ROW_PITCH);
  const height = firstRow + (rowCount - 1) * ROW_PITCH + VR_THEME.buttonHeight / 2 + 0.025;
  return { text, height, textY: height / 2 - textTop, rows: fromTop.map((y) => height / 2 - y) };
}
