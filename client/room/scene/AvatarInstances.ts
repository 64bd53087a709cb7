import { CapsuleGeometry, Color, InstancedMesh, SphereGeometry, Vector3, type Camera, type InstancedBufferAttribute, type Object3D, type ShaderMaterial } from "three";
import { seatPlacement } from "../../../core/circle";
import { HEAD, LEFT, POSE_FLOATS, RIGHT } from "../../../core/pose";
import { LOOKS, MAX_SEATS } from "../../../core/protocol";
import type { CircleFrame } from "../circleFrame";
import { addGlow, addOpacity, createAvatarMaterial } from "./avatarMaterial";
import { LOOK_COLOURS } from "../looks";

/** Heads and hands closer than this to the viewer's head fade out completely, m. */
export const BUBBLE_INNER = 0.45;
/** ...and start fading here (the personal-space bubble, ~0.6 m). */
export const BUBBLE_OUTER = 0.6;
/** How fast the speaking glow eases in and out, 1/s. */
const GLOW_RATE = 5;
/** Opacity of someone who stepped away or is reconnecting. */
const DIM = 0.35;

// Scratch, reused every frame: nothing below allocates per frame.
const pose = new Float32Array(POSE_FLOATS);
const world = new Float64Array(3);
const placement = { x: 0, z: 0, yaw: 0 };
const viewer = new Vector3();
const colour = new Color();

/** The rotation being placed (x, y, z, w). */
const rot = new Float64Array(4);

/** A rotation-and-translation matrix (`rot` at `world`, scale 1) into `out[at..at+15]`, as three.js' Matrix4.compose writes it. */
function writeMatrix(out: Float32Array, at: number): void {
  const x = rot[0]!, y = rot[1]!, z = rot[2]!, w = rot[3]!;
  const x2 = x + x, y2 = y + y, z2 = z + z;
  const xx = x * x2, xy = x * y2, xz = x * z2;
  const yy = y * y2, yz = y * z2, zz = z * z2;
  const wx = w * x2, wy = w * y2, wz = w * z2;
  out[at] = 1 - (yy + zz);
  out[at + 1] = xy + wz;
  out[at + 2] = xz - wy;
  out[at + 3] = 0;
  out[at + 4] = xy - wz;
  out[at + 5] = 1 - (xx + zz);
  out[at + 6] = yz + wx;
  out[at + 7] = 0;
  out[at + 8] = xz + wy;
  out[at + 9] = yz - wx;
  out[at + 10] = 1 - (xx + yy);
  out[at + 11] = 0;
  out[at + 12] = world[0]!;
  out[at + 13] = world[1]!;
  out[at + 14] = world[2]!;
  out[at + 15] = 1;
}

/** This frame's time, ms, for the pose buffers (a typed array: a double passed to a call that is not inlined is boxed). */
const clock = new Float64Array(1);

/** Fade of the point in `world` for the viewer's head at `viewer` (reads its doubles from objects, takes none). */
function fade(): number {
  const dx = world[0]! - viewer.x;
  const dy = world[1]! - viewer.y;
  const dz = world[2]! - viewer.z;
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return d <= BUBBLE_INNER ? 0 : d >= BUBBLE_OUTER ? 1 : (d - BUBBLE_INNER) / (BUBBLE_OUTER - BUBBLE_INNER);
}


/**
 * Everyone else in the circle as a calm, simple figure: a head, a soft body under it and two
 * hands, in their look's colours. Three instanced meshes for the whole circle, so draw calls do
 * not grow with the number of people. `update` runs once per frame: poses come from each
 * person's `PoseBuffer` (150 ms behind the newest patch), turned from their seat's frame into the
 * circle's, and every matrix, colour and fade is written in place — nothing is allocated.
 */
export class AvatarInstances {
  readonly heads: InstancedMesh;
  readonly bodies: InstancedMesh;
  readonly hands: InstancedMesh;
  readonly meshes: readonly InstancedMesh[];
  private readonly material: ShaderMaterial;
  private readonly opacity: { heads: InstancedBufferAttribute; bodies: InstancedBufferAttribute; hands: InstancedBufferAttribute };
  private coloured = -1;
  /** the heads' speaking glow (bodies and hands keep 0) */
  private readonly glow: InstancedBufferAttribute;
  private lastNow = -1;

  constructor(private readonly circle: CircleFrame) {
    this.material = createAvatarMaterial();
    this.heads = new InstancedMesh(new SphereGeometry(0.11, 24, 16).scale(1, 1.15, 1.05), this.material, MAX_SEATS);
    this.bodies = new InstancedMesh(new CapsuleGeometry(0.17, 0.3, 6, 16).scale(1, 1, 0.7), this.material, MAX_SEATS);
    this.hands = new InstancedMesh(new SphereGeometry(0.045, 16, 12).scale(1, 0.8, 1.3), this.material, MAX_SEATS * 2);
    this.heads.name = "avatar-heads";
    this.bodies.name = "avatar-bodies";
    this.hands.name = "avatar-hands";
    this.meshes = [this.heads, this.bodies, this.hands];
    for (const mesh of this.meshes) {
      // Colours must exist before the first draw: the shader reads instanceColor.
      for (let i = 0; i < mesh.instanceMatrix.count; i++) mesh.setColorAt(i, colour.set("#ffffff"));
      mesh.count = 0;
      mesh.frustumCulled = false;
    }
    this.opacity = { heads: addOpacity(this.heads, MAX_SEATS), bodies: addOpacity(this.bodies, MAX_SEATS), hands: addOpacity(this.hands, MAX_SEATS * 2) };
    this.glow = addGlow(this.heads, MAX_SEATS);
    addGlow(this.bodies, MAX_SEATS);
    addGlow(this.hands, MAX_SEATS * 2);
  }

