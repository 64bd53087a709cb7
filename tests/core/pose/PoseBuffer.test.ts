import { describe, expect, it } from "vitest";
import { POSE_FLOATS, PoseBuffer, packPose } from "../../../core/pose";

function wordsAt(x: number, yawRad: number): Uint32Array {
  const pose = new Float64Array(POSE_FLOATS);
  pose.set([x, 1.2, 0, 0, Math.sin(yawRad / 2), 0, Math.cos(yawRad / 2)], 0);
  pose.set([x - 0.2, 0.9, 0.3, 0, 0, 0, 1], 7);
  pose.set([x + 0.2, 0.9, 0.3, 0, 0, 0, 1], 14);
  const words = new Uint32Array(6);
  packPose(pose, true, true, words);
  return words;
}

describe("PoseBuffer", () => {
  it("reports empty before any sample", () => {
    expect(new PoseBuffer().sample(1000, new Float32Array(POSE_FLOATS))).toBe(-1);
  });

  it.each([
    // render time (now - 100) → expected head x
    ["before the oldest: clamps to oldest", 50, 0],
    ["halfway between samples", 125, 0.05],
    ["exactly on a sample", 150, 0.1],
    ["after the newest: holds newest", 400, 0.2],
  ])("%s", (_name, now, expectedX) => {
    const buffer = new PoseBuffer(8, 100);
    buffer.push(0, wordsAt(0, 0));
    buffer.push(50, wordsAt(0.1, 0));
    buffer.push(100, wordsAt(0.2, 0));
    const out = new Float32Array(POSE_FLOATS);
    expect(buffer.sample(now, out)).toBe(3);
    expect(out[0]).toBeCloseTo(expectedX, 2);
  });

  it("interpolates rotation along the shorter arc", () => {
    const buffer = new PoseBuffer(8, 100);
    buffer.push(0, wordsAt(0, 0));
    buffer.push(50, wordsAt(0, Math.PI / 2));
    const out = new Float32Array(POSE_FLOATS);
    buffer.sample(125, out);
    const yaw = 2 * Math.atan2(out[4]!, out[6]!);
    expect((yaw * 180) / Math.PI).toBeCloseTo(45, 0);
  });

  it("keeps only the newest `capacity` samples and ignores out-of-order ones", () => {
    const buffer = new PoseBuffer(4, 0);
    for (let i = 0; i < 10; i++) buffer.push(i * 50, wordsAt(i * 0.1, 0));
    buffer.push(100, wordsAt(5, 0)); // late: ignored
    expect(buffer.size).toBe(4);
    const out = new Float32Array(POSE_FLOATS);
    buffer.sample(0, out); // older than anything kept → oldest kept is i = 6
    expect(out[0]).toBeCloseTo(0.6, 2);
    buffer.sample(10_000, out);
    expect(out[0]).toBeCloseTo(0.9, 2);
  });
});
