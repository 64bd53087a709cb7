import { afterEach, describe, expect, it } from "vitest";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import type { Mesh } from "three";
import { BreathingOrb } from "../../../client/scene/orb/BreathingOrb";
import { ORB_MAX_RADIUS, ORB_MIN_RADIUS, ORB_STILL_RADIUS } from "../../../client/scene/orb/orbLook";
import { orbUniforms } from "../../../client/scene/orb/orbMaterials";
import { frame } from "../../../client/state/frame";
import { useAppStore } from "../../../client/state/store";

// The R3F test renderer wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;


async function renderOrb() {
  const renderer = await ReactThreeTestRenderer.create(<BreathingOrb />);
  const orb = renderer.scene.findByProps({ name: "breathing-orb" }).instance as Mesh;
  const radiusAt = async (fullness: number) => {
    frame.fullness = fullness;
    await renderer.advanceFrames(1, 1 / 60);
    return orb.scale.x;
  };
  return { renderer, radiusAt };
}

describe("<BreathingOrb>", () => {
  afterEach(() => {
    frame.fullness = 0;
  });

  it("grows on the in-breath and shrinks on the out-breath", async () => {
    const { renderer, radiusAt } = await renderOrb();
    expect(await radiusAt(0)).toBeCloseTo(ORB_MIN_RADIUS);
    expect(await radiusAt(0.5)).toBeGreaterThan(ORB_MIN_RADIUS);
    expect(await radiusAt(1)).toBeCloseTo(ORB_MAX_RADIUS);
    expect(await radiusAt(0.2)).toBeLessThan(ORB_MAX_RADIUS);
    await renderer.unmount();
  });

  it("keeps its scale constant with reduced motion, and changes brightness instead", async () => {
    useAppStore.getState().updateSettings({ reducedMotion: true });
    const { renderer, radiusAt } = await renderOrb();
    const radii: number[] = [];
    const brightness: number[] = [];
    for (const f of [0, 0.5, 1, 0.3]) {
      radii.push(await radiusAt(f));
      brightness.push(orbUniforms.uBrightness.value);
    }
    expect(new Set(radii)).toEqual(new Set([ORB_STILL_RADIUS]));
    expect(brightness[2]!).toBeGreaterThan(brightness[0]!);
    await renderer.unmount();
  });

  it("fades back while crisis help is open, and comes back when it closes", async () => {
    const { renderer } = await renderOrb();
    useAppStore.getState().openCrisis();
    await renderer.advanceFrames(60, 1 / 60);
    expect(orbUniforms.uDim.value).toBeLessThan(0.35);
    useAppStore.getState().closeCrisis();
    await renderer.advanceFrames(60, 1 / 60);
    expect(orbUniforms.uDim.value).toBeGreaterThan(0.95);
    await renderer.unmount();
  });
});
