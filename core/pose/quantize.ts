/**
 * Pose codec: head + two hands packed into six uint32 words.
 *
 * Everyone in a circle receives everyone's pose 15 times a second, so each word is chosen to be as
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

/**
 * A coordinate `p[i]` (metres) quantized into `bits` bits, with `bias` added so it is unsigned
 * (non-finite → `bias`). Reads from the array and returns a small integer: no double crosses a call.
 */
function field(p: ArrayLike<number>, i: number, bits: number, bias: number): number {
  const metres = p[i]!;
  if (!(metres > -Infinity && metres < Infinity)) return bias;
  const max = (1 << bits) - 1;
  const v = Math.round(metres / POSITION_STEP) + bias;
  return v < 0 ? 0 : v > max ? max : v | 0;
}

/*
 * Allocation-free packing. `packPose` runs for every pose sent, so the word builders below read
 * their floats from the pose array by offset (a double passed to a function that is not inlined
 * is boxed, one allocation per argument) and return a signed int32 (always a small integer to V8;
 * a uint32 above 2³¹ returned across a call would be boxed too). The `>>> 0` to the protocol's
 * uint32 happens where the word is stored. The public single-part packers go through a scratch.
 */
const scratch = new Float64Array(4);

const headBits = (p: ArrayLike<number>, o: number): number =>
  (field(p, o, 11, 1023) << 21) | (field(p, o + 1, 10, 0) << 11) | field(p, o + 2, 11, 1023);

/** Head position relative to the seat (metres) → uint32. */
export function packHeadPosition(x: number, y: number, z: number): number {
  scratch[0] = x;
  scratch[1] = y;
  scratch[2] = z;
  return headBits(scratch, 0) >>> 0;
}

/*
 * Unpacking reads each word from its array inside the function (`words[i]`): a word above 2³¹
 * passed as an argument would be boxed, one allocation per call. The public single-word unpackers
 * go through a scratch array.
 */
const wordScratch = new Uint32Array(1);

function headAt(words: ArrayLike<number>, i: number, out: NumberSink, o: number): void {
  const word = words[i]!;
  out[o] = (((word >>> 21) & 0x7ff) - 1023) * POSITION_STEP;
  out[o + 1] = ((word >>> 11) & 0x3ff) * POSITION_STEP;
  out[o + 2] = ((word & 0x7ff) - 1023) * POSITION_STEP;
}

/** uint32 → head position into `out[o..o+2]`. */
export function unpackHeadPosition(word: number, out: NumberSink, o: number): void {
  wordScratch[0] = word;
  headAt(wordScratch, 0, out, o);
}

const handBits = (p: ArrayLike<number>, o: number, tracked: boolean): number => {
  const bits = (field(p, o, 10, 511) << 20) | (field(p, o + 1, 10, 0) << 10) | field(p, o + 2, 10, 511);
  return tracked ? bits | (1 << 30) : bits;
};

/** Hand position relative to the seat (metres) + tracked flag → uint32. */
export function packHandPosition(x: number, y: number, z: number, tracked: boolean): number {
  scratch[0] = x;
  scratch[1] = y;
  scratch[2] = z;
  return handBits(scratch, 0, tracked) >>> 0;
}

function handAt(words: ArrayLike<number>, i: number, out: NumberSink, o: number): boolean {
  const word = words[i]!;
  out[o] = (((word >>> 20) & 0x3ff) - 511) * POSITION_STEP;
  out[o + 1] = ((word >>> 10) & 0x3ff) * POSITION_STEP;
  out[o + 2] = ((word & 0x3ff) - 511) * POSITION_STEP;
  return (word & (1 << 30)) !== 0;
}

/** uint32 → hand position into `out[o..o+2]`; returns whether the hand is tracked. */
export function unpackHandPosition(word: number, out: NumberSink, o: number): boolean {
  wordScratch[0] = word;
  return handAt(wordScratch, 0, out, o);
}

/** The three kept components of the quaternion being packed (scratch: no double crosses a call). */
const kept = new Float64Array(3);

