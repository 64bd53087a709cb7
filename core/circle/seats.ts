/**
 * Where each seat of a circle is, on the floor, and which way it faces. Every client lays out the
 * same circle from the same two numbers (a seat index and the number of places), so nobody's
 * position is ever sent: poses travel in the seat's own frame (core/pose) and each client turns them
 * into world space with the seat's placement.
 *
 * World frame: y up, the centre of the circle at the origin (where the shared orb floats). A seat's
 * own frame has its origin on the floor at the seat and looks along −z towards the centre.
 */

/** Where a seat sits and faces. */
export interface SeatPlacement {
  /** metres from the centre, on the floor */
  x: number;
  z: number;
  /** rotation about +y, radians: the seat's −z axis points at the centre */
  yaw: number;
}

/** Distance between neighbours along the circle, metres: close enough to feel together, not crowded. */
export const SEAT_SPACING = 0.95;
/** Smallest circle radius, metres, so a small circle still has room for the orb in the middle. */
export const MIN_CIRCLE_RADIUS = 1.6;

/** Radius of a circle with `places` seats, metres. */
export function circleRadius(places: number): number {
  const n = Math.max(1, Math.floor(places));
  return Math.max(MIN_CIRCLE_RADIUS, (n * SEAT_SPACING) / (2 * Math.PI));
}

/**
 * How many places to lay out: the session's capacity plus the facilitator's seat, or more when
 * co-facilitators and people reconnecting use higher seat numbers. Seats never move when someone
 * joins, because the layout depends on the capacity, not on who is here.
 */
export function circlePlaces(capacity: number, highestSeat: number): number {
  return Math.max(Math.floor(capacity) + 1, Math.floor(highestSeat) + 1, 2);
}

/**
 * Placement of seat `seat` (0 = the facilitator's) in a circle of `places`, written into `out`
 * (allocation-free for per-frame callers). Seats go round counter-clockwise seen from above,
 * seat 0 on +z.
 */
export function seatPlacement(seat: number, places: number, out: SeatPlacement = { x: 0, z: 0, yaw: 0 }): SeatPlacement {
  const n = Math.max(1, Math.floor(places));
  const angle = (2 * Math.PI * (((Math.floor(seat) % n) + n) % n)) / n;
  const r = circleRadius(n);
  out.x = r * Math.sin(angle);
  out.z = r * Math.cos(angle);
  // Rotating −z by `angle` about +y gives (−sin, 0, −cos): straight at the centre.
  out.yaw = angle;
  return out;
}

/**
 * A point in seat `placement`'s frame (x, y, z) to world space, written into `out` (3 numbers).
 * The inverse is `worldToSeat`.
 */
export function seatToWorld(placement: SeatPlacement, x: number, y: number, z: number, out: { [i: number]: number }): void {
  const c = Math.cos(placement.yaw);
  const s = Math.sin(placement.yaw);
  out[0] = placement.x + c * x + s * z;
  out[1] = y;
  out[2] = placement.z - s * x + c * z;
}

/** A world-space point into seat `placement`'s frame, written into `out` (3 numbers). */
export function worldToSeat(placement: SeatPlacement, x: number, y: number, z: number, out: { [i: number]: number }): void {
  const c = Math.cos(placement.yaw);
  const s = Math.sin(placement.yaw);
  const dx = x - placement.x;
  const dz = z - placement.z;
  out[0] = c * dx - s * dz;
  out[1] = y;
  out[2] = s * dx + c * dz;
}
