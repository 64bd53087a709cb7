import { describe, expect, it } from "vitest";
import { PATTERNS } from "../../../core/breathing";
import { useAppStore } from "../../../client/state/store";
import { LengthPanel } from "../../../client/ui/vr/LengthPanel";
import { hasButton, press, renderVr, words } from "./helpers";


async function lengthFor(exerciseId: string) {
  useAppStore.getState().chooseExercise(exerciseId);
  useAppStore.getState().go("length");
  return renderVr(<LengthPanel />);
}

describe("in-VR length panel", () => {
  it("shows the exercise's summary, every caution and its evidence before starting", async () => {
    const r = await lengthFor("478");
    const said = words();
    expect(said).toContain(PATTERNS["478"].summary);
    for (const caution of PATTERNS["478"].cautions) expect(said).toContain(caution);
    expect(said).toContain(PATTERNS["478"].evidence.source);
    await r.unmount();
  });

  it("counts by breaths as well as minutes", async () => {
    const r = await lengthFor("box");
    await press(r, "8 breaths");
    expect(useAppStore.getState().draft.length).toEqual({ kind: "cycles", cycles: 8 });
    expect(useAppStore.getState().screen).toBe("check-in");
    await r.unmount();
  });

  it("offers no breath counts for guided exercises", async () => {
    const r = await lengthFor("body-scan");
    expect(hasButton(r, "4 breaths")).toBe(false);
    expect(hasButton(r, "5 minutes")).toBe(true);
    await r.unmount();
  });
});
