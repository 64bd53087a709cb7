import { act, fireEvent, screen } from "@testing-library/react";
import { Group, PerspectiveCamera } from "three";
import { describe, expect, it } from "vitest";
import { addRemote, createCircleFrame } from "../../../client/room/circleFrame";
import { AvatarInstances } from "../../../client/room/scene/AvatarInstances";
import { person, renderInCircle } from "./helpers";

describe("who is speaking", () => {
  it("shows in the circle and the people list", () => {
    const { store } = renderInCircle([person("f", 0, "River", "facilitator"), person("a", 1, "Gentle Fern"), person("me", 2, "Quiet Heron")]);
    act(() => store.setState((s) => ({ people: { ...s.people, a: { ...s.people.a!, speaking: true } } })));
    expect(screen.getAllByText("Speaking").length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "People" }));
    expect(screen.getByText("· Speaking", { exact: false })).toBeTruthy();
  });

  it("makes the avatar's head glow softly: eases in while they speak, out when they stop, never for someone hidden", () => {
    const circle = createCircleFrame();
    const fern = addRemote(circle, "a", 1, 0);
    addRemote(circle, "b", 2, 1);
    const avatars = new AvatarInstances(circle);
    const camera = new PerspectiveCamera();
    const frame = new Group();
    const glow = () => [0, 1].map((i) => (avatars.heads.geometry.getAttribute("aGlow") as { getX(i: number): number }).getX(i));
    avatars.update(0, camera, frame);
    fern.speaking = true;
    avatars.update(50, camera, frame);
    const early = glow()[0]!;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(0.5);
    for (let t = 100; t <= 1500; t += 50) avatars.update(t, camera, frame);
    expect(glow()).toEqual([1, 0]);
    fern.speaking = false;
    for (let t = 1550; t <= 3000; t += 50) avatars.update(t, camera, frame);
    expect(glow()).toEqual([0, 0]);
    fern.speaking = fern.hidden = true;
    avatars.update(3050, camera, frame);
    expect(glow()).toEqual([0, 0]);
    avatars.dispose();
  });
});
