import { describe, expect, it, vi } from "vitest";
import { useAppStore } from "../../../client/state/store";
import { ComfortPanel, stepVolume } from "../../../client/ui/vr/ComfortPanel";
import { press, renderVr, words } from "./helpers";


describe("in-VR settings", () => {
  it("changes comfort, access and cue settings from the headset", async () => {
    const done = vi.fn();
    const r = await renderVr(<ComfortPanel onDone={done} />);
    for (const label of ["Standing", "Reduced motion", "Larger text", "High contrast", "Tones", "Haptics", "Speech"]) await press(r, label);
    const s = useAppStore.getState().settings;
    expect(s).toMatchObject({ seated: false, reducedMotion: true, largeText: true, highContrast: true });
    expect(s.cues).toEqual({ tones: false, haptics: false, speech: true });
    await press(r, "Ambience −");
    await press(r, "Tone volume +");
    expect(useAppStore.getState().settings.ambienceVolume).toBeCloseTo(0.3);
    expect(useAppStore.getState().settings.toneVolume).toBeCloseTo(0.6);
    // The state is written on the toggle, not only shown by its colour.
    expect(words()).toContain("30 %");
    await press(r, "Done");
    expect(done).toHaveBeenCalledOnce();
    await r.unmount();
  });

  it("steps volumes by 10 % within 0..1 without drifting", () => {
    expect(stepVolume(0.3, 1)).toBe(0.4);
    expect(stepVolume(1, 1)).toBe(1);
    expect(stepVolume(0.05, -1)).toBe(0);
    let v = 0;
    for (let i = 0; i < 7; i++) v = stepVolume(v, 1);
    expect(v).toBe(0.7);
  });
});
