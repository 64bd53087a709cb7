import { getHeapStatistics } from "node:v8";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { seatPlacement, seatToWorld } from "../../../core/circle";
import { HEAD, LEFT, POSE_FLOATS, RIGHT, unpackPose } from "../../../core/pose";
import { POSE_HZ } from "../../../core/protocol";
import { LAP_LEFT, PoseSender, createPartPose, type PartPose } from "../../../client/room/poseSender";

const gc = (globalThis as { gc?: () => void }).gc;

/** A pose part built like the frame loop's scratch (one object shape, so V8 optimises `update` as it would in the app). */
function part(px: number, py: number, pz: number, yaw = 0, tracked = true): PartPose {
  const p = createPartPose();
  p.px = px;
  p.py = py;
  p.pz = pz;
  p.qy = Math.sin(yaw / 2);
  p.qw = Math.cos(yaw / 2);
  p.tracked = tracked;
  return p;
}

describe("pose sender", () => {
  it("sends the head and hands in the seat's frame, whatever way the seat faces in the scene", () => {
    const sent: number[][] = [];
    const sender = new PoseSender((w) => sent.push([...w]));
    // This person's seat sits at (1, 0, 2) in the scene, turned a quarter to the left.
    const viewer = { x: 1, z: 2, yaw: Math.PI / 2 };
    // Their head 0.3 m in front of the seat (seat −z) and turned a little further left.
    const seatHead = [0, 1.2, -0.3];
    const head = [0, 0, 0];
    seatToWorld(viewer, seatHead[0]!, seatHead[1]!, seatHead[2]!, head);
    sender.update(0, viewer, part(head[0]!, head[1]!, head[2]!, Math.PI / 2 + 0.2), part(0, 0, 0, 0, false), part(1.1, 0.9, 2.4, Math.PI / 2));
    expect(sent).toHaveLength(1);
    const pose = new Float32Array(POSE_FLOATS);
    const tracked = unpackPose(sent[0]!, pose);
    expect(pose[HEAD]).toBeCloseTo(0, 2);
    expect(pose[HEAD + 1]).toBeCloseTo(1.2, 2);
    expect(pose[HEAD + 2]).toBeCloseTo(-0.3, 2);
    // Heading relative to the seat: only the extra 0.2 rad.
    expect(2 * Math.atan2(pose[HEAD + 4]!, pose[HEAD + 6]!)).toBeCloseTo(0.2, 2);
    // Left hand untracked: resting in the lap; right hand tracked where it was.
    expect(tracked).toBe(2);
    expect(pose[LEFT]).toBeCloseTo(LAP_LEFT[0], 2);
    const back = [0, 0, 0];
    seatToWorld(viewer, pose[RIGHT]!, pose[RIGHT + 1]!, pose[RIGHT + 2]!, back);
    expect(back[0]).toBeCloseTo(1.1, 2);
    expect(back[2]).toBeCloseTo(2.4, 2);
  });

  it("sends at most POSE_HZ times a second, only when a word changed, always in the same array", () => {
    const arrays = new Set<number[]>();
    let calls = 0;
    const sender = new PoseSender((w) => {
      arrays.add(w);
      calls++;
    });
    const viewer = { x: 0, z: 0, yaw: 0 };
    const left = part(0, 0, 0, 0, false);
    const right = part(0, 0, 0, 0, false);
    // Two seconds of 90 Hz frames with the head drifting: about 2 × POSE_HZ sends.
    for (let t = 0; t <= 2000; t += 1000 / 90) sender.update(t, viewer, part(Math.sin(t / 300) * 0.1, 1.2, 0), left, right);
    expect(calls).toBeGreaterThanOrEqual(2 * POSE_HZ - 1);
    expect(calls).toBeLessThanOrEqual(2 * POSE_HZ + 2);
    expect(arrays.size).toBe(1);
    // Sitting still: nothing more goes out.
    const still = part(0, 1.2, 0);
    sender.update(3000, viewer, still, left, right);
    const before = calls;
    for (let t = 3100; t < 6000; t += 100) sender.update(t, viewer, still, left, right);
    expect(calls).toBe(before);
  });

  it("allocates nothing per call", async () => {
    expect(gc, "run with --expose-gc (vitest.config.ts execArgv)").toBeTypeOf("function");
    // The callback must not allocate either: a number kept in a closure would be boxed on each write.
    const sink = new Float64Array(1);
    const sender = new PoseSender((w) => void (sink[0]! += w[0]!));
    const viewer = { x: 0.5, z: -1, yaw: 1 };
    // Built the way the frame loop builds its scratch poses.
    const head = createPartPose();
    const left = createPartPose();
    const right = createPartPose();
    head.py = 1.2;
    left.px = -0.2;
    right.px = 0.2;
    left.py = right.py = 0.9;
    left.pz = right.pz = -0.3;
    left.tracked = right.tracked = true;
    const run = (from: number, n: number) => {
      for (let i = 0; i < n; i++) {
        const t = from + i * 70;
        head.px = 0.1 * Math.sin(t / 500);
        right.py = 0.9 + 0.1 * Math.sin(t / 300);
        sender.update(t, viewer, head, left, right);
      }
    };
    run(0, 100_000); // warm up: let the JIT optimise it first (ends at t = 7,000,000 ms; the rounds go on from there)
    // Garbage collections seen while measuring: a collection in a round hides what it allocated,
    // so such a round counts as allocating.
    const collections: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => collections.push(e.startTime)));
    observer.observe({ entryTypes: ["gc"] });
    // The least any of five rounds grew: a round can include the JIT's own work, but if the call
    // itself allocated, every round would grow by at least 20,000 × 16 bytes (or collect).
    const used = () => getHeapStatistics().used_heap_size;
    const rounds: [number, number, number][] = [];
    for (let round = 0; round < 5; round++) {
      gc!();
      await new Promise((done) => setTimeout(done, 20));
      const start = performance.now();
      const before = used();
      run(10_000_000 + round * 2_000_000, 20_000);
      rounds.push([start, performance.now(), used() - before]);
    }
    await new Promise((done) => setTimeout(done, 50));
    observer.disconnect();
    const least = Math.min(...rounds.map(([from, to, grown]) => (collections.some((t) => t >= from && t <= to) ? Infinity : grown)));
    expect(least).toBeLessThan(32 * 1024);
    expect(sink[0]).toBeGreaterThan(0);
  });
});

describe("seat placement used by the sender", () => {
  it("is the same transform the avatars use (round trip through another seat)", () => {
    const a = seatPlacement(3, 13);
    const out = [0, 0, 0];
    seatToWorld(a, 0, 1.2, 0, out);
    expect(Math.hypot(out[0]!, out[2]!)).toBeGreaterThan(1.5);
  });
});
