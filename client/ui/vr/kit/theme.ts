import { LARGE_TEXT_SCALE, SPACE, TYPE_SCALE, palette, type Palette, type TypeRole } from "../../design";

/** One uikit pixel, in metres: panels are laid out in millimetres. */
export const PIXEL_SIZE = 0.001;

/** Distance from the eyes to the panels, m: comfortable reading distance, inside arm's reach for a pinch. */
export const PANEL_DISTANCE = 1.1;

/** Height of text that subtends `degrees` of visual angle at `distance` m, in m. */
export function heightForAngle(degrees: number, distance: number): number {
  return 2 * distance * Math.tan((degrees * Math.PI) / 360);
}

/** Visual angle of text `height` m tall seen from `distance` m, in degrees. */
export function angleOf(height: number, distance: number): number {
  return (360 / Math.PI) * Math.atan(height / (2 * distance));
}

/**
 * Body text size at the panel distance, mm: 24 mm at 1.1 m is 1.25° of
 * visual angle (the floor for reading in a headset is ~1°; smaller text
 * shimmers on today's displays). Every other size follows the type scale.
 */
export const VR_BODY_MM = 24;
/** The spacing unit, mm (spacing steps are multiples of it). */
export const VR_UNIT_MM = 6;
/** The smallest button edge, mm: a ray or a pinch hits 6 cm targets without effort. */
export const VR_TARGET_MM = 72;

export type VrType = Record<TypeRole, number>;

function buildType(largeText: boolean): VrType {
  const s = VR_BODY_MM * (largeText ? LARGE_TEXT_SCALE : 1);
  return Object.fromEntries(Object.entries(TYPE_SCALE).map(([role, k]) => [role, Math.round(s * k)])) as VrType;
}

const TYPES = { regular: buildType(false), large: buildType(true) };

/** Text sizes in mm (= uikit px) for each role. */
export const vrType = (largeText: boolean): VrType => (largeText ? TYPES.large : TYPES.regular);

/** A spacing step in mm. */
export const space = (step: keyof typeof SPACE): number => SPACE[step] * VR_UNIT_MM;

export interface VrTheme {
  palette: Palette;
  type: VrType;
  largeText: boolean;
}

const THEMES = new Map<string, VrTheme>();

/** The theme for the person's settings; one object per combination, so it can key memos. */
export function vrTheme(largeText: boolean, highContrast: boolean): VrTheme {
  const key = `${largeText}/${highContrast}`;
  let theme = THEMES.get(key);
  if (!theme) THEMES.set(key, (theme = { palette: palette(highContrast), type: vrType(largeText), largeText }));
  return theme;
}
