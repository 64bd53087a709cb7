import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { HIGH_CONTRAST_PALETTE, PALETTE, TYPE_SCALE, type Palette } from "../../../client/ui/design";

const css = readFileSync(resolve(import.meta.dirname, "../../../client/styles/app.css"), "utf8");

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function declared(selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  const body = css.slice(at + selector.length + 2, css.indexOf("}", at));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** `top` drawn at opacity `alpha` over `under`, as a hex colour. */
function over(top: string, alpha: number, under: string): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5].map((i) => Math.round(alpha * channel(top, i) + (1 - alpha) * channel(under, i)).toString(16).padStart(2, "0")).join("")}`;
}

describe("one palette for page and headset", () => {
  it("app.css declares exactly the palette of design.ts, in both themes", () => {
    for (const [selector, palette] of [[":root", PALETTE], [":root.high-contrast", HIGH_CONTRAST_PALETTE]] as const) {
      const vars = declared(selector);
      for (const [name, value] of Object.entries(palette)) expect(vars[kebab(name)], `${selector} --${kebab(name)}`).toBe(String(value));
    }
  });

  it("follows the type scale for headings", () => {
    const vars = declared(":root");
    expect(vars["text-h1"]).toBe(`${TYPE_SCALE.h1}em`);
    expect(vars["text-h2"]).toBe(`${TYPE_SCALE.h2}em`);
    expect(vars["text-caption"]).toBe(`${TYPE_SCALE.caption}em`);
  });

  it.each([
    ["default", PALETTE],
    ["high contrast", HIGH_CONTRAST_PALETTE],
  ] as [string, Palette][])("keeps text at 4.5:1 or more on every background it sits on (%s)", (_, p) => {
    for (const bg of [p.ink, p.surface, p.raised]) {
      expect(contrast(p.text, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.muted, bg)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(p.accentText, p.accent)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.accentText, p.accentHover)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.helpText, p.help)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.help, p.raised)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.text, p.raisedHover)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ["default", PALETTE],
    ["high contrast", HIGH_CONTRAST_PALETTE],
  ] as [string, Palette][])("keeps card text calm to read even with the sun right behind the card (%s)", (_, p) => {
    // A card is drawn at surfaceAlpha over the scene; the brightest thing a scene shows is the
    // sun's white core. Over it, words and hints still meet 7:1 (WCAG AAA), so the sun is a faint
    // warmth under them, not a bright spot (at 0.86 a hint fell to 6.3:1 and the disc showed through).
    const card = over(p.surface, p.surfaceAlpha, "#ffffff");
    expect(contrast(p.text, card), `text on ${card}`).toBeGreaterThanOrEqual(7);
    expect(contrast(p.muted, card), `hints on ${card}`).toBeGreaterThanOrEqual(7);
  });
});
