import { describe, expect, it } from "vitest";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { useThree } from "@react-three/fiber";
import { act, useEffect } from "react";
import type { PerspectiveCamera } from "three";
import { PRACTICE_FRAME_SHIFT, ScreenFraming } from "../../../client/scene/orb/ScreenFraming";
import { useAppStore } from "../../../client/state/store";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const seen: { camera: PerspectiveCamera | null } = { camera: null };
function CameraProbe() {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  useEffect(() => {
    seen.camera = camera;
  }, [camera]);
  return null;
}

describe("<ScreenFraming>", () => {
  it("raises the picture while practising on a screen, and only then", async () => {
    const r = await ReactThreeTestRenderer.create(
      <>
        <CameraProbe />
        <ScreenFraming />
      </>,
      { width: 400, height: 800 },
    );
    expect(seen.camera!.view?.enabled ?? false).toBe(false);
    await act(async () => useAppStore.getState().go("practice"));
    expect(seen.camera!.view?.enabled).toBe(true);
    expect(seen.camera!.view?.offsetY).toBeCloseTo(800 * PRACTICE_FRAME_SHIFT);
    await act(async () => useAppStore.getState().setXrMode("immersive-vr"));
    expect(seen.camera!.view?.enabled ?? false).toBe(false);
    await r.unmount();
  });
});
