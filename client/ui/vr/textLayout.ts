/**
 * Average advance of a character in Atkinson Hyperlegible, in ems. A little
 * generous on purpose: an overestimate leaves some space under the text, an
 * underestimate would run text into the buttons below it.
 */
const AVERAGE_CHAR_EM = 0.56;

/** Line height troika is given for body copy, in ems. */
export const BODY_LINE_HEIGHT = 1.25;

/**
 * How many lines `text` wraps to at `fontSize` (m) within `maxWidth` (m).
 * troika lays text out asynchronously in a worker, so panels are sized from
 * this estimate rather than from the measured text.
 */
export function estimateLines(text: string, fontSize: number, maxWidth: number): number {
  const perLine = Math.max(1, Math.floor(maxWidth / (fontSize * AVERAGE_CHAR_EM)));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    // Words wrap whole, so a line holds a little less than `perLine` on average.
    let line = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= perLine) line = need;
      else {
        lines += Math.max(1, Math.ceil(word.length / perLine));
        line = word.length % perLine;
      }
    }
  }
  return lines;
}

/** Height of wrapped body text, m. */
export function textHeight(text: string, fontSize: number, maxWidth: number, lineHeight = BODY_LINE_HEIGHT): number {
  return estimateLines(text, fontSize, maxWidth) * fontSize * lineHeight;
}

/** Where the title's and subtitle's centres sit below the board's top edge, m; larger text moves them down. */
export function headerLayout(titleSize: number, bodySize: number): { title: number; subtitle: number; bottom: number } {
  const title = 0.02 + titleSize * 0.7;
  const subtitle = title + titleSize * 0.55 + bodySize * 0.8;
  return { title, subtitle, bottom: title + titleSize * 0.6 };
}

/**
 * Label size that fits `text` on a button of `width` x `height` (m), starting
 * from `size` and shrinking no further than `floor`: with larger text a long
 * label steps down rather than spilling over the button's edge.
 */
export function fitLabelSize(text: string, size: number, width: number, height: number, floor: number): number {
  let s = size;
  while (s > floor && estimateLines(text, s, width) * s * 1.2 > height) s = Math.max(floor, s * 0.92);
  return s;
}
