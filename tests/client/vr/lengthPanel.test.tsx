import { describe, expect, it, vi } from "vitest";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { PATTERNS } from "../../../core/breathing";
import { EXERCISES } from "../../../core/exercises";
import { useAppStore } from "../../../client/state/store";
import { LengthPanel } from "../../../client/ui/vr/LengthPanel";
import { lengthLayout } from "../../../client/ui/vr/lengthLayout";
import { vrTheme } from "../../../client/ui/vr/theme";
import { hasButton, press, words } from "./helpers";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
vi.mock("@react-three/drei", () => import("./textMock"));

async function lengthFor(exerciseId: string) {
  useAppStore.getState().chooseExercise(exerciseId);
  useAppStore.getState().go("length");
  return ReactThreeTestRenderer.create(<LengthPanel />);
}

describe("in-VR length panel", () => {
  it("shows the exercise's summary, every caution and its evidence before starting", async () => {
    const r = await lengthFor("478");
    const said = words(r);
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

  it("grows the board with larger text so the cautions never run into the buttons", () => {
    const exercise = EXERCISES.find((e) => e.id === "478")!;
    const regular = lengthLayout(exercise, vrTheme(false, false));
    const large = lengthLayout(exercise, vrTheme(true, false));
    expect(large.height).toBeGreaterThan(regular.height);
    // Rows run top to bottom, all inside the board.
    expect(large.rows[0]!).toBeLessThan(large.textY);
    expect(large.rows.at(-1)!).toBeGreaterThan(-large.height / 2);
  });
});
