import { describe, expect, it } from "vitest";
import { estimateLines, fitLabelSize } from "../../../client/ui/vr/textLayout";
import { LARGE_TEXT_SCALE, VR_THEME, vrTheme } from "../../../client/ui/vr/theme";

describe("in-VR theme", () => {
  it("grows every text size with larger text, and keeps buttons at least 6 cm", () => {
    const large = vrTheme(true, false);
    expect(large.labelSize).toBeCloseTo(VR_THEME.labelSize * LARGE_TEXT_SCALE);
    expect(large.bodySize).toBeCloseTo(VR_THEME.bodySize * LARGE_TEXT_SCALE);
    expect(large.titleSize).toBeCloseTo(VR_THEME.titleSize * LARGE_TEXT_SCALE);
    expect(large.buttonHeight).toBeGreaterThanOrEqual(0.06);
  });

  it("high contrast: opaque black boards, white text, yellow selection with dark text", () => {
    const hc = vrTheme(false, true);
    expect([hc.panel, hc.panelOpacity, hc.text, hc.buttonSelected, hc.selectedText]).toEqual(["#000000", 1, "#ffffff", "#ffd400", "#000000"]);
    expect(vrTheme(false, false)).toEqual(VR_THEME);
  });

  it("keeps one theme object per setting combination (no material rebuilds on re-render)", () => {
    expect(vrTheme(true, true)).toBe(vrTheme(true, true));
  });

  it("wraps text into more lines when it is larger", () => {
    const text = "Long breath holds are not for everyone: shorten or skip the holds.";
    expect(estimateLines(text, 0.026, 0.82)).toBeLessThan(estimateLines(text, 0.026 * 2, 0.82));
    expect(estimateLines("a\nb\nc", 0.026, 0.82)).toBe(3);
  });

  it("shrinks a long label to fit its button, but never below the standard size", () => {
    expect(fitLabelSize("Back", 0.039, 0.14, 0.065, 0.03)).toBe(0.039);
    const fitted = fitLabelSize("Need help now?", 0.039, 0.26, 0.065, 0.03);
    expect(fitted).toBeLessThan(0.039);
    expect(fitted).toBeGreaterThanOrEqual(0.03);
  });
});
