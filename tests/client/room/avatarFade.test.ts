import { Group, PerspectiveCamera } from "three";
import { describe, expect, it } from "vitest";
import { addRemote, createCircleFrame } from "../../../client/room/circleFrame";
import { AvatarInstances, BUBBLE_INNER, BUBBLE_OUTER } from "../../../client/room/scene/AvatarInstances";

/** Two people across the circle from a viewer whose head the test moves (the circle's frame is the world here). */
function setup() {
  const circle = createCircleFrame();
  const fern = addRemote(circle, "fern", 1, 0);
  const oak = addRemote(circle, "oak", 2, 1);
  const avatars = new AvatarInstances(circle);
  const camera = new PerspectiveCamera();
  const frame = new Group();
  const opacity = (mesh: "heads" | "bodies" | "hands", i: number) => (avatars[mesh].geometry.getAttribute("aOpacity") as { getX(i: number): number }).getX(i);
  /** The viewer's head `d` m from Fern's head (to one side, level), then one frame drawn. */
  const viewFrom = (d: number) => {
    camera.position.set(fern.at[0]! + d, fern.at[1]!, fern.at[2]!);
    camera.updateMatrixWorld();
    avatars.update(16, camera, frame);
  };
  camera.position.set(0, 50, 0);
  camera.updateMatrixWorld();
  avatars.update(0, camera, frame);
  return { circle, fern, oak, avatars, opacity, viewFrom };
}

describe("avatars: personal space and hiding", () => {
  it("fades someone's head within the personal-space bubble (gone inside ~0.45 m, partly to ~0.6 m), and nobody else", () => {
    const { avatars, opacity, viewFrom } = setup();
    viewFrom(2);
    expect(opacity("heads", 0)).toBe(1);
    viewFrom((BUBBLE_INNER + BUBBLE_OUTER) / 2);
    expect(opacity("heads", 0)).toBeCloseTo(0.5, 1);
    viewFrom(0.3);
    expect(opacity("heads", 0)).toBe(0);
    // Oak, across the circle, stays whole.
    expect(opacity("heads", 1)).toBe(1);
    avatars.dispose();
  });

  it("does not fade anyone with the bubble switched off", () => {
    const { circle, avatars, opacity, viewFrom } = setup();
    circle.bubble = false;
    viewFrom(0.3);
    expect(opacity("heads", 0)).toBe(1);
    avatars.dispose();
  });

  it("draws someone hidden not at all (head, body and hands), and someone away faded", () => {
    const { fern, oak, avatars, opacity, viewFrom } = setup();
    fern.hidden = true;
    oak.dim = true;
    viewFrom(5);
    expect([opacity("heads", 0), opacity("bodies", 0), opacity("hands", 0), opacity("hands", 1)]).toEqual([0, 0, 0, 0]);
    expect(opacity("heads", 1)).toBeGreaterThan(0);
    expect(opacity("heads", 1)).toBeLessThan(0.5);
    fern.hidden = false;
    viewFrom(5);
    expect(opacity("heads", 0)).toBe(1);
    avatars.dispose();
  });
});
