/**
 * The one palette and type scale of Breathing Room, for the page (app.css
 * mirrors these values as custom properties; a test keeps the two equal) and
 * for the in-VR panels (ui/vr/kit). See docs/ART_DIRECTION.md for why each
 * colour and size is what it is. No DOM, React or three here.
 */

/** Colours as CSS hex strings. */
export interface Palette {
  /** the page behind everything, and high-contrast boards */
  ink: string;
  /**
   * panels and cards, drawn at `surfaceAlpha` over the scene: opaque enough that the sun or the
   * moon behind a card is only a faint warmth, never a bright spot under the words (the page also
   * blurs what is behind a card, where the browser can)
   */
  surface: string;
  surfaceAlpha: number;
  /** quiet buttons, list rows, tracks */
  raised: string;
  raisedHover: string;
  /** borders and dividers */
  line: string;
  text: string;
  /** secondary text: hints, sources, units */
  muted: string;
  /** the main action, the selected choice */
  accent: string;
  accentHover: string;
  /** text on `accent` */
  accentText: string;
  /** "Need help now?": warm, easy to find, never alarming */
  help: string;
  helpHover: string;
  /** text on `help` */
  helpText: string;
  /** keyboard focus (page only; never used to show selection) */
  focus: string;
}

/** Dusk: deep blue-slate, sea-glass teal for what to do next, a soft coral for help. */
export const PALETTE: Palette = {
  ink: "#0e1620",
  surface: "#111c27",
  surfaceAlpha: 0.93,
  raised: "#1f2e3b",
  raisedHover: "#2c4052",
  line: "#5d7284",
  text: "#eef3f7",
  muted: "#b7c4cf",
  accent: "#9fd3c7",
  accentHover: "#bde4da",
  accentText: "#0c1a17",
  help: "#f2a7a0",
  helpHover: "#f7c3bd",
  helpText: "#2a0d0a",
  focus: "#ffd580",
};

/** High contrast: black boards, white text and lines, yellow for the main action and the selection. */
export const HIGH_CONTRAST_PALETTE: Palette = {
  ink: "#000000",
  surface: "#000000",
  surfaceAlpha: 1,
  raised: "#1a1a1a",
  raisedHover: "#3d3d3d",
  line: "#ffffff",
  text: "#ffffff",
  muted: "#ffffff",
  accent: "#ffe066",
  accentHover: "#fff0a8",
  accentText: "#000000",
  help: "#ff9e94",
  helpHover: "#ffc2bb",
  helpText: "#000000",
  focus: "#00e5ff",
};

export const palette = (highContrast: boolean): Palette => (highContrast ? HIGH_CONTRAST_PALETTE : PALETTE);

/**
 * Type scale, as multiples of the body size (1 rem on the page; `VR_BODY_MM`
 * in a headset). Headings step up by ~1.3 so the hierarchy reads at a glance.
 */
export const TYPE_SCALE = {
  small: 0.875,
  body: 1,
  label: 1.0625,
  h3: 1.125,
  h2: 1.375,
  h1: 1.75,
  /** the practice caption */
  caption: 2,
} as const;

export type TypeRole = keyof typeof TYPE_SCALE;

/** Text grows by this much with "Larger text", on the page and in a headset. */
export { LARGE_TEXT_SCALE } from "../state/settings";

/** Spacing steps, in multiples of the base unit (0.25 rem on the page, `VR_UNIT_MM` in a headset). */
export const SPACE = { xs: 1, sm: 2, md: 3, lg: 5, xl: 8 } as const;
