import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { contactSheets } from "../../scripts/shots";

/**
 * The contact sheet, made by the e2e run as by `npm run shots`: every calm-space screen on a
 * desktop, a phone and an emulated Quest 3, one image per device under test-results/shots/ (not
 * committed). Software WebGL makes each shot slow, so the e2e run draws the default look only
 * (SHOTS_LOOKS picks others); `npm run shots` draws all four.
 */
describe("contact sheet", () => {
  it("draws every screen on each device, one image per device", async () => {
    const looks = process.env.SHOTS_LOOKS?.split(",") ?? ["default"];
    const sheets = await contactSheets(inject("baseURL"), ["desktop", "phone", "headset"], looks);
    expect(sheets.map((f) => basename(f))).toEqual(["desktop.png", "phone.png", "headset.png"]);
    for (const f of sheets) {
      const shots = readdirSync(join(f, "..", basename(f, ".png"))).filter((n) => looks.some((l) => n.startsWith(l.replace(/[^\w.-]+/g, "_"))));
      // Eleven screens on a page (Settings, "not found" and practice at rest included), eight in a headset, per look.
      expect(shots.length, basename(f)).toBe((basename(f) === "headset.png" ? 8 : 11) * looks.length);
      // A sheet of blank cells would be small: each holds full screenshots of the scene.
      expect(statSync(f).size, basename(f)).toBeGreaterThan(150_000);
    }
  }, 15 * 60_000);
});
