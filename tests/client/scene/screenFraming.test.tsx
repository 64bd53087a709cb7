import { describe, expect, it } from "vitest";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { useThree } from "@react-three/fiber";
import { act, useEffect } from "react";
import type { PerspectiveCamera } from "three";
import { ScreenFraming, frameRing, type Framing } from "../../../client/scene/orb/ScreenFraming";
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

/** Where the ring lands on screen under `f`: centre and radius, px. */
const ringOnScreen = (y0: number, r0: number, f: Framing) => ({ centre: f.zoom * y0 - f.offsetY, radius: f.zoom * r0 });

describe("<ScreenFraming>", () => {
  it("moves the picture while practising on a screen with the orb in it, and only then", async () => {
    const r = await ReactThreeTestRenderer.create(
      <>
        <CameraProbe />
        <ScreenFraming />
        <group position={[0, 0, -1.7]}>
          <mesh name="breathing-orb" />
        </group>
      </>,
      { width: 400, height: 800 },
    );
    expect(seen.camera!.view?.enabled ?? false).toBe(false);
    await act(async () => useAppStore.getState().go("practice"));
    await r.advanceFrames(2, 1 / 60);
    expect(seen.camera!.view?.enabled).toBe(true);
    await act(async () => useAppStore.getState().setXrMode("immersive-vr"));
    expect(seen.camera!.view?.enabled ?? false).toBe(false);
    await act(async () => useAppStore.getState().setXrMode(null));
    await r.unmount();
  });
});

describe("frameRing", () => {
  const out: Framing = { zoom: 1, offsetX: 0, offsetY: 0 };

  it("with room to spare, keeps the ring's size and centres it between the header and the card", () => {
    // A 1024 × 720 window: ring of 94 px radius at 385 px down; header ends at 60, the card starts at 420.
    frameRing(385, 94, 60, 420, 1024, out);
    expect(out.zoom).toBe(1);
    expect(out.offsetX).toBe(0);
    const ring = ringOnScreen(385, 94, out);
    expect(ring.centre).toBeCloseTo(240);
    expect(ring.centre - ring.radius).toBeGreaterThanOrEqual(60 + 12);
    expect(ring.centre + ring.radius).toBeLessThanOrEqual(420 - 12);
  });

  it("where a long prompt leaves little room, draws the ring smaller so it still clears both, centred across", () => {
    // A 640 × 400 window with larger text: 120 px between the header and the card.
    frameRing(214, 52, 56, 176, 640, out);
    expect(out.zoom).toBeLessThan(1);
    const ring = ringOnScreen(214, 52, out);
    expect(ring.centre - ring.radius).toBeGreaterThanOrEqual(56 + 12 - 1e-9);
    expect(ring.centre + ring.radius).toBeLessThanOrEqual(176 - 12 + 1e-9);
    // The view's horizontal centre stays put: x = zoom · 320 − offsetX.
    expect(out.zoom * 320 - out.offsetX).toBeCloseTo(320);
  });

  it("never shrinks the pacer below about a third of its size", () => {
    frameRing(214, 52, 100, 110, 640, out);
    expect(out.zoom).toBeCloseTo(0.35);
  });
});
