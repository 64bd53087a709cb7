import { useThree } from "@react-three/fiber";
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { act, useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Vector3, type Camera, type Group, type Mesh } from "three";
import { CircleOrb } from "../../../client/room/scene/CircleOrb";
import { useRoomStore } from "../../../client/room/roomStore";
import { SEATED_EYE_HEIGHT, STANDING_EYE_HEIGHT, anchor } from "../../../client/xr/comfort";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The viewer's camera, as the orb's frame loop sees it. */
const viewer = { camera: null as Camera | null };
function GrabCamera() {
  const camera = useThree((s) => s.camera);
  useEffect(() => void (viewer.camera = camera), [camera]);
  return null;
}

/** The head at (x, y, z), m; `reanchor` as entering a headset or "Recenter" does. */
function headAt(x: number, y: number, z: number, reanchor = true) {
  viewer.camera!.position.set(x, y, z);
  viewer.camera!.updateMatrixWorld();
  if (reanchor) anchor.version++;
}

async function renderCircleOrb() {
  const r = await ReactThreeTestRenderer.create(
    <>
      <GrabCamera />
      <CircleOrb />
    </>,
  );
  return r;
}

const orbMesh = (r: Awaited<ReturnType<typeof renderCircleOrb>>) => r.scene.findByProps({ name: "breathing-orb" }).instance as Mesh;
const orbCentre = (r: Awaited<ReturnType<typeof renderCircleOrb>>) => {
  const mesh = orbMesh(r);
  mesh.updateWorldMatrix(true, false);
  return mesh.getWorldPosition(new Vector3());
};

describe("the circle's orb", () => {
  afterEach(() => {
    act(() => useRoomStore.setState({ waitingSince: -1 }));
  });

  it("floats a little below the viewer's eyes, seated or standing, and glides up when they stand and recenter", async () => {
    const r = await renderCircleOrb();
    headAt(0, SEATED_EYE_HEIGHT, 1.6);
    await act(async () => useRoomStore.setState({ waitingSince: 0 }));
    await r.advanceFrames(2, 1 / 60);
    const seated = orbCentre(r).y;
    expect(seated).toBeCloseTo(SEATED_EYE_HEIGHT - 0.15, 3);

    // Stood up: nothing moves until the content is re-anchored (a nod or a stretch is not a new height).
    headAt(0, STANDING_EYE_HEIGHT, 1.6, false);
    await r.advanceFrames(30, 1 / 60);
    expect(orbCentre(r).y).toBeCloseTo(seated, 3);
    // Recentered: it glides (not jumps) to the same distance below the new eye height.
    anchor.version++;
    await r.advanceFrames(2, 1 / 60);
    const between = orbCentre(r).y;
    expect(between).toBeGreaterThan(seated);
    expect(between).toBeLessThan(STANDING_EYE_HEIGHT - 0.15 - 0.05);
    await r.advanceFrames(240, 1 / 60);
    expect(orbCentre(r).y).toBeCloseTo(STANDING_EYE_HEIGHT - 0.15, 3);
    await r.unmount();
  });

  it("starts at the viewer's own eye level when a practice begins", async () => {
    const r = await renderCircleOrb();
    headAt(0, STANDING_EYE_HEIGHT, 1.6);
    await act(async () => useRoomStore.setState({ waitingSince: 0 }));
    await r.advanceFrames(1, 1 / 60);
    expect(orbCentre(r).y).toBeCloseTo(STANDING_EYE_HEIGHT - 0.15, 3);
    await r.unmount();
  });

  it("turns to face the viewer wherever they sit, so its halo, ring and caption are never seen at a slant", async () => {
    const r = await renderCircleOrb();
    await act(async () => useRoomStore.setState({ waitingSince: 0 }));
    for (const [x, z] of [
      [0, 1.6],
      [1.03, 1.23],
      [-1.5, -0.55],
      [0.2, -1.6],
    ] as const) {
      headAt(x, SEATED_EYE_HEIGHT, z, false);
      await r.advanceFrames(2, 1 / 60);
      const group = orbMesh(r).parent as Group;
      group.updateWorldMatrix(true, false);
      // The orb's planes face +z: that axis, level, points at the head.
      const facing = new Vector3().setFromMatrixColumn(group.matrixWorld, 2).setY(0).normalize();
      const toHead = new Vector3(x, 0, z).sub(group.getWorldPosition(new Vector3()).setY(0)).normalize();
      expect(facing.dot(toHead), `head at ${x}, ${z}`).toBeGreaterThan(Math.cos((1 * Math.PI) / 180));
    }
    await r.unmount();
  });
});
