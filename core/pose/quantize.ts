/**
 * Pose codec: head + two hands packed into six uint32 words.
 *
 * Everyone in a circle receives everyone's pose 20 times a second, so each word is chosen to be as
 * small as the error bounds allow (position ≤ 2 mm, rotation ≤ 0.5°):
 *
 * - head position, relative to the seat: 11/10/11 bits at 2 mm → x, z ∈ [-2.046, 2.048] m,
 *   y ∈ [0, 2.046] m; error ≤ 1 mm.
 * - hand position, relative to the seat too: 10/10/10 bits at 2 mm → x, z ∈ [-1.022, 1.024] m,
 *   y ∈ [0, 2.046] m; bit 30 says the hand is tracked; error ≤ 1 mm. Seat-relative (not
 *   head-relative) so a resting hand's word stays unchanged while the head sways, and Colyseus
 *   does not resend it. Non-finite coordinates pack as 0.
 * - rotations: "smallest three" — the index of the largest component (2 bits) and the other three
 *   (10 bits each) in [-1/√2, 1/√2]; error ≤ 0.25°.
 *
 * Values outside a range are clamped, so any uint32 decodes to a valid pose (the server can store
 * words without decoding them).
 */

/** Anything indexable we can write numbers into (typed arrays or plain arrays). */
export type NumberSink = { [index: number]: number };

/** Word order in a packed pose. */
export const POSE_WORDS = 6;
/** Floats in an unpacked pose: head, left, right × (x, y, z, qx, qy, qz, qw). */
export const POSE_FLOATS = 21;
/** Offsets of each part inside an unpacked pose. */
export const HEAD = 0;
export const LEFT = 7;
export const RIGHT = 14;

/** Position step, metres. */
export const POSITION_STEP = 0.002;

const Q_BITS = 10;
const Q_MAX = (1 << Q_BITS) - 1;
const Q_RANGE = Math.SQRT1_2;

const clampInt = (v: number, lo: number, hi: number): number =>
  v < lo ? lo : v > hi ? hi : v;

/** Quantize a position step count into `bits` bits, with `bias` added so it is unsigned. */
const field = (metres: number, bits: number, bias: number): number =>
  Number.isFinite(metres) ? clampInt(Math.round(metres / POSITION_STEP) + bias, 0, (1 << bits) - 1) : bias;

/** Head position relative to the seat (metres) → uint32. */
export function packHeadPosition(x: number, y: number, z: number): number {
  return ((field(x, 11, 1023) << 21) | (field(y, 10, 0) << 11) | field(z, 11, 1023)) >>> 0;
}

/** uint32 → head position into `out[o..o+2]`. */
export function unpackHeadPosition(word: number, out: NumberSink, o: number): void {
  out[o] = (((word >>> 21) & 0x7ff) - 1023) * POSITION_STEP;
  out[o + 1] = ((word >>> 11) & 0x3ff) * POSITION_STEP;
  out[o + 2] = ((word & 0x7ff) - 1023) * POSITION_STEP;
}

/** Hand position relative to the seat (metres) + tracked flag → uint32. */
export function packHandPosition(x: number, y: number, z: number, tracked: boolean): number {
  const bits = (field(x, 10, 511) << 20) | (field(y, 10, 0) << 10) | field(z, 10, 511);
  return (tracked ? bits | (1 << 30) : bits) >>> 0;
}

/** uint32 → hand position into `out[o..o+2]`; returns whether the hand is tracked. */
export function unpackHandPosition(word: number, out: NumberSink, o: number): boolean {
  out[o] = (((word >>> 20) & 0x3ff) - 511) * POSITION_STEP;
  out[o + 1] = ((word >>> 10) & 0x3ff) * POSITION_STEP;
  out[o + 2] = ((word & 0x3ff) - 511) * POSITION_STEP;
  return (word & (1 << 30)) !== 0;
}

const qField = (v: number): number =>
  clampInt(Math.round(((v + Q_RANGE) / (2 * Q_RANGE)) * Q_MAX), 0, Q_MAX);
const qValue = (bits: number): number => (bits / Q_MAX) * 2 * Q_RANGE - Q_RANGE;

