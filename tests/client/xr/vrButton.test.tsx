import { describe, expect, it, vi } from "vitest";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { EnvironmentPanel } from "../../../client/ui/vr/ChoicePanels";
import { LengthPanel } from "../../../client/ui/vr/LengthPanel";
import { useAppStore } from "../../../client/state/store";

// The R3F test renderer wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

vi.mock("@react-three/drei", () => ({ Text: () => null }));

type Renderer = Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>;

const button = (r: Renderer, label: string) => r.scene.findByProps({ name: `vr-button:${label}` });

/** A trigger pull or pinch: down then up by the same pointer. */
async function press(r: Renderer, label: string, pointerId = 1) {
  const b = button(r, label);
  await r.fireEvent(b, "onPointerDown", { pointerId });
  await r.fireEvent(b, "onPointerUp", { pointerId });
}

describe("in-VR buttons", () => {
  it("choosing a place by ray or pinch sets it and moves on to the exercise", async () => {
    const r = await ReactThreeTestRenderer.create(<EnvironmentPanel />);
    await press(r, "Night sky");
    expect(useAppStore.getState().settings.environment).toBe("night");
    expect(useAppStore.getState().screen).toBe("exercise");
    await r.unmount();
  });

  it("selects on release however long the press was, but not when the pointer slid off", async () => {
    useAppStore.getState().chooseExercise("box");
    useAppStore.getState().go("length");
    const r = await ReactThreeTestRenderer.create(<LengthPanel />);
    const five = button(r, "5 minutes");
    await r.fireEvent(five, "onPointerDown", { pointerId: 1 });
    await r.fireEvent(five, "onPointerOut", { pointerId: 1 });
    await r.fireEvent(five, "onPointerUp", { pointerId: 1 });
    expect(useAppStore.getState().screen).toBe("length");

    await press(r, "3 minutes", 2);
    expect(useAppStore.getState().draft.length).toEqual({ kind: "minutes", minutes: 3 });
    expect(useAppStore.getState().screen).toBe("check-in");
    await r.unmount();
  });
});