  /** Place everyone for local time `now`; `frame` is the object holding the meshes (the circle's frame). */
  update(now: number, camera: Camera, frame: Object3D): void {
    const { heads, bodies, hands, opacity, circle } = this;
    const list = circle.list;
    if (this.coloured !== circle.version) {
      this.coloured = circle.version;
      for (let i = 0; i < list.length; i++) {
        const look = LOOK_COLOURS[LOOKS[list[i]!.look] ?? "sage"];
        heads.setColorAt(i, colour.set(look.main));
        bodies.setColorAt(i, colour.set(look.main).multiplyScalar(0.85));
        hands.setColorAt(2 * i, colour.set(look.hands));
        hands.setColorAt(2 * i + 1, colour);
      }
      for (const mesh of this.meshes) if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
    // The speaking glow eases towards each person's flag (a soft change, never a blink).
    const step = this.lastNow < 0 ? 1 : Math.min(1, ((now - this.lastNow) / 1000) * GLOW_RATE);
    this.lastNow = now;
    const glow = this.glow;
    const glows = glow.array as Float32Array;
    let glowing = false;
    for (let i = 0; i < list.length; i++) {
      const current = glows[i]!;
      const target = list[i]!.speaking && !list[i]!.hidden ? 1 : 0;
      if (current === target) continue;
      glows[i] = Math.abs(target - current) < 0.01 ? target : current + (target - current) * step;
      glowing = true;
    }
    for (let i = list.length; i < MAX_SEATS && glows[i] !== 0; i++) {
      glows[i] = 0;
      glowing = true;
    }
    if (glowing) glow.needsUpdate = true;
    // The viewer's head in the circle's frame, for the personal-space bubble.
    camera.getWorldPosition(viewer);
    frame.worldToLocal(viewer);
    clock[0] = now;
    // Matrices and opacities are written straight into the instance arrays, the maths written out:
    // a double passed to a call that is not inlined is boxed, and this runs for every person every frame.
    const headM = heads.instanceMatrix.array as Float32Array;
    const bodyM = bodies.instanceMatrix.array as Float32Array;
    const handM = hands.instanceMatrix.array as Float32Array;
    const headO = opacity.heads.array as Float32Array;
    const bodyO = opacity.bodies.array as Float32Array;
    const handO = opacity.hands.array as Float32Array;
    for (let i = 0; i < list.length; i++) {
      const person = list[i]!;
      const at = person.at;
      person.tracked = Math.max(0, person.buffer.sampleAt(clock, pose));
      seatPlacement(person.seat, circle.places, placement);
      // The seat's frame to the circle's (core/circle seatToWorld), and its heading as a quaternion about +y.
      const c = Math.cos(placement.yaw);
      const sn = Math.sin(placement.yaw);
      const ys = Math.sin(placement.yaw / 2);
      const yc = Math.cos(placement.yaw / 2);
      const base = person.hidden ? 0 : person.dim ? DIM : 1;
      for (let part = 0; part < 3; part++) {
        const o = part === 0 ? HEAD : part === 1 ? LEFT : RIGHT;
        world[0] = placement.x + c * pose[o]! + sn * pose[o + 2]!;
        world[1] = pose[o + 1]!;
        world[2] = placement.z - sn * pose[o]! + c * pose[o + 2]!;
        at[part * 3] = world[0]!;
        at[part * 3 + 1] = world[1]!;
        at[part * 3 + 2] = world[2]!;
        // heading · pose rotation
        const bx = pose[o + 3]!, by = pose[o + 4]!, bz = pose[o + 5]!, bw = pose[o + 6]!;
        rot[0] = yc * bx + ys * bz;
        rot[1] = ys * bw + yc * by;
        rot[2] = yc * bz - ys * bx;
        rot[3] = yc * bw - ys * by;
        const near = circle.bubble ? fade() : 1;
        if (part === 0) {
          writeMatrix(headM, i * 16);
          headO[i] = base * near;
          // The body hangs under the head and turns with its heading only (it does not nod).
          const len = Math.sqrt(by * by + bw * bw) || 1;
          const hy = by / len, hw = bw / len;
          rot[0] = 0;
          rot[1] = ys * hw + yc * hy;
          rot[2] = 0;
          rot[3] = yc * hw - ys * hy;
          world[1] = Math.max(0.74, world[1]! - 0.42);
          writeMatrix(bodyM, i * 16);
          bodyO[i] = base * near;
        } else {
          writeMatrix(handM, (2 * i + part - 1) * 16);
          handO[2 * i + part - 1] = base * near;
        }
      }
    }
    heads.count = bodies.count = list.length;
    hands.count = list.length * 2;
    for (const mesh of this.meshes) mesh.instanceMatrix.needsUpdate = true;
    opacity.heads.needsUpdate = opacity.bodies.needsUpdate = opacity.hands.needsUpdate = true;
  }

  dispose(): void {
    this.material.dispose();
    for (const mesh of this.meshes) mesh.geometry.dispose();
  }
}
