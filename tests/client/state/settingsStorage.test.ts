import { describe, expect, it, vi } from "vitest";
import { SETTINGS_KEY, deviceDefaults, loadSettings, persistSettings } from "../../../client/state/settingsStorage";
import { createAppStore } from "../../../client/state/store";

describe("settings storage", () => {
  it("brings settings back on the next visit", () => {
    const store = createAppStore({ settings: loadSettings(localStorage) });
    const stop = persistSettings(store, localStorage);
    store.getState().updateSettings({ largeText: true, toneVolume: 0.2, region: "GB", environment: "night" });
    store.getState().setCues({ tones: false });
    stop();
    const next = loadSettings(localStorage);
    expect(next).toMatchObject({ largeText: true, toneVolume: 0.2, region: "GB", environment: "night" });
    expect(next.cues.tones).toBe(false);
  });

  it("keeps the valid fields of a damaged entry and defaults the rest", () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ highContrast: true, toneVolume: 7, environment: "moon", region: "ZZ" }));
    const s = loadSettings(localStorage);
    expect(s.highContrast).toBe(true);
    expect(s.toneVolume).toBe(0.5);
    expect(s.environment).toBe("shore");
    expect(s.region).toBe("INTL");
  });

  it("survives an entry that is not JSON", () => {
    localStorage.setItem(SETTINGS_KEY, "{oops");
    expect(loadSettings(localStorage)).toEqual(deviceDefaults());
  });

  it("defaults crisis help to the region of the browser's language", () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("en-GB");
    expect(loadSettings(localStorage).region).toBe("GB");
    vi.spyOn(navigator, "language", "get").mockReturnValue("xx");
    expect(loadSettings(localStorage).region).toBe("INTL");
    vi.restoreAllMocks();
  });
});
