import { describe, expect, it, vi } from "vitest";
import { renderVr, press, target } from "./helpers";
import { VrButton } from "../../../client/ui/vr/kit";
import { vrTargets } from "../../../client/ui/vr/targets";

describe("in-VR kit", () => {
  it("registers a button and presses it", async () => {
    const onSelect = vi.fn();
    const r = await renderVr(<VrButton label="Go" onSelect={onSelect} />);
    expect(target(r, "Go")).toBeDefined();
    await press(r, "Go");
    expect(onSelect).toHaveBeenCalledOnce();
    expect(vrTargets().map((t) => t.label)).toContain("Go");
    await r.unmount();
  });
});

describe("in-VR type scale", () => {
  it("sets body text at over 1° of visual angle at the panel distance, headings clearly larger", async () => {
    const { PANEL_DISTANCE, PIXEL_SIZE, angleOf, vrTheme } = await import("../../../client/ui/vr/kit");
    for (const large of [false, true]) {
      const { type } = vrTheme(large, false);
      expect(angleOf(type.small * PIXEL_SIZE, PANEL_DISTANCE)).toBeGreaterThanOrEqual(1);
      expect(angleOf(type.body * PIXEL_SIZE, PANEL_DISTANCE)).toBeGreaterThanOrEqual(1.2);
      expect(type.h1).toBeGreaterThanOrEqual(type.body * 1.5);
    }
    expect(vrTheme(true, false).type.body).toBeGreaterThan(vrTheme(false, false).type.body);
    expect(vrTheme(true, true)).toBe(vrTheme(true, true));
  });

  it("high contrast: black boards, white text, yellow for the main action", async () => {
    const { vrTheme, buttonLook } = await import("../../../client/ui/vr/kit");
    const { palette } = vrTheme(false, true);
    expect([palette.surface, palette.surfaceAlpha, palette.text]).toEqual(["#000000", 1, "#ffffff"]);
    expect(buttonLook(palette, "primary", false, false)).toMatchObject({ background: "#ffe066", text: "#000000" });
    // Selection is a fill, never the keyboard-focus colour.
    expect(buttonLook(palette, "secondary", true, false).background).not.toBe(palette.focus);
  });
});
