// troika (drei <Text>) fetches a default font from a CDN unless it is given
// one; we ship Atkinson Hyperlegible (OFL) and serve it from our own origin.
import regularUrl from "@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff?url";
import boldUrl from "@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff?url";

/** Font file for 3D body text (captions, panel copy). */
export const FONT_REGULAR = regularUrl;
/** Font file for 3D button labels and headings. */
export const FONT_BOLD = boldUrl;
