import { Protocol, type Client } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { POSE_FRAME_TYPE, POSE_WORDS, PoseFrameReader, REST_POSE } from "../../core/pose";
import { CircleState, Participant } from "../../server/rooms/CircleState";
import { PoseRelay } from "../../server/rooms/PoseRelay";

/** A connection as the relay sees it: what it was sent, read as a client reads pose frames. */
class FakeClient {
  readonly reader = new PoseFrameReader();
  frames = 0;
  constructor(readonly sessionId: string) {}
  /** Colyseus' ROOM_DATA_BYTES frame: code, type (one byte), payload. */
  enqueueRaw(data: Uint8Array): void {
    expect(data[0]).toBe(Protocol.ROOM_DATA_BYTES);
    expect(data[1]).toBe(POSE_FRAME_TYPE);
    this.read(data.subarray(2));
  }
  sendBytes(type: number, bytes: Uint8Array): void {
    expect(type).toBe(POSE_FRAME_TYPE);
    this.read(bytes);
  }
  private read(bytes: Uint8Array): void {
    this.frames++;
    expect(this.reader.read(bytes, { pose: () => undefined })).toBeGreaterThan(0);
  }
  poseOf(seat: number): number[] | undefined {
    return this.reader.has(seat) ? Array.from(this.reader.words.subarray(seat * POSE_WORDS, (seat + 1) * POSE_WORDS)) : undefined;
  }
}

function room() {
  const state = new CircleState();
  const clients: FakeClient[] = [];
  const relay = new PoseRelay(state, clients as unknown as Client[], () => 0);
  const seat = (id: string, n: number) => {
    const p = new Participant();
    p.seat = n;
    state.participants.set(id, p);
    const c = new FakeClient(id);
    clients.push(c);
    return c;
  };
  return { state, clients, relay, seat };
}

const pose = (k: number) => [k, k + 1, k + 2, k + 3, k + 4, k + 5];

describe("PoseRelay", () => {
  it("sends what changed to everyone seated, nothing to the waiting area, and nothing when nobody moved", () => {
    const { clients, relay, seat } = room();
    const a = seat("a", 0);
    const b = seat("b", 3);
    const waiting = new FakeClient("w");
    clients.push(waiting);
    relay.flush(); // primes a and b (nothing to catch up on yet)
    relay.set("a", 0, pose(10));
    relay.flush();
    expect(b.poseOf(0)).toEqual(pose(10));
    expect(a.poseOf(0)).toEqual(pose(10));
    relay.set("a", 0, pose(11));
    relay.flush();
    expect(b.poseOf(0)).toEqual(pose(11));
    const frames = b.frames;
    relay.flush();
    relay.set("a", 0, pose(11)); // the same words again
    relay.flush();
    expect(b.frames).toBe(frames);
    expect(waiting.frames).toBe(0);
    expect(b.poseOf(3)).toBeUndefined();
  });

  it("catches up anyone newly seated (or back on a new connection) with everyone's pose, then goes on with differences", () => {
    const { state, clients, relay, seat } = room();
    seat("a", 0);
    relay.flush();
    relay.set("a", 0, pose(20));
    relay.flush();
    relay.set("a", 0, pose(21));
    relay.flush();
    // Someone waiting is let in: their first frame is a catch-up with a's pose as it stands.
    const late = new FakeClient("late");
    clients.push(late);
    relay.flush();
    expect(late.frames).toBe(0);
    const p = new Participant();
    p.seat = 1;
    state.participants.set("late", p);
    relay.flush();
    expect(late.poseOf(0)).toEqual(pose(21));
    relay.set("a", 0, pose(22));
    relay.flush();
    expect(late.poseOf(0)).toEqual(pose(22));
    // Back after a dropped connection: a new connection object gets its own catch-up.
    const again = new FakeClient("late");
    clients.splice(clients.indexOf(late), 1, again);
    relay.flush();
    expect(again.poseOf(0)).toEqual(pose(22));
  });

  it("a new person in a seat starts whole; someone who left is no longer sent or caught up", () => {
    const { state, relay, seat } = room();
    const a = seat("a", 0);
    seat("b", 2);
    relay.flush();
    relay.set("b", 2, pose(30));
    relay.flush();
    expect(a.poseOf(2)).toEqual(pose(30));
    state.participants.delete("b");
    relay.flush();
    // c takes seat 2: whole words, whatever a held for b.
    seat("c", 2);
    relay.set("c", 2, pose(31));
    relay.flush();
    expect(a.poseOf(2)).toEqual(pose(31));
    expect(relay.wordsOf("c")).toEqual(pose(31));
    expect(relay.wordsOf("b")).toBeUndefined();
    // Seated but never sent a pose: resting.
    seat("d", 4);
    expect(relay.wordsOf("d")).toEqual([...REST_POSE]);
  });
});
