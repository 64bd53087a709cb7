/**
 * Every character the in-VR panels can show, and so every glyph in the MSDF
 * font atlases (scripts/msdfFonts.ts builds them; a test checks that all the
 * app's own words are covered). Printable ASCII, the typographic marks the
 * copy uses, and the accented letters of the crisis lines' names.
 */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
const MARKS = "·•–—−…‘’“”±×°";
const LETTERS = "àáâäãåçèéêëìíîïñòóôöõùúûüýÿÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖÚÜßæøÆØœ";

export const MSDF_CHARSET = ASCII + MARKS + LETTERS;
