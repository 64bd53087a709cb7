import { describe, expect, it } from "vitest";
import { AGE_STEP_MS, POSE_DELAY_MS, POSE_FLOATS, POSE_FRAME_HZ, PoseBuffer, packPose } from "../../../core/pose";
import { PATCH_HZ, POSE_HZ } from "../../../core/protocol";

/**
 * What another person's gesturing hand looks like on screen, end to end: the sender samples its
 * pose at `sendHz`, the room patches the latest one at `patchHz`, patches arrive with uneven delay,
 * and the viewer renders through a PoseBuffer at 90 frames a second.
 */
interface Link {
  sendHz: number;
  patchHz: number;
  delayMs: number;
  /** extra arrival delay, uniform in [0, jitterMs], order kept (one TCP stream) */
  jitterMs: number;
}

/** Deterministic pseudo-random numbers so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A hand gesturing as in the bandwidth bench: ±8 cm at 0.6 Hz (up to 0.3 m/s). */
const handX = (tMs: number) => 0.22 + 0.08 * Math.sin((2 * Math.PI * 0.6 * tMs) / 1000);

function watch(link: Link, seed: number) {
  const r = rng(seed);
  const sendMs = 1000 / link.sendHz;
  const patchMs = 1000 / link.patchHz;
  const sendPhase = r() * sendMs;
  const pose = new Float64Array(POSE_FLOATS);
  pose.set([0, 1.2, 0, 0, 0, 0, 1, 0, 0.9, -0.3, 0, 0, 0, 1, 0.2, 0.9, -0.3, 0, 0, 0, 1]);
  // Patches: the latest sent pose, its sample time, its arrival time.
  const arrivals: Array<{ at: number; sampledAt: number; words: Uint32Array }> = [];
  let lastArrival = 0;
  for (let p = patchMs; p < 10_000; p += patchMs) {
    const sampledAt = Math.floor((p - sendPhase) / sendMs) * sendMs + sendPhase;
    pose[7] = handX(sampledAt);
    const words = new Uint32Array(6);
    packPose(pose, true, true, words);
    lastArrival = Math.max(lastArrival, p + 10 + r() * link.jitterMs);
    arrivals.push({ at: lastArrival, sampledAt, words });
  }
  // The steady lag between a pose being sampled and being shown.
  const lag = link.delayMs + arrivals.reduce((a, x) => a + (x.at - x.sampledAt), 0) / arrivals.length;

  const buffer = new PoseBuffer(16, link.delayMs);
  const out = new Float32Array(POSE_FLOATS);
  let next = 0;
  let frozenFrames = 0;
  let worstMm = 0;
  let previous = Number.NaN;
  for (let frame = 1000; frame < 9000; frame += 1000 / 90) {
    while (next < arrivals.length && arrivals[next]!.at <= frame) buffer.push(arrivals[next]!.at, arrivals[next++]!.words);
    buffer.sample(frame, out);
    const shown = out[7]!;
    // Rendering past the newest patch holds the hand still while the real one keeps moving.
    if (frame - link.delayMs >= arrivals[next - 1]!.at && shown === previous) frozenFrames++;
    previous = shown;
    worstMm = Math.max(worstMm, Math.abs(shown - handX(frame - lag)) * 1000);
  }
  return { frozenFrames, worstMm };
}

/**
 * As shipped: the sender samples at POSE_HZ, the server gets each pose a couple of ms later and
 * puts it in the next pose frame (POSE_FRAME_HZ), saying how long it held it (`age`, 4 ms steps);
 * frames arrive with uneven delay, and the viewer stamps each pose (arrival − age).
 */
function watchFrames(jitterMs: number, seed: number) {
  const r = rng(seed);
  const sendMs = 1000 / POSE_HZ;
  const frameMs = 1000 / POSE_FRAME_HZ;
  const sendPhase = r() * sendMs;
  const framePhase = r() * frameMs;
  const pose = new Float64Array(POSE_FLOATS);
  pose.set([0, 1.2, 0, 0, 0, 0, 1, 0, 0.9, -0.3, 0, 0, 0, 1, 0.2, 0.9, -0.3, 0, 0, 0, 1]);
  const arrivals: Array<{ at: number; stamp: number; sampledAt: number; words: Uint32Array }> = [];
  let lastArrival = 0;
  for (let sampledAt = sendPhase; sampledAt < 10_000; sampledAt += sendMs) {
    const received = sampledAt + 2 + r() * 3;
    const frame = Math.ceil((received - framePhase) / frameMs) * frameMs + framePhase;
    const age = Math.min(60, Math.round((frame - received) / AGE_STEP_MS) * AGE_STEP_MS);
    pose[7] = handX(sampledAt);
    const words = new Uint32Array(6);
    packPose(pose, true, true, words);
    lastArrival = Math.max(lastArrival, frame + 10 + r() * jitterMs);
    arrivals.push({ at: lastArrival, stamp: lastArrival - age, sampledAt, words });
  }
  const lag = POSE_DELAY_MS + arrivals.reduce((a, x) => a + (x.stamp - x.sampledAt), 0) / arrivals.length;
  const buffer = new PoseBuffer(16, POSE_DELAY_MS);
  const out = new Float32Array(POSE_FLOATS);
  let next = 0;
  let frozenFrames = 0;
  let worstMm = 0;
  let previous = Number.NaN;
  for (let frame = 1000; frame < 9000; frame += 1000 / 90) {
    while (next < arrivals.length && arrivals[next]!.at <= frame) buffer.push(arrivals[next]!.stamp, arrivals[next++]!.words);
    buffer.sample(frame, out);
    const shown = out[7]!;
    if (frame - POSE_DELAY_MS >= arrivals[next - 1]!.stamp && shown === previous) frozenFrames++;
    previous = shown;
    worstMm = Math.max(worstMm, Math.abs(shown - handX(frame - lag)) * 1000);
  }
  return { frozenFrames, worstMm, lag };
}

describe("a remote hand through pose frames, as shipped", () => {
  it.each([1, 2, 3, 4, 5])("never freezes and follows the real path within 5 mm, 20 ms of arrival jitter (seed %i)", (seed) => {
    const seen = watchFrames(20, seed);
    expect(seen.frozenFrames).toBe(0);
    expect(seen.worstMm).toBeLessThan(5);
    // What a viewer sees lags the real hand by the buffer's delay and the trip, not more.
    expect(seen.lag).toBeLessThan(POSE_DELAY_MS + 50);
  });
});

describe("a remote hand at a patch rate (poses in state patches, before pose frames)", () => {
  const shipped: Link = { sendHz: POSE_HZ, patchHz: PATCH_HZ, delayMs: POSE_DELAY_MS, jitterMs: 20 };

  it("the buffer is more than two patches deep", () => {
    expect(POSE_DELAY_MS).toBeGreaterThan((2 * 1000) / PATCH_HZ);
  });

  it.each([1, 2, 3, 4, 5])("never freezes and follows the real path within 5 mm (seed %i)", (seed) => {
    const seen = watch(shipped, seed);
    expect(seen.frozenFrames).toBe(0);
    expect(seen.worstMm).toBeLessThan(5);
  });

  it("sending faster than the patch rate makes the motion less even, not more", () => {
    const faster = { ...shipped, sendHz: 20 };
    const worst = (link: Link) => Math.max(...[1, 2, 3, 4, 5].map((s) => watch(link, s).worstMm));
    expect(worst(faster)).toBeGreaterThan(worst(shipped));
  });
});
