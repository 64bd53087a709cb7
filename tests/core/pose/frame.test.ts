import { describe, expect, it } from "vitest";
import { seatedPose } from "../../../bench/helpers/poseRig";
import {
  AGE_STEP_MS,
  POSE_FLOATS,
  POSE_WORDS,
  PoseFrameReader,
  PoseFrameWriter,
  REST_POSE,
  packPose,
  unpackPose,
  type PoseSink,
} from "../../../core/pose";

/** What a reader delivered, by seat. */
class Seen implements PoseSink {
  readonly bySeat = new Map<number, { words: number[]; age: number }>();
  pose(seat: number, ageMs: number, words: Uint32Array, at: number): void {
    this.bySeat.set(seat, { words: Array.from(words.subarray(at, at + POSE_WORDS)), age: ageMs });
  }
}

/** The server side of one circle: what receivers hold (`sent`) and the newest poses (`latest`). */
function circle(people: number) {
  const sent = new Uint32Array(64 * POSE_WORDS);
  const latest = new Uint32Array(64 * POSE_WORDS);
  const first = new Uint8Array(64).fill(1);
  const writer = new PoseFrameWriter();
  const floats = new Float64Array(POSE_FLOATS);
  const words = new Uint32Array(POSE_WORDS);
  return {
    latest,
    move(t: number, motion: "restless" | "seated" = "restless") {
      for (let s = 0; s < people; s++) {
        seatedPose(s, t, motion, floats);
        packPose(floats, s % 3 !== 0, true, words);
        latest.set(words, s * POSE_WORDS);
      }
    },
    frame(): Uint8Array {
      writer.begin();
      for (let s = 0; s < people; s++) {
        writer.entry(s, 10, sent, s * POSE_WORDS, latest, s * POSE_WORDS, first[s] === 1);
        first[s] = 0;
        sent.set(latest.subarray(s * POSE_WORDS, (s + 1) * POSE_WORDS), s * POSE_WORDS);
      }
      return Uint8Array.from(writer.finish());
    },
  };
}

describe("pose frames", () => {
  it("carry every person's six words exactly, frame after frame, whole first and as differences after", () => {
    const c = circle(16);
    const reader = new PoseFrameReader();
    for (let k = 0; k < 300; k++) {
      c.move(k / 15);
      const seen = new Seen();
      expect(reader.read(c.frame(), seen)).toBe(16);
      for (let s = 0; s < 16; s++) expect(seen.bySeat.get(s)?.words).toEqual(Array.from(c.latest.subarray(s * 6, s * 6 + 6)));
    }
  });

  it("cost about 15 bytes a moving person at 15 sends a second (16 people under 4 KB/s), and nothing for a still one", () => {
    const c = circle(16);
    c.move(0);
    c.frame(); // the first frame is whole words
    let bytes = 0;
    for (let k = 1; k <= 150; k++) {
      c.move(k / 15);
      bytes += c.frame().length + 4; // + Colyseus' 2-byte header and the WebSocket's 2
    }
    const perSecond = bytes / 10;
    expect(perSecond).toBeLessThan(4000);
    expect(perSecond).toBeGreaterThan(2000);
    // Nobody moved: an empty frame (one byte).
    expect(c.frame()).toEqual(Uint8Array.of(0));
  });

  it("still round-trip within the codec's bounds (position ≤ 2 mm, rotation ≤ 0.5°) after any number of differences", () => {
    const c = circle(4);
    const reader = new PoseFrameReader();
    const truth = new Float64Array(POSE_FLOATS);
    const got = new Float64Array(POSE_FLOATS);
    let worstMm = 0;
    let worstDeg = 0;
    const sink: PoseSink = {
      pose: (seat, _age, words, at) => {
        unpackPose(words.subarray(at, at + 6), got);
        seatedPose(seat, t, "restless", truth);
        for (const o of [0, 7, 14]) {
          worstMm = Math.max(worstMm, 1000 * Math.hypot(got[o]! - truth[o]!, got[o + 1]! - truth[o + 1]!, got[o + 2]! - truth[o + 2]!));
          const dot = Math.abs(got[o + 3]! * truth[o + 3]! + got[o + 4]! * truth[o + 4]! + got[o + 5]! * truth[o + 5]! + got[o + 6]! * truth[o + 6]!);
          worstDeg = Math.max(worstDeg, (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI);
        }
      },
    };
    let t = 0;
    for (let k = 0; k < 900; k++) {
      t = k / 15;
      c.move(t);
      reader.read(c.frame(), sink);
    }
    expect(worstMm).toBeLessThanOrEqual(2);
    expect(worstDeg).toBeLessThanOrEqual(0.5);
  });

  it("send a whole word when a hand's tracking or a rotation's largest component changes, or a jump is too big", () => {
    const writer = new PoseFrameWriter();
    const reader = new PoseFrameReader();
    const prev = Uint32Array.from(REST_POSE);
    const next = Uint32Array.from(REST_POSE);
    writer.begin();
    writer.entry(3, 0, prev, 0, next, 0, true);
    const seen = new Seen();
    reader.read(Uint8Array.from(writer.finish()), seen);
    next[2] = (next[2]! | (1 << 30)) >>> 0; // left hand now tracked
    next[1] = 0x00000000; // largest component x, not w
    next[4] = (next[4]! + (300 << 20)) >>> 0; // a hand jumps 60 cm
    writer.begin();
    expect(writer.entry(3, 0, prev, 0, next, 0, false)).toBe(true);
    reader.read(Uint8Array.from(writer.finish()), seen);
    expect(seen.bySeat.get(3)?.words).toEqual(Array.from(next));
  });

  it("skip differences for a seat the reader never had whole (joined late), until its whole words come", () => {
    const c = circle(2);
    c.move(0);
    c.frame();
    c.move(1 / 15);
    const late = new PoseFrameReader();
    const seen = new Seen();
    expect(late.read(c.frame(), seen)).toBe(2);
    expect(seen.bySeat.size).toBe(0);
    expect(late.has(0)).toBe(false);
  });

  it("say how long the server held each pose, in 4 ms steps up to 60 ms", () => {
    const writer = new PoseFrameWriter();
    const w = Uint32Array.from(REST_POSE);
    const seen = new Seen();
    writer.begin();
    writer.entry(0, 27, w, 0, w, 0, true);
    writer.entry(1, 500, w, 0, w, 0, true);
    new PoseFrameReader().read(Uint8Array.from(writer.finish()), seen);
    expect(seen.bySeat.get(0)?.age).toBe(7 * AGE_STEP_MS);
    expect(seen.bySeat.get(1)?.age).toBe(60);
  });

  it("a frame cut short is reported and delivers nothing past the cut", () => {
    const c = circle(8);
    c.move(0);
    const full = c.frame();
    const seen = new Seen();
    expect(new PoseFrameReader().read(full.subarray(0, full.length - 30), seen)).toBe(-1);
    expect(seen.bySeat.size).toBeLessThan(8);
    expect(new PoseFrameReader().read(new Uint8Array(0), seen)).toBe(-1);
  });
});
