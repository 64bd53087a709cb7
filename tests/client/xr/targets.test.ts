import { describe, expect, it } from "vitest";
import { Group, Mesh, Scene } from "three";
import { registerVrTarget, vrTargets } from "../../../client/ui/vr/targets";

describe("vrTargets", () => {
  it("lists the visible buttons in the scene with their world positions", () => {
    const scene = new Scene();
    const panel = new Group();
    panel.position.set(0, 1.2, -1);
    scene.add(panel);
    const start = new Mesh();
    start.position.set(0.1, -0.2, 0);
    const hidden = new Mesh();
    hidden.visible = false;
    const detached = new Mesh();
    panel.add(start, hidden);
    const cleanups = [registerVrTarget(start, "Start"), registerVrTarget(hidden, "Hidden"), registerVrTarget(detached, "Detached")];

    const targets = vrTargets();
    expect(targets.map((t) => t.label)).toEqual(["Start"]);
    expect(targets[0]!.position[0]).toBeCloseTo(0.1);
    expect(targets[0]!.position[1]).toBeCloseTo(1.0);
    expect(targets[0]!.position[2]).toBeCloseTo(-1);

    cleanups.forEach((c) => c());
    expect(vrTargets()).toEqual([]);
  });
});
