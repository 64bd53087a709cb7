/** Colours (CSS strings) and sizes (metres) shared by the in-VR panels. */
export interface VrTheme {
  panel: string;
  panelOpacity: number;
  button: string;
  buttonHover: string;
  buttonSelected: string;
  help: string;
  helpHover: string;
  text: string;
  /** label colour on a selected button (high contrast selects in yellow, so it needs dark text) */
  selectedText: string;
  /** headings */
  title: string;
  muted: string;
  /** label size on buttons: ~1.6 degrees at 1.1 m */
  labelSize: number;
  titleSize: number;
  bodySize: number;
  /** default button: 22 x 7.5 cm, well above the 6 cm minimum for ray and pinch */
  buttonWidth: number;
  buttonHeight: number;
  gap: number;
}

/** The standard look: soft dusk blues that sit quietly in every environment. */
export const VR_THEME: VrTheme = {
  panel: "#1d2238",
  panelOpacity: 0.88,
  button: "#34406a",
  buttonHover: "#4f5f96",
  buttonSelected: "#7c8fd6",
  help: "#8a3f4f",
  helpHover: "#a8546a",
  text: "#fff8ec",
  selectedText: "#10142a",
  title: "#fff8ec",
  muted: "#c9cde0",
  labelSize: 0.03,
  titleSize: 0.042,
  bodySize: 0.026,
  buttonWidth: 0.22,
  buttonHeight: 0.075,
  gap: 0.02,
};

/** Text grows by this much with "Larger text", as the DOM's larger text does. */
export const LARGE_TEXT_SCALE = 1.3;

// High contrast: opaque black boards (no scenery showing through), white
// text, yellow for what is selected or pointed at, a strong red for help.
const HIGH_CONTRAST: Partial<VrTheme> = {
  panel: "#000000",
  panelOpacity: 1,
  button: "#2b2b2b",
  buttonHover: "#5c5200",
  buttonSelected: "#ffd400",
  help: "#b3001e",
  helpHover: "#e0002a",
  text: "#ffffff",
  selectedText: "#000000",
  title: "#ffd400",
  muted: "#ffffff",
};

function buildTheme(largeText: boolean, highContrast: boolean): VrTheme {
  const s = largeText ? LARGE_TEXT_SCALE : 1;
  return {
    ...VR_THEME,
    ...(highContrast ? HIGH_CONTRAST : {}),
    labelSize: VR_THEME.labelSize * s,
    titleSize: VR_THEME.titleSize * s,
    bodySize: VR_THEME.bodySize * s,
  };
}

// Four fixed themes, built once: a theme keeps its identity between renders,
// so materials keyed on its colours are not rebuilt.
const THEMES = {
  regular: { normal: buildTheme(false, false), contrast: buildTheme(false, true) },
  large: { normal: buildTheme(true, false), contrast: buildTheme(true, true) },
} as const;

/** The panel theme for the person's text-size and contrast settings. */
export function vrTheme(largeText: boolean, highContrast: boolean): VrTheme {
  const size = largeText ? THEMES.large : THEMES.regular;
  return highContrast ? size.contrast : size.normal;
}

/**
 * Centres for `count` buttons in rows of `columns`, centred on the origin,
 * first row on top. Sizes in metres.
 */
export function gridPositions(count: number, columns: number, width: number, height: number, gap: number = VR_THEME.gap): [number, number][] {
  const rows = Math.ceil(count / columns);
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / columns);
    const inRow = Math.min(columns, count - row * columns);
    const col = i % columns;
    const x = (col - (inRow - 1) / 2) * (width + gap);
    const y = ((rows - 1) / 2 - row) * (height + gap);
    out.push([x, y]);
  }
  return out;
}

/** Centres along x for a row of buttons of the given widths, centred on the origin, m. */
export function rowPositions(widths: readonly number[], gap: number = VR_THEME.gap): number[] {
  const total = widths.reduce((a, w) => a + w, 0) + gap * Math.max(0, widths.length - 1);
  const out: number[] = [];
  let x = -total / 2;
  for (const w of widths) {
    out.push(x + w / 2);
    x += w + gap;
  }
  return out;
}
