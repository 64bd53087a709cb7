import { Matrix4 } from "three";
import { describe, expect, it } from "vitest";
import { addRemote, createCircleFrame } from "../../../client/room/circleFrame";
import { REACTION_MS, type FloatingReaction } from "../../../client/room/roomStore";
import { LabelLayer } from "../../../client/room/scene/LabelLayer";

describe("a reaction in 3D", () => {
  it("floats up above its sender and fades away within a few seconds; nothing for someone hidden", () => {
    const circle = createCircleFrame();
    const fern = addRemote(circle, "fern", 1, 0);
    fern.at.set([1, 1.2, -0.5, 0, 0, 0, 0, 0, 0]);
    const layer = new LabelLayer(circle);
    const heart: FloatingReaction[] = [{ key: 1, from: "fern", kind: "heart", at: 0 }];
    // No labels are drawn in this test (no redraw), so the reaction is the first instance.
    const at = (t: number) => {
      layer.update(t, heart);
      if (layer.mesh.count === 0) return null;
      const m = new Matrix4();
      layer.mesh.getMatrixAt(0, m);
      const alpha = (layer.mesh.geometry.getAttribute("aAlpha") as { getX(i: number): number }).getX(0);
      return { x: m.elements[12]!, y: m.elements[13]!, z: m.elements[14]!, alpha };
    };
    const early = at(REACTION_MS * 0.2)!;
    const middle = at(REACTION_MS * 0.5)!;
    const late = at(REACTION_MS * 0.95)!;
    // Over the sender's head, rising.
    expect([early.x, early.z]).toEqual([1, -0.5]);
    expect(early.y).toBeGreaterThan(1.2);
    expect(middle.y).toBeGreaterThan(early.y);
    expect(late.y).toBeGreaterThan(middle.y);
    // Fully seen while it rises, fading at the end, gone after.
    expect(middle.alpha).toBe(1);
    expect(late.alpha).toBeLessThan(0.5);
    expect(at(REACTION_MS + 1)).toBeNull();
    fern.hidden = true;
    expect(at(REACTION_MS * 0.5)).toBeNull();
    layer.dispose();
  });
});
