/**
 * Pose frames: everyone's pose in one binary message, sent by the room to the people seated in
 * the circle `POSE_FRAME_HZ` times a second (docs/PROTOCOL.md, "Pose frames").
 *
 * A frame holds one entry per person whose pose changed since the previous frame (a still person
 * costs nothing). Each of the six pose words (see quantize.ts) is a "group" of three fields, sent
 * as one of:
 * - unchanged (nothing);
 * - the three fields' differences from the previous frame's values, signed, 2–7 bits each (a
 *   gesturing hand moves ≤ 14 quanta in 67 ms), when the word's other bits (a hand's tracked flag,
 *   a rotation's largest-component index) are the same;
 * - the whole word (32 bits) — a person's first entry, anyone's entry in a catch-up frame, and
 *   whenever a difference does not fit.
 *
 * Layout, after the frame's first byte (the number of entries, 0–63), bits most significant first,
 * entries back to back, the last byte padded with zeros:
 *
 *     seat 6 | age 4 | code × 6 (3 bits each, group order hp hq lp lq rp rq) | values
 *
 * `code` 0 = unchanged, 1–6 = differences of (code + 1) bits each (three values), 7 = whole word
 * (32 bits). `age` is how long the server held the pose before the frame, in 4 ms steps (0–60
 * ms): the receiver stamps the pose `age` earlier, so poses keep the sender's even spacing
 * although frames and sends do not share a clock.
 *
 * The reader keeps the last values of every seat and rebuilds the six words; nothing is allocated
 * per frame on either side.
 */
import { POSE_WORDS } from "./quantize";

/** Colyseus byte-message type of a pose frame (a number: one byte on the wire). */
export const POSE_FRAME_TYPE = 1;
/**
 * Pose frames a second. Latency, not bytes: a pose waits for the next frame (0–40 ms at 25 Hz),
 * while bytes follow how often people send (POSE_HZ), since an unchanged pose is not sent again.
 */
export const POSE_FRAME_HZ = 25;
/** Seats a frame can name (6 bits). */
export const FRAME_SEATS = 64;
/** `age` unit, ms. */
export const AGE_STEP_MS = 4;
const AGE_MAX = 15;
/** Largest frame: every seat, every word whole (1 + 64 × (28 + 192) bits). */
export const MAX_POSE_FRAME_BYTES = 1 + Math.ceil((FRAME_SEATS * (6 + 4 + 18 + 6 * 32)) / 8);

const WHOLE = 7;
/** Field layout of each group: shifts and widths of its three fields (the head position is 11/10/11). */
const SHIFT_HEAD = [21, 11, 0] as const;
const BITS_HEAD = [11, 10, 11] as const;
const SHIFT = [20, 10, 0] as const;
const BITS = [10, 10, 10] as const;
/** Bits of a word outside its three fields (flags, rotation index): a difference is valid only if these match. */
const OTHER_BITS = [0, 0xc0000000, 0xc0000000, 0xc0000000, 0xc0000000, 0xc0000000] as const;

const shiftOf = (g: number, f: number): number => (g === 0 ? SHIFT_HEAD[f]! : SHIFT[f]!);
const bitsOf = (g: number, f: number): number => (g === 0 ? BITS_HEAD[f]! : BITS[f]!);
const fieldOf = (word: number, g: number, f: number): number => (word >>> shiftOf(g, f)) & ((1 << bitsOf(g, f)) - 1);

/** Bits a signed difference needs (at least 2). */
function widthOf(d: number): number {
  let w = 2;
  while (w <= 8 && (d < -(1 << (w - 1)) || d > (1 << (w - 1)) - 1)) w++;
  return w;
}

/**
 * Builds pose frames into one preallocated buffer (server side). Call `begin`, `entry` for each
 * person, then `finish` for the bytes (a view of the buffer, valid until the next `begin`).
 */
export class PoseFrameWriter {
  private readonly buf = new Uint8Array(MAX_POSE_FRAME_BYTES);
  private readonly codes = new Int32Array(POSE_WORDS);
  private pos = 1;
  private acc = 0;
  private held = 0;
  private count = 0;

  begin(): void {
    this.pos = 1;
    this.acc = 0;
    this.held = 0;
    this.count = 0;
  }

  /** Entries written since `begin`. */
  get entries(): number {
    return this.count;
  }

  /**
   * One person's entry: `next` (six words at `nextAt`) against what receivers hold, `prev` (at
   * `prevAt`), or whole words when `whole`. `ageMs`: how long ago the pose arrived.
   * @returns false, writing nothing, if no word changed (and not `whole`)
   */
  entry(seat: number, ageMs: number, prev: Uint32Array, prevAt: number, next: Uint32Array, nextAt: number, whole: boolean): boolean {
    if (seat < 0 || seat >= FRAME_SEATS || this.count >= FRAME_SEATS - 1) return false;
    const codes = this.codes;
    let any = false;
    for (let g = 0; g < POSE_WORDS; g++) {
      const a = prev[prevAt + g]!;
      const b = next[nextAt + g]!;
      if (whole) {
        codes[g] = WHOLE;
        any = true;
        continue;
      }
      if (a === b) {
        codes[g] = 0;
        continue;
      }
      any = true;
      if (((a ^ b) & OTHER_BITS[g]!) !== 0) {
        codes[g] = WHOLE;
        continue;
      }
      let w = 2;
      for (let f = 0; f < 3; f++) {
        const d = widthOf(fieldOf(b, g, f) - fieldOf(a, g, f));
        if (d > w) w = d;
      }
      codes[g] = w > 7 ? WHOLE : w - 1;
    }
    if (!any) return false;
    const age = Math.round(ageMs / AGE_STEP_MS);
    this.put(seat, 6);
    this.put(age < 0 ? 0 : age > AGE_MAX ? AGE_MAX : age, 4);
    for (let g = 0; g < POSE_WORDS; g++) this.put(codes[g]!, 3);
    for (let g = 0; g < POSE_WORDS; g++) {
      const code = codes[g]!;
      const b = next[nextAt + g]!;
      if (code === 0) continue;
      if (code === WHOLE) {
        this.put(b >>> 16, 16);
        this.put(b & 0xffff, 16);
        continue;
      }
      const w = code + 1;
      const bias = 1 << (w - 1);
      const a = prev[prevAt + g]!;
      for (let f = 0; f < 3; f++) this.put(fieldOf(b, g, f) - fieldOf(a, g, f) + bias, w);
    }
    this.count++;
    return true;
  }

