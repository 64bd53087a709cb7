import { describe, expect, it } from "vitest";
import {
  POSE_FLOATS,
  packHandPosition,
  packHeadPosition,
  packPose,
  packQuaternion,
  unpackHandPosition,
  unpackHeadPosition,
  unpackPose,
  unpackQuaternion,
} from "../../../core/pose";

/** Angle between two unit quaternions, degrees. */
function angleDeg(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const dot = Math.abs(a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]! + a[3]! * b[3]!);
  return (2 * Math.acos(Math.min(1, dot)) * 180) / Math.PI;
}

function normalize(q: number[]): number[] {
  const l = Math.hypot(...q);
  return q.map((v) => v / l);
}

/** Deterministic pseudo-random numbers so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("head position", () => {
  it.each([
    [0, 0, 0],
    [0.1234, 1.2, -0.4567],
    [-2.0, 2.0, 2.0],
    [2.046, 0.001, -2.046],
    [0.0011, 1.6009, 0.0009],
  ])("(%f, %f, %f) round-trips within 1 mm", (x, y, z) => {
    const out = [0, 0, 0];
    unpackHeadPosition(packHeadPosition(x, y, z), out, 0);
    expect(Math.abs(out[0]! - x)).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(Math.abs(out[1]! - y)).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(Math.abs(out[2]! - z)).toBeLessThanOrEqual(0.001 + 1e-9);
  });

  it.each([
    [5, 3, -5, 2.048, 2.046, -2.046],
    [0, -1, 0, 0, 0, 0],
    [Number.NaN, 1, 0, 0, 1, 0],
  ])("clamps (%f, %f, %f) to the range", (x, y, z, ex, ey, ez) => {
    const out = [0, 0, 0];
    unpackHeadPosition(packHeadPosition(x, y, z), out, 0);
    expect(out[0]).toBeCloseTo(ex, 3);
    expect(out[1]).toBeCloseTo(ey, 3);
    expect(out[2]).toBeCloseTo(ez, 3);
  });
});

describe("hand position", () => {
  it.each([
    [0.3, 0.8, -0.2, true],
    [-1.0, 2.0, 1.0, false],
    [0, 0, 0, true],
  ])("(%f, %f, %f, tracked %s) round-trips within 1 mm", (x, y, z, tracked) => {
    const out = [0, 0, 0];
    expect(unpackHandPosition(packHandPosition(x, y, z, tracked), out, 0)).toBe(tracked);
    expect(Math.abs(out[0]! - x)).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(Math.abs(out[1]! - y)).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(Math.abs(out[2]! - z)).toBeLessThanOrEqual(0.001 + 1e-9);
  });
});

describe("quaternion", () => {
  it.each([
    ["identity", [0, 0, 0, 1]],
    ["negative identity (same rotation)", [0, 0, 0, -1]],
    ["90° about y", [0, Math.SQRT1_2, 0, Math.SQRT1_2]],
    ["180° about x", [1, 0, 0, 0]],
    ["two equal largest", [0.5, 0.5, 0.5, 0.5]],
    ["negative largest", normalize([-0.9, 0.1, 0.3, 0.2])],
    ["unnormalized input", [0, 0, 2, 2]],
  ])("%s round-trips within 0.5°", (_name, q) => {
    const out = [0, 0, 0, 0];
    unpackQuaternion(packQuaternion(q[0]!, q[1]!, q[2]!, q[3]!), out, 0);
    expect(angleDeg(normalize(q), out)).toBeLessThanOrEqual(0.5);
    expect(Math.hypot(...out)).toBeCloseTo(1, 6);
  });

  it("10 000 random rotations stay within 0.5° (worst case printed on failure)", () => {
    const r = rng(42);
    const out = [0, 0, 0, 0];
    let worst = 0;
    for (let i = 0; i < 10_000; i++) {
      const q = normalize([r() * 2 - 1, r() * 2 - 1, r() * 2 - 1, r() * 2 - 1]);
      unpackQuaternion(packQuaternion(q[0]!, q[1]!, q[2]!, q[3]!), out, 0);
      worst = Math.max(worst, angleDeg(q, out));
    }
    expect(worst).toBeLessThanOrEqual(0.5);
  });

  it("a zero or non-finite quaternion packs as identity", () => {
    const out = [0, 0, 0, 0];
    unpackQuaternion(packQuaternion(0, 0, 0, 0), out, 0);
    expect(angleDeg(out, [0, 0, 0, 1])).toBeLessThan(0.5);
    unpackQuaternion(packQuaternion(Number.NaN, 0, 0, 1), out, 0);
    expect(angleDeg(out, [0, 0, 0, 1])).toBeLessThan(0.5);
  });
});

describe("whole pose", () => {
  it("random seated poses round-trip: positions ≤ 2 mm, rotations ≤ 0.5°", () => {
    const r = rng(7);
    const pose = new Float64Array(POSE_FLOATS);
    const words = new Uint32Array(6);
    const out = new Float32Array(POSE_FLOATS);
    for (let i = 0; i < 2000; i++) {
      const head = [r() - 0.5, 1 + r() * 0.8, r() - 0.5];
      pose.set(head, 0);
      pose.set(normalize([r() - 0.5, r() - 0.5, r() - 0.5, 1]), 3);
      pose.set([head[0]! - 0.3 + r() * 0.2, head[1]! - 0.5 + r() * 0.3, head[2]! + r() * 0.4], 7);
      pose.set(normalize([r() - 0.5, r() - 0.5, r() - 0.5, r() - 0.5]), 10);
      pose.set([head[0]! + 0.3 - r() * 0.2, head[1]! - 0.5 + r() * 0.3, head[2]! + r() * 0.4], 14);
      pose.set(normalize([r() - 0.5, r() - 0.5, r() - 0.5, r() - 0.5]), 17);
      packPose(pose, true, i % 2 === 0, words);
      const mask = unpackPose(words, out);
      expect(mask).toBe(i % 2 === 0 ? 3 : 1);
      for (const base of [0, 7, 14]) {
        for (let k = 0; k < 3; k++) expect(Math.abs(out[base + k]! - pose[base + k]!)).toBeLessThanOrEqual(0.002);
        expect(angleDeg(pose.subarray(base + 3, base + 7), out.subarray(base + 3, base + 7))).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it("every word is a uint32", () => {
    const words: number[] = [];
    packPose([-9, 9, 9, -1, 0, 0, 0, 9, -9, 9, 0, -1, 0, 0, -9, 9, -9, 0, 0, -1, 0], true, true, words);
    for (const w of words) {
      expect(Number.isInteger(w)).toBe(true);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(0xffff_ffff);
    }
  });
});
