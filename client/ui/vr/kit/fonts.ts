import type { FontFamilies } from "@react-three/uikit";
import regularJson from "../../../../assets/fonts/msdf/atkinson-hyperlegible-400.json?url";
import regularPng from "../../../../assets/fonts/msdf/atkinson-hyperlegible-400.png?url";
import boldJson from "../../../../assets/fonts/msdf/atkinson-hyperlegible-700.json?url";
import boldPng from "../../../../assets/fonts/msdf/atkinson-hyperlegible-700.png?url";

/**
 * Atkinson Hyperlegible as MSDF atlases (scripts/msdfFonts.ts), served from
 * our own origin with hashed names. uikit would otherwise load Inter; the
 * atlas page is given as an absolute URL because the JSON's relative name
 * does not survive hashing.
 */
type FontSource = NonNullable<FontFamilies[string]["normal"]>;
type FontInfo = Exclude<FontSource, string | (() => unknown)>;

function atlas(jsonUrl: string, pngUrl: string): FontSource {
  return async () => {
    const info = (await (await fetch(jsonUrl)).json()) as FontInfo;
    return { ...info, pages: [new URL(pngUrl, location.href).href] };
  };
}

export const FONT_FAMILY = "atkinson";

export const FONT_FAMILIES: FontFamilies = {
  [FONT_FAMILY]: { normal: atlas(regularJson, regularPng), bold: atlas(boldJson, boldPng) },
};
