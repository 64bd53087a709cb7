/** Colours and sizes shared by the in-VR panels. Sizes in metres. */
export const VR_THEME = {
  panel: "#1d2238",
  panelOpacity: 0.88,
  button: "#34406a",
  buttonHover: "#4f5f96",
  buttonSelected: "#7c8fd6",
  help: "#8a3f4f",
  helpHover: "#a8546a",
  text: "#fff8ec",
  muted: "#c9cde0",
  /** label size on buttons: ~1.6 degrees at 1.1 m */
  labelSize: 0.03,
  titleSize: 0.042,
  bodySize: 0.026,
  /** default button: 22 x 7.5 cm, well above the 6 cm minimum for ray and pinch */
  buttonWidth: 0.22,
  buttonHeight: 0.075,
  gap: 0.02,
} as const;

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
