import { HEAD, LEFT, POSE_FLOATS, POSE_WORDS, RIGHT, packPose } from "../../core/pose";
import { POSE_HZ } from "../../core/protocol";

/** Where the viewer's own seat is in the scene: the floor point under the anchor and its heading. */
export interface Viewer {
  x: number;
  z: number;
  /** rad about +y */
  yaw: number;
}

/** Hands of someone on a screen: resting in the lap, in the seat's frame (m), and not tracked. */
export const LAP_LEFT = [-0.18, 0.72, -0.28] as const;
export const LAP_RIGHT = [0.18, 0.72, -0.28] as const;

/** A scene-space pose of head or hand, written by the sampler: position (m) and rotation (quaternion). */
export interface PartPose {
  px: number;
  py: number;
  pz: number;
  qx: number;
  qy: number;
  qz: number;
  qw: number;
  /** hands: whether this frame has a tracked pose */
  tracked: boolean;
}

export const createPartPose = (): PartPose => ({ px: 0, py: 0, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1, tracked: false });

/** Send interval, ms (POSE_HZ), less a little so a frame landing just early still sends. */
const INTERVAL_MS = 1000 / POSE_HZ - 4;

/**
 * Turns this person's head and hands (scene space) into the six pose words in their seat's frame
 * and sends them at most POSE_HZ times a second, and only when a word changed (a still person
 * costs nothing upstream; the room keeps their last pose). Everything is preallocated: `update`
 * runs in the frame loop and allocates nothing.
 */
export class PoseSender {
  /** the words last sent (the array passed to `send` is always this one) */
  // Started as doubles, so V8 keeps this array unboxed: a word above 2³¹ stored here allocates nothing.
  readonly words: number[] = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5].fill(0);
  private readonly next = new Uint32Array(POSE_WORDS);
  private readonly floats = new Float32Array(POSE_FLOATS);
  private lastSent = -Infinity;
  /** how many times `send` was called (for tests and the bench) */
  sent = 0;
  // This update's rotation, kept in fields so the helpers below need no closures.
  private c = 1;
  private s = 0;
  private hw = 1;
  private hy = 0;

  constructor(private readonly send: (words: number[]) => void) {}

  /**
   * Offer this frame's pose at local time `now` (ms). `left`/`right` with `tracked: false` rest
   * in the lap. Returns whether a message went out.
   */
  update(now: number, viewer: Viewer, head: PartPose, left: PartPose, right: PartPose): boolean {
    if (now - this.lastSent < INTERVAL_MS) return false;
    this.c = Math.cos(viewer.yaw);
    this.s = Math.sin(viewer.yaw);
    // The seat's heading about +y as a quaternion, inverted: q_seat = q_yaw⁻¹ · q_scene.
    this.hw = Math.cos(viewer.yaw / 2);
    this.hy = -Math.sin(viewer.yaw / 2);
    const f = this.floats;
    this.put(HEAD, head, viewer);
    if (left.tracked) this.put(LEFT, left, viewer);
    else this.lap(LEFT, LAP_LEFT);
    if (right.tracked) this.put(RIGHT, right, viewer);
    else this.lap(RIGHT, LAP_RIGHT);
    packPose(f, left.tracked, right.tracked, this.next);
    let changed = false;
    for (let i = 0; i < POSE_WORDS; i++) {
      if (this.next[i] !== this.words[i]) {
        this.words[i] = this.next[i]!;
        changed = true;
      }
    }
    if (!changed) return false;
    this.lastSent = now;
    this.sent++;
    this.send(this.words);
    return true;
  }

  /** A scene-space part into the seat's frame at float offset `o`. */
  private put(o: number, p: PartPose, viewer: Viewer): void {
    const f = this.floats;
    const dx = p.px - viewer.x;
    const dz = p.pz - viewer.z;
    f[o] = this.c * dx - this.s * dz;
    f[o + 1] = p.py;
    f[o + 2] = this.s * dx + this.c * dz;
    f[o + 3] = this.hw * p.qx + this.hy * p.qz;
    f[o + 4] = this.hw * p.qy + this.hy * p.qw;
    f[o + 5] = this.hw * p.qz - this.hy * p.qx;
    f[o + 6] = this.hw * p.qw - this.hy * p.qy;
  }

  /** An untracked hand resting in the lap, already in the seat's frame. */
  private lap(o: number, at: readonly [number, number, number]): void {
    const f = this.floats;
    f[o] = at[0];
    f[o + 1] = at[1];
    f[o + 2] = at[2];
    f[o + 3] = f[o + 4] = f[o + 5] = 0;
    f[o + 6] = 1;
  }
}
