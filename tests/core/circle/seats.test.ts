import { describe, expect, it } from "vitest";
import { MIN_CIRCLE_RADIUS, SEAT_SPACING, circlePlaces, circleRadius, seatPlacement, seatToWorld, worldToSeat } from "../../../core/circle";

const forward = (yaw: number) => [-Math.sin(yaw), -Math.cos(yaw)] as const;

describe("seat geometry", () => {
  it.each([2, 3, 5, 13, 17, 33, 41])("every seat of %i faces the centre from the same radius", (places) => {
    const r = circleRadius(places);
    for (let k = 0; k < places; k++) {
      const p = seatPlacement(k, places);
      expect(Math.hypot(p.x, p.z)).toBeCloseTo(r, 9);
      const [fx, fz] = forward(p.yaw);
      // The seat's forward is the unit vector from the seat to the centre.
      expect(fx).toBeCloseTo(-p.x / r, 9);
      expect(fz).toBeCloseTo(-p.z / r, 9);
    }
  });

  it.each([
    [2, MIN_CIRCLE_RADIUS],
    [10, MIN_CIRCLE_RADIUS],
    [13, (13 * SEAT_SPACING) / (2 * Math.PI)],
    [33, (33 * SEAT_SPACING) / (2 * Math.PI)],
  ])("a circle of %i has radius %f and neighbours at least the spacing apart", (places, radius) => {
    expect(circleRadius(places)).toBeCloseTo(radius, 9);
    const a = seatPlacement(0, places);
    const b = seatPlacement(1, places);
    expect(Math.hypot(a.x - b.x, a.z - b.z)).toBeGreaterThanOrEqual(SEAT_SPACING * 0.99);
  });

  it("puts the facilitator's seat on +z and goes round counter-clockwise from above", () => {
    const s0 = seatPlacement(0, 4);
    const s1 = seatPlacement(1, 4);
    expect(s0.x).toBeCloseTo(0, 9);
    expect(s0.z).toBeCloseTo(MIN_CIRCLE_RADIUS, 9);
    expect(s1.x).toBeCloseTo(MIN_CIRCLE_RADIUS, 9);
    expect(s1.z).toBeCloseTo(0, 9);
  });

  it.each([
    [12, 0, 13],
    [12, 15, 16],
    [32, 3, 33],
    [0, 0, 2],
  ])("capacity %i with highest seat %i lays out %i places", (capacity, highest, places) => {
    expect(circlePlaces(capacity, highest)).toBe(places);
  });

  it("turns seat-frame points into world space and back", () => {
    const p = seatPlacement(5, 13);
    const world = [0, 0, 0];
    const back = [0, 0, 0];
    seatToWorld(p, 0.3, 1.2, -0.4, world);
    worldToSeat(p, world[0]!, world[1]!, world[2]!, back);
    expect(back[0]).toBeCloseTo(0.3, 9);
    expect(back[1]).toBeCloseTo(1.2, 9);
    expect(back[2]).toBeCloseTo(-0.4, 9);
    // A point straight ahead of the seat lies on the line to the centre.
    seatToWorld(p, 0, 0, -circleRadius(13), world);
    expect(world[0]).toBeCloseTo(0, 9);
    expect(world[2]).toBeCloseTo(0, 9);
  });

  it("writes into the object it is given", () => {
    const out = { x: 0, z: 0, yaw: 0 };
    expect(seatPlacement(3, 8, out)).toBe(out);
  });
});
