import ReactThreeTestRenderer from "@react-three/test-renderer";
import { Profiler } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InstancedMesh } from "three";
import { Matrix4, Vector3 } from "three";
import { packPose, POSE_FLOATS, POSE_WORDS, PoseFrameWriter } from "../../../core/pose";
import { bindCircle, type PatchSource, type PoseSource } from "../../../client/room/bindCircle";
import { createCircleFrame } from "../../../client/room/circleFrame";
import { createRoomStore } from "../../../client/room/roomStore";
import { Avatars } from "../../../client/room/scene/Avatars";
import { Billboards } from "../../../client/room/scene/Billboards";
import { CircleWorld } from "../../../client/room/scene/CircleWorld";
import { TalkingPiece } from "../../../client/room/scene/TalkingPiece";
import { CircleState, Participant } from "../../../server/rooms/CircleState";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
vi.mock("@react-three/drei", () => ({ Text: () => null }));

/**
 * A circle of `n` people (sessionIds p0…, seat i), "me" being p0, and the room's signals driven by
 * the test: `patch` moves everyone, sends the pose frame the server would (whole words first,
 * differences after) and then a state patch.
 */
function circleOf(n: number) {
  const state = new CircleState();
  state.session.capacity = 16;
  for (let i = 0; i < n; i++) {
    const p = new Participant();
    p.pseudonym = `Person ${i}`;
    p.seat = i;
    p.role = i === 0 ? "facilitator" : "participant";
    state.participants.set(`p${i}`, p);
  }
  const listeners: ((s: CircleState) => void)[] = [];
  const frames: ((bytes: Uint8Array) => void)[] = [];
  const source: PatchSource & PoseSource = {
    sessionId: "p0",
    state,
    onStateChange: Object.assign((cb: (s: CircleState) => void) => listeners.push(cb), { remove: () => undefined }),
    onMessage: (_type, cb) => {
      frames.push(cb);
      return () => frames.splice(frames.indexOf(cb), 1);
    },
  };
  const pose = new Float32Array(POSE_FLOATS);
  const words = new Uint32Array(POSE_WORDS);
  const sent = new Uint32Array(64 * POSE_WORDS);
  const latest = new Uint32Array(64 * POSE_WORDS);
  const writer = new PoseFrameWriter();
  let first = true;
  /** Everyone moves a little (head sway, hands gesturing), then one patch arrives. */
  const patch = (t: number) => {
    state.participants.forEach((p, id) => {
      const k = Number(id.slice(1));
      pose.fill(0);
      pose[0] = 0.05 * Math.sin(t / 400 + k);
      pose[1] = 1.2 + 0.01 * Math.sin(t / 900);
      pose[6] = pose[13] = pose[20] = 1;
      pose[7] = -0.2;
      pose[8] = 0.9 + 0.1 * Math.sin(t / 300 + k);
      pose[9] = -0.3;
      pose[14] = 0.2;
      pose[15] = 0.9;
      pose[16] = -0.3;
      packPose(pose, true, true, words);
      latest.set(words, p.seat * POSE_WORDS);
    });
    writer.begin();
    state.participants.forEach((p) => writer.entry(p.seat, 0, sent, p.seat * POSE_WORDS, latest, p.seat * POSE_WORDS, first));
    sent.set(latest);
    first = false;
    const bytes = Uint8Array.from(writer.finish());
    frames.forEach((f) => f(bytes));
    listeners.forEach((l) => l(state));
  };
  return { state, source, patch };
}

afterEach(() => vi.useRealTimers());

describe("following a circle's patches", () => {
  it("puts everyone in the roster once, and writes nothing to the store when only poses move", () => {
    const { source, patch } = circleOf(16);
    const store = createRoomStore();
    const circle = createCircleFrame();
    let now = 0;
    const stop = bindCircle(source, store, circle, () => now);
    expect(Object.keys(store.getState().people)).toHaveLength(16);
    expect(circle.list).toHaveLength(15);
    let writes = 0;
    store.subscribe(() => writes++);
    for (let i = 1; i <= 45; i++) {
      now = i * 67;
      patch(now);
    }
    expect(writes).toBe(0);
    // …while every remote pose buffer got every frame (and the resting pose they started with).
    for (const person of circle.list) expect(person.buffer.size).toBe(16);
    stop();
  });

  it("updates the roster when a hand is raised, and drops people who leave", () => {
    const { state, source, patch } = circleOf(4);
    const store = createRoomStore();
    const circle = createCircleFrame();
    bindCircle(source, store, circle, () => 0);
    state.participants.get("p2")!.handRaised = true;
    state.handQueue.push("p2");
    patch(100);
    expect(store.getState().people.p2!.handRaised).toBe(true);
    expect(store.getState().handQueue).toEqual(["p2"]);
    state.participants.delete("p3");
    patch(200);
    expect(store.getState().people.p3).toBeUndefined();
    expect(circle.people.has("p3")).toBe(false);
  });
});

describe("the circle's scene while 16 people move", () => {
  it("renders once, never again per patch, and moves the avatars in place", async () => {
    const { source, patch } = circleOf(16);
    const store = createRoomStore();
    const circle = createCircleFrame();
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const stop = bindCircle(source, store, circle, () => now);
    let commits = 0;
    const renderer = await ReactThreeTestRenderer.create(
      <Profiler id="circle" onRender={() => commits++}>
        <CircleWorld circle={circle}>
          <Avatars circle={circle} />
          <Billboards circle={circle} store={store} />
          <TalkingPiece circle={circle} me="p0" />
        </CircleWorld>
      </Profiler>,
    );
    await renderer.advanceFrames(2, 1 / 60);
    const afterMount = commits;
    const heads = renderer.scene.instance.getObjectByName("avatar-heads") as InstancedMesh;
    const headAt = (i: number) => new Vector3().setFromMatrixPosition(new Matrix4().fromArray(heads.instanceMatrix.array, i * 16));
    const before = headAt(3);
    for (let i = 1; i <= 30; i++) {
      now = 1000 + i * 67;
      patch(now);
      await renderer.advanceFrames(2, 1 / 60);
    }
    expect(commits).toBe(afterMount);
    expect(heads.count).toBe(15);
    // They did move: the head of the fourth avatar is somewhere else now.
    expect(headAt(3).distanceTo(before)).toBeGreaterThan(0.005);
    await renderer.unmount();
    stop();
  });
});
