import { getHeapStatistics } from "node:v8";
import { Group, PerspectiveCamera } from "three";
import { describe, expect, it } from "vitest";
import { seatedPose } from "../../../bench/helpers/poseRig";
import { POSE_FLOATS, POSE_WORDS, PoseBuffer, PoseFrameWriter, packPose } from "../../../core/pose";
import { bindCircle, type PatchSource, type PoseSource } from "../../../client/room/bindCircle";
import { createCircleFrame } from "../../../client/room/circleFrame";
import { createRoomStore } from "../../../client/room/roomStore";
import { AvatarInstances } from "../../../client/room/scene/AvatarInstances";
import { CircleState, Participant } from "../../../server/rooms/CircleState";

/**
 * The receiving side of poses runs for every pose frame (up to 25 a second) and every rendered frame
 * (up to 90 a second in a headset): none of it may allocate, or a circle's motion would feed the
 * garbage collector, whose pauses show as stutters. Each test warms the code up, then runs rounds
 * of many calls after a forced collection and takes the least the heap grew in any round (a round
 * with a collection in it counts as allocating).
 */
async function leastGrowth(run: (round: number) => void): Promise<number> {
  expect(gc, "run with --expose-gc (vitest.config.ts execArgv)").toBeTypeOf("function");
  run(-1); // warm up: let the JIT optimise it first
  const collections: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => collections.push(e.startTime)));
  observer.observe({ entryTypes: ["gc"] });
  const used = () => getHeapStatistics().used_heap_size;
  const rounds: [number, number, number][] = [];
  for (let round = 0; round < 5; round++) {
    gc!();
    await new Promise((done) => setTimeout(done, 20));
    const start = performance.now();
    const before = used();
    run(round);
    rounds.push([start, performance.now(), used() - before]);
  }
  await new Promise((done) => setTimeout(done, 50));
  observer.disconnect();
  return Math.min(...rounds.map(([from, to, grown]) => (collections.some((t) => t >= from && t <= to) ? Infinity : grown)));
}

/** A circle of 16 (seats 0–15, "me" in seat 0) bound to a frame, and `frames` pose frames of everyone moving. */
function boundCircle(frameCount: number) {
  const state = new CircleState();
  state.session.capacity = 16;
  for (let i = 0; i < 16; i++) {
    const p = new Participant();
    p.pseudonym = `Person ${i}`;
    p.seat = i;
    state.participants.set(`p${i}`, p);
  }
  let onFrame: (bytes: Uint8Array) => void = () => undefined;
  const source: PatchSource & PoseSource = {
    sessionId: "p0",
    state,
    onStateChange: Object.assign(() => undefined, { remove: () => undefined }),
    onMessage: (_type, cb) => {
      onFrame = cb;
      return () => undefined;
    },
  };
  const circle = createCircleFrame();
  // The clock the binding reads, in a typed array (a test's own closure variable would box it).
  const clock = new Float64Array(1);
  bindCircle(source, createRoomStore(), circle, () => clock[0]!);
  // The frames the server would send: whole words first, then differences as everyone moves at 15 Hz.
  const writer = new PoseFrameWriter();
  const sent = new Uint32Array(64 * POSE_WORDS);
  const latest = new Uint32Array(64 * POSE_WORDS);
  const floats = new Float64Array(POSE_FLOATS);
  const words = new Uint32Array(POSE_WORDS);
  const frames: Uint8Array[] = [];
  for (let k = 0; k < frameCount; k++) {
    writer.begin();
    for (let s = 0; s < 16; s++) {
      seatedPose(s, k / 15, "restless", floats);
      packPose(floats, true, true, words);
      latest.set(words, s * POSE_WORDS);
      writer.entry(s, 8, sent, s * POSE_WORDS, latest, s * POSE_WORDS, k === 0);
    }
    sent.set(latest);
    frames.push(Uint8Array.from(writer.finish()));
  }
  return { circle, clock, frames, deliver: (bytes: Uint8Array) => onFrame(bytes) };
}

describe("receiving poses allocates nothing", () => {
  it("per pose frame: bindCircle reads it and feeds every remote person's buffer", async () => {
    const { circle, clock, frames, deliver } = boundCircle(120);
    deliver(frames[0]!); // whole words: from here on every frame is differences
    let t = 1000;
    const run = (round: number) => {
      const n = round < 0 ? 20_000 : 5_000;
      for (let i = 0; i < n; i++) {
        t += 50;
        clock[0] = t;
        deliver(frames[1 + (i % (frames.length - 1))]!);
      }
    };
    const least = await leastGrowth(run);
    // If a frame allocated even one 16-byte object, 5,000 frames would grow the heap by 80 KB.
    expect(least).toBeLessThan(32 * 1024);
    // The frames did arrive: every remote person's buffer is full and their words are a real pose.
    expect(circle.list).toHaveLength(15);
    for (const person of circle.list) {
      expect(person.buffer.size).toBe(16);
      expect(person.words[0]).not.toBe(0);
    }
  });

  it("per pose and per rendered frame: PoseBuffer pushAt and sampleAt, as the receive path and the avatars call them", async () => {
    const buffer = new PoseBuffer();
    const floats = new Float64Array(POSE_FLOATS);
    // 64 poses of a moving person, packed beforehand (the motion rig itself allocates).
    const poses = Array.from({ length: 64 }, (_, k) => {
      seatedPose(1, k / 15, "restless", floats);
      const words = new Uint32Array(POSE_WORDS);
      packPose(floats, true, true, words);
      return words;
    });
    const out = new Float32Array(POSE_FLOATS);
    const time = new Float64Array(1);
    const heads = new Float64Array(1);
    const run = (round: number) => {
      const n = round < 0 ? 60_000 : 20_000;
      for (let i = 0; i < n; i++) {
        time[0] = time[0]! + 11.1;
        if (i % 6 === 0) buffer.pushAt(time, poses[(i / 6) & 63]!);
        buffer.sampleAt(time, out);
        heads[0] = heads[0]! + out[1]!;
      }
    };
    const least = await leastGrowth(run);
    expect(least).toBeLessThan(32 * 1024);
    expect(heads[0]).toBeGreaterThan(0);
    expect(out[1]).toBeGreaterThan(1); // a seated head, interpolated
  });

  it("per rendered frame: the avatars of 15 moving people are placed in place", async () => {
    const { circle, clock, frames, deliver } = boundCircle(60);
    const avatars = new AvatarInstances(circle);
    const camera = new PerspectiveCamera();
    const group = new Group();
    group.add(camera);
    let t = 1000;
    let f = 0;
    const run = (round: number) => {
      const n = round < 0 ? 5_000 : 2_000;
      for (let i = 0; i < n; i++) {
        t += 11;
        // A pose frame every 4 rendered frames (about 22 a second at 90 frames a second).
        if (i % 4 === 0) {
          clock[0] = t;
          deliver(frames[f++ % frames.length]!);
        }
        avatars.update(t, camera, group);
      }
    };
    const least = await leastGrowth(run);
    expect(least).toBeLessThan(32 * 1024);
    expect(avatars.heads.count).toBe(15);
    avatars.dispose();
  });
});
