import { beforeEach, describe, expect, it } from "vitest";
import { Euler, PerspectiveCamera } from "three";
import { SEATED_EYE_HEIGHT, STANDING_EYE_HEIGHT, anchor, eyeHeightFor, recenterTo, requestRecenter, setEyeHeight } from "../../../client/xr/comfort";

function cameraAt(x: number, y: number, z: number, yaw: number, pitch = 0): PerspectiveCamera {
  const camera = new PerspectiveCamera();
  camera.position.set(x, y, z);
  camera.quaternion.setFromEuler(new Euler(pitch, yaw, 0.2, "YXZ"));
  camera.updateMatrixWorld();
  return camera;
}

describe("comfort: recenter and height", () => {
  beforeEach(() => {
    Object.assign(anchor, { yaw: 0, x: 0, z: 0, eyeY: SEATED_EYE_HEIGHT, pending: false, version: 0 });
  });

  it("re-anchors the content in front of the head's yaw, ignoring pitch and roll", () => {
    requestRecenter();
    expect(anchor.pending).toBe(true);
    expect(recenterTo(cameraAt(0.3, 1.5, -0.2, 1.1, -0.6), true)).toBe(true);
    expect(anchor.yaw).toBeCloseTo(1.1);
    expect([anchor.x, anchor.z]).toEqual([expect.closeTo(0.3), expect.closeTo(-0.2)]);
    expect(anchor.eyeY).toBeCloseTo(1.5);
    expect(anchor.pending).toBe(false);
  });

  it("keeps the preset height on a screen, where the camera height is ours", () => {
    recenterTo(cameraAt(0, 2.4, 0, 0), false);
    expect(anchor.eyeY).toBe(SEATED_EYE_HEIGHT);
  });

  it("waits for a tracked pose before recentering in a headset", () => {
    requestRecenter();
    expect(recenterTo(cameraAt(0, 0, 0, 0.5), true)).toBe(false);
    expect(anchor.pending).toBe(true);
    expect(anchor.yaw).toBe(0);
  });

  it("has seated content lower than standing, and announces each change", () => {
    expect(eyeHeightFor(true)).toBeLessThan(eyeHeightFor(false));
    const v = anchor.version;
    setEyeHeight(STANDING_EYE_HEIGHT);
    expect(anchor.eyeY).toBe(STANDING_EYE_HEIGHT);
    expect(anchor.version).toBe(v + 1);
  });
});