/** Unit quaternion (x, y, z, w) → uint32 ("smallest three"). A zero quaternion packs as identity. */
export function packQuaternion(x: number, y: number, z: number, w: number): number {
  const len = Math.hypot(x, y, z, w);
  if (!(len > 0) || !Number.isFinite(len)) return packQuaternion(0, 0, 0, 1);
  x /= len; y /= len; z /= len; w /= len;
  const ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z), aw = Math.abs(w);
  let largest = 0, big = ax;
  if (ay > big) { largest = 1; big = ay; }
  if (az > big) { largest = 2; big = az; }
  if (aw > big) { largest = 3; }
  // q and -q are the same rotation: flip so the dropped component is positive.
  let a: number, b: number, c: number, dropped: number;
  switch (largest) {
    case 0: a = y; b = z; c = w; dropped = x; break;
    case 1: a = x; b = z; c = w; dropped = y; break;
    case 2: a = x; b = y; c = w; dropped = z; break;
    default: a = x; b = y; c = z; dropped = w;
  }
  const s = dropped < 0 ? -1 : 1;
  return ((largest << 30) | (qField(a * s) << 20) | (qField(b * s) << 10) | qField(c * s)) >>> 0;
}

/** uint32 → unit quaternion into `out[o..o+3]` (x, y, z, w). */
export function unpackQuaternion(word: number, out: NumberSink, o: number): void {
  const largest = word >>> 30;
  const a = qValue((word >>> 20) & Q_MAX);
  const b = qValue((word >>> 10) & Q_MAX);
  const c = qValue(word & Q_MAX);
  const d = Math.sqrt(Math.max(0, 1 - a * a - b * b - c * c));
  let x: number, y: number, z: number, w: number;
  switch (largest) {
    case 0: x = d; y = a; z = b; w = c; break;
    case 1: x = a; y = d; z = b; w = c; break;
    case 2: x = a; y = b; z = d; w = c; break;
    default: x = a; y = b; z = c; w = d;
  }
  const len = Math.hypot(x, y, z, w);
  out[o] = x / len; out[o + 1] = y / len; out[o + 2] = z / len; out[o + 3] = w / len;
}

/**
 * Pack an unpacked pose (positions and rotations in the seat's frame) into six words.
 * Allocates nothing.
 * @param out six words: head position, head rotation, left position, left rotation, right position, right rotation
 */
export function packPose(
  pose: ArrayLike<number>,
  leftTracked: boolean,
  rightTracked: boolean,
  out: NumberSink,
): void {
  out[0] = packHeadPosition(pose[HEAD]!, pose[HEAD + 1]!, pose[HEAD + 2]!);
  out[1] = packQuaternion(pose[HEAD + 3]!, pose[HEAD + 4]!, pose[HEAD + 5]!, pose[HEAD + 6]!);
  out[2] = packHandPosition(pose[LEFT]!, pose[LEFT + 1]!, pose[LEFT + 2]!, leftTracked);
  out[3] = packQuaternion(pose[LEFT + 3]!, pose[LEFT + 4]!, pose[LEFT + 5]!, pose[LEFT + 6]!);
  out[4] = packHandPosition(pose[RIGHT]!, pose[RIGHT + 1]!, pose[RIGHT + 2]!, rightTracked);
  out[5] = packQuaternion(pose[RIGHT + 3]!, pose[RIGHT + 4]!, pose[RIGHT + 5]!, pose[RIGHT + 6]!);
}

/**
 * Unpack six words into a 21-float pose (seat frame) at `out[o..o+20]`. Allocates nothing.
 * @returns bit mask: 1 = left hand tracked, 2 = right hand tracked
 */
export function unpackPose(words: ArrayLike<number>, out: NumberSink, o = 0): number {
  unpackHeadPosition(words[0]!, out, o + HEAD);
  unpackQuaternion(words[1]!, out, o + HEAD + 3);
  const l = unpackHandPosition(words[2]!, out, o + LEFT);
  unpackQuaternion(words[3]!, out, o + LEFT + 3);
  const r = unpackHandPosition(words[4]!, out, o + RIGHT);
  unpackQuaternion(words[5]!, out, o + RIGHT + 3);
  return (l ? 1 : 0) | (r ? 2 : 0);
}
