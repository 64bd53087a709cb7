import { describe, expect, it } from "vitest";
import { act } from "react";
import { EnvironmentPanel } from "../../../client/ui/vr/ChoicePanels";
import { LengthPanel } from "../../../client/ui/vr/LengthPanel";
import { useAppStore } from "../../../client/state/store";
import { press, renderVr, target } from "../vr/helpers";

describe("in-VR buttons", () => {
  it("choosing a place by ray or pinch sets it and moves on to the exercise", async () => {
    const r = await renderVr(<EnvironmentPanel />);
    await press(r, "Night sky");
    expect(useAppStore.getState().settings.environment).toBe("night");
    expect(useAppStore.getState().screen).toBe("exercise");
    await r.unmount();
  });

  it("selects on release however long the press was, but not when the pointer slid off", async () => {
    useAppStore.getState().chooseExercise("box");
    useAppStore.getState().go("length");
    const r = await renderVr(<LengthPanel />);
    const five = target(r, "5 minutes")!;
    const event = (type: string) => ({ type, pointerId: 1, stopPropagation() {} }) as never;
    await act(async () => {
      five.dispatchEvent(event("pointerdown"));
      five.dispatchEvent(event("pointerleave"));
      five.dispatchEvent(event("pointerup"));
    });
    expect(useAppStore.getState().screen).toBe("length");

    await press(r, "3 minutes", 2);
    expect(useAppStore.getState().draft.length).toEqual({ kind: "minutes", minutes: 3 });
    expect(useAppStore.getState().screen).toBe("check-in");
    await r.unmount();
  });
});
