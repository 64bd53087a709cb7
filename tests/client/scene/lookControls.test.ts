import { describe, expect, it } from "vitest";
import { arrowLook, look } from "../../../client/scene/LookControls";

const press = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(e, "target", { value: target });
  return arrowLook(e);
};

describe("looking around with the arrow keys", () => {
  it("left and right turn the view, up and down tilt it within limits", () => {
    look.yaw = 0;
    look.pitch = 0;
    expect(press("ArrowLeft")).toBe(true);
    expect(look.yaw).toBeGreaterThan(0);
    press("ArrowRight");
    press("ArrowRight");
    expect(look.yaw).toBeLessThan(0);
    for (let i = 0; i < 50; i++) press("ArrowUp");
    expect(look.pitch).toBeLessThan(1);
    expect(look.pitch).toBeGreaterThan(0.5);
  });

  it("leaves arrows to whatever has focus, and to shortcuts with modifiers", () => {
    look.yaw = 0;
    const input = document.createElement("input");
    const radio = document.createElement("button");
    radio.setAttribute("role", "radio");
    expect(press("ArrowLeft", input)).toBe(false);
    expect(press("ArrowLeft", radio)).toBe(false);
    expect(press("ArrowLeft", document.body, { altKey: true })).toBe(false);
    expect(press("a")).toBe(false);
    expect(look.yaw).toBe(0);
  });
});