/** `kept[i]` ∈ [−1/√2, 1/√2] quantized to Q_BITS, as a small integer. */
function qField(i: number): number {
  const v = Math.round(((kept[i]! + Q_RANGE) / (2 * Q_RANGE)) * Q_MAX);
  return v < 0 ? 0 : v > Q_MAX ? Q_MAX : v | 0;
}
const qValue = (bits: number): number => (bits / Q_MAX) * 2 * Q_RANGE - Q_RANGE;

/** Unit quaternion (x, y, z, w) → uint32 ("smallest three"). A zero quaternion packs as identity. */
export function packQuaternion(x: number, y: number, z: number, w: number): number {
  scratch[0] = x;
  scratch[1] = y;
  scratch[2] = z;
  scratch[3] = w;
  return quaternionBits(scratch, 0) >>> 0;
}

/** Identity ("smallest three" with w dropped, the others at zero). */
/** Identity: w dropped, the other three at zero (the middle of their range). */
const IDENTITY_BITS = (3 << 30) | (512 << 20) | (512 << 10) | 512;

function quaternionBits(q: ArrayLike<number>, o: number): number {
  let x = q[o]!;
  let y = q[o + 1]!;
  let z = q[o + 2]!;
  let w = q[o + 3]!;
  // Not Math.hypot: with four arguments it allocates on every call.
  const len = Math.sqrt(x * x + y * y + z * z + w * w);
  if (!(len > 0) || !Number.isFinite(len)) return IDENTITY_BITS;
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
  kept[0] = a * s;
  kept[1] = b * s;
  kept[2] = c * s;
  return (largest << 30) | (qField(0) << 20) | (qField(1) << 10) | qField(2);
}

/** uint32 → unit quaternion into `out[o..o+3]` (x, y, z, w). */
export function unpackQuaternion(word: number, out: NumberSink, o: number): void {
  wordScratch[0] = word;
  quaternionAt(wordScratch, 0, out, o);
}

function quaternionAt(words: ArrayLike<number>, i: number, out: NumberSink, o: number): void {
  const word = words[i]!;
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
  // Not Math.hypot: with four arguments it allocates on every call, and this runs 15 times a second per person.
  const len = Math.sqrt(x * x + y * y + z * z + w * w);
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
  out[0] = headBits(pose, HEAD) >>> 0;
  out[1] = quaternionBits(pose, HEAD + 3) >>> 0;
  out[2] = handBits(pose, LEFT, leftTracked) >>> 0;
  out[3] = quaternionBits(pose, LEFT + 3) >>> 0;
  out[4] = handBits(pose, RIGHT, rightTracked) >>> 0;
  out[5] = quaternionBits(pose, RIGHT + 3) >>> 0;
}

/**
 * Unpack six words into a 21-float pose (seat frame) at `out[o..o+20]`. Allocates nothing.
 * @returns bit mask: 1 = left hand tracked, 2 = right hand tracked
 */
export function unpackPose(words: ArrayLike<number>, out: NumberSink, o = 0): number {
  headAt(words, 0, out, o + HEAD);
  quaternionAt(words, 1, out, o + HEAD + 3);
  const l = handAt(words, 2, out, o + LEFT);
  quaternionAt(words, 3, out, o + LEFT + 3);
  const r = handAt(words, 4, out, o + RIGHT);
  quaternionAt(words, 5, out, o + RIGHT + 3);
  return (l ? 1 : 0) | (r ? 2 : 0);
}

/** Resting pose, until someone's first pose arrives: seated head, hands low and untracked. */
export const REST_POSE: readonly number[] = [
  packHeadPosition(0, 1.2, 0),
  packQuaternion(0, 0, 0, 1),
  packHandPosition(-0.2, 0.75, -0.25, false),
  packQuaternion(0, 0, 0, 1),
  packHandPosition(0.2, 0.75, -0.25, false),
  packQuaternion(0, 0, 0, 1),
];
