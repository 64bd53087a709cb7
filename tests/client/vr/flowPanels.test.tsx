import { describe, expect, it } from "vitest";
import { useAppStore } from "../../../client/state/store";
import { ExercisePanel } from "../../../client/ui/vr/ChoicePanels";
import { CheckInPanel, SummaryPanel } from "../../../client/ui/vr/PracticePanels";
import { stepCustom } from "../../../client/ui/vr/CustomPatternPanel";
import { press, renderVr, words } from "./helpers";


describe("in-VR flow", () => {
  it("goes back from the check-in to the length", async () => {
    useAppStore.getState().go("check-in");
    const r = await renderVr(<CheckInPanel />);
    await press(r, "Back");
    expect(useAppStore.getState().screen).toBe("length");
    await r.unmount();
  });

  it("states a short session in seconds, as the 2D summary does", async () => {
    useAppStore.setState((s) => ({ draft: { ...s.draft, practisedMs: 10_000 }, screen: "summary" }));
    const r = await renderVr(<SummaryPanel />);
    expect(words()).toContain("10 s practised");
    expect(words()).not.toContain("minute");
    await r.unmount();
  });

  it("edits your own pattern with − / +, and continues only while it is valid", async () => {
    useAppStore.getState().go("exercise");
    const r = await renderVr(<ExercisePanel />);
    await press(r, "Your own pattern");
    expect(useAppStore.getState().draft.exerciseId).toBe("custom");
    await press(r, "Breathe in +");
    await press(r, "Hold out +");
    expect(useAppStore.getState().draft.custom).toEqual({ inhale: 5, hold: 2, exhale: 6, holdOut: 1 });
    expect(words()).toContain("In 5 · hold 2 · out 6 · hold 1");
    // 5 + 2 + 12 + 1 = 20 s is the most one breath may last; one more second is refused.
    for (let i = 0; i < 6; i++) await press(r, "Breathe out +");
    await press(r, "Hold in +");
    expect(words()).toContain("at most 20 seconds");
    await press(r, "Continue");
    expect(useAppStore.getState().screen).toBe("exercise");
    await press(r, "Hold in −");
    await press(r, "Continue");
    expect(useAppStore.getState().screen).toBe("length");
    await r.unmount();
  });

  it("keeps each part of your own pattern inside its allowed range", () => {
    expect(stepCustom("inhale", 2, -1)).toBe(2);
    expect(stepCustom("hold", 10, 1)).toBe(10);
    expect(stepCustom("holdOut", Number.NaN, 1)).toBe(1);
  });
});
