import { CapsuleGeometry, Color, InstancedMesh, Matrix4, Quaternion, SphereGeometry, Vector3, type Camera, type InstancedBufferAttribute, type Object3D, type ShaderMaterial } from "three";
import { seatPlacement, seatToWorld } from "../../../core/circle";
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
const world = [0, 0, 0];
const placement = { x: 0, z: 0, yaw: 0 };
const m = new Matrix4();
const q = new Quaternion();
const yawQ = new Quaternion();
const p = new Vector3();
const s = new Vector3();
const viewer = new Vector3();
const up = new Vector3(0, 1, 0);
const colour = new Color();

const fade = (dx: number, dy: number, dz: number) => {
  const d = Math.hypot(dx, dy, dz);
  return d <= BUBBLE_INNER ? 0 : d >= BUBBLE_OUTER ? 1 : (d - BUBBLE_INNER) / (BUBBLE_OUTER - BUBBLE_INNER);
};


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
    let glowing = false;
    for (let i = 0; i < list.length; i++) {
      const current = glow.getX(i);
      const target = list[i]!.speaking && !list[i]!.hidden ? 1 : 0;
      if (current === target) continue;
      const next = Math.abs(target - current) < 0.01 ? target : current + (target - current) * step;
      glow.setX(i, next);
      glowing = true;
    }
    for (let i = list.length; i < MAX_SEATS && glow.getX(i) !== 0; i++) {
      glow.setX(i, 0);
      glowing = true;
    }
    if (glowing) glow.needsUpdate = true;
    // The viewer's head in the circle's frame, for the personal-space bubble.
    camera.getWorldPosition(viewer);
    frame.worldToLocal(viewer);
    for (let i = 0; i < list.length; i++) {
      const person = list[i]!;
      const at = person.at;
      person.tracked = Math.max(0, person.buffer.sample(now, pose));
      seatPlacement(person.seat, circle.places, placement);
      yawQ.setFromAxisAngle(up, placement.yaw);
      const base = person.hidden ? 0 : person.dim ? DIM : 1;
      for (let part = 0; part < 3; part++) {
        const o = part === 0 ? HEAD : part === 1 ? LEFT : RIGHT;
        seatToWorld(placement, pose[o]!, pose[o + 1]!, pose[o + 2]!, world);
        at[part * 3] = world[0]!;
        at[part * 3 + 1] = world[1]!;
        at[part * 3 + 2] = world[2]!;
        q.set(pose[o + 3]!, pose[o + 4]!, pose[o + 5]!, pose[o + 6]!).premultiply(yawQ);
        p.set(world[0]!, world[1]!, world[2]!);
        m.compose(p, q, s.set(1, 1, 1));
        const near = circle.bubble ? fade(world[0]! - viewer.x, world[1]! - viewer.y, world[2]! - viewer.z) : 1;
        if (part === 0) {
          heads.setMatrixAt(i, m);
          opacity.heads.setX(i, base * near);
          // The body hangs under the head and turns with its heading only (it does not nod).
          q.set(0, pose[o + 4]!, 0, pose[o + 6]!).normalize().premultiply(yawQ);
          p.y = Math.max(0.74, world[1]! - 0.42);
          m.compose(p, q, s);
          bodies.setMatrixAt(i, m);
          opacity.bodies.setX(i, base * near);
        } else {
          hands.setMatrixAt(2 * i + part - 1, m);
          opacity.hands.setX(2 * i + part - 1, base * near);
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