  /** The frame's bytes (a view of the internal buffer). */
  finish(): Uint8Array {
    if (this.held > 0) {
      this.buf[this.pos++] = (this.acc << (8 - this.held)) & 0xff;
      this.held = 0;
      this.acc = 0;
    }
    this.buf[0] = this.count;
    return this.buf.subarray(0, this.pos);
  }

  /** Append the low `n` (≤ 16) bits of `v`. */
  private put(v: number, n: number): void {
    this.acc = ((this.acc << n) | (v & ((1 << n) - 1))) & 0xffffff;
    this.held += n;
    while (this.held >= 8) {
      this.held -= 8;
      this.buf[this.pos++] = (this.acc >>> this.held) & 0xff;
    }
  }
}

/** Where a reader delivers each person's rebuilt pose. */
export interface PoseSink {
  /** `words[at..at+5]` is seat `seat`'s pose, which the server held `ageMs` before the frame. */
  pose(seat: number, ageMs: number, words: Uint32Array, at: number): void;
}

/**
 * Reads pose frames (client side): keeps every seat's last words and rebuilds each entry. A
 * difference for a word it has never had whole (it joined after that word was sent) is skipped;
 * the server sends newcomers a catch-up frame of whole words first. Allocates nothing.
 */
export class PoseFrameReader {
  /** the last words of every seat */
  readonly words = new Uint32Array(FRAME_SEATS * POSE_WORDS);
  /** per seat: which words (bit g) this reader has had whole at least once */
  private readonly known = new Uint8Array(FRAME_SEATS);
  private readonly codes = new Int32Array(POSE_WORDS);
  private bytes: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private acc = 0;
  private held = 0;

  /** Whether all six words of `seat` are known. */
  has(seat: number): boolean {
    return seat >= 0 && seat < FRAME_SEATS && this.known[seat] === 0x3f;
  }

  /** Forget a seat (its person left); its next entry must come whole. */
  forget(seat: number): void {
    if (seat >= 0 && seat < FRAME_SEATS) this.known[seat] = 0;
  }

  /**
   * Apply one frame, calling `sink.pose` for every entry whose six words are known.
   * @returns entries read, or -1 if the frame was cut short (what was read before stays applied)
   */
  read(frame: Uint8Array, sink: PoseSink): number {
    if (frame.length < 1) return -1;
    this.bytes = frame;
    this.pos = 1;
    this.acc = 0;
    this.held = 0;
    const n = frame[0]!;
    const codes = this.codes;
    const words = this.words;
    for (let e = 0; e < n; e++) {
      const seat = this.take(6);
      const age = this.take(4);
      for (let g = 0; g < POSE_WORDS; g++) codes[g] = this.take(3);
      if (this.pos > frame.length) return -1;
      const at = seat * POSE_WORDS;
      let known = this.known[seat]!;
      for (let g = 0; g < POSE_WORDS; g++) {
        const code = codes[g]!;
        if (code === 0) continue;
        if (code === WHOLE) {
          const hi = this.take(16);
          words[at + g] = ((hi << 16) | this.take(16)) >>> 0;
          known |= 1 << g;
          continue;
        }
        const w = code + 1;
        const bias = 1 << (w - 1);
        let word = words[at + g]!;
        for (let f = 0; f < 3; f++) {
          const d = this.take(w) - bias;
          const shift = shiftOf(g, f);
          const mask = (1 << bitsOf(g, f)) - 1;
          const v = (((word >>> shift) & mask) + d) & mask;
          word = ((word & ~(mask << shift)) | (v << shift)) >>> 0;
        }
        // A difference against a word never had whole is meaningless: keep it unknown.
        if (known & (1 << g)) words[at + g] = word;
      }
      if (this.pos > frame.length) return -1;
      this.known[seat] = known;
      if (known === 0x3f) sink.pose(seat, age * AGE_STEP_MS, words, at);
    }
    return n;
  }

  /** The next `n` (≤ 16) bits; zeros past the end (pos then runs past the length). */
  private take(n: number): number {
    while (this.held < n) {
      const byte = this.pos < this.bytes.length ? this.bytes[this.pos]! : 0;
      this.pos++;
      this.acc = ((this.acc << 8) | byte) & 0xffffff;
      this.held += 8;
    }
    this.held -= n;
    return (this.acc >>> this.held) & ((1 << n) - 1);
  }
}
