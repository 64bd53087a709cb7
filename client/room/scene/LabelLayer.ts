import { InstancedBufferAttribute, InstancedMesh, Matrix4, PlaneGeometry, ShaderMaterial } from "three";
import { REACTIONS, type Reaction } from "../../../core/protocol";
import type { CircleFrame } from "../circleFrame";
import { presenceWords } from "../presence";
import { REACTION_MS, type FloatingReaction, type RoomState } from "../roomStore";
import { ATLAS_SIZE, LABEL_ASPECT, LabelAtlas, SLOTS, SLOT_H, SLOT_W } from "./labelAtlas";

/** Reactions shown at once, at most. */
const MAX_REACTIONS = 16;
/** Instances: one label per seat slot, then the reactions. */
const INSTANCES = SLOTS - REACTIONS.length + MAX_REACTIONS;
/** Label centre above the head, m. */
const LABEL_RISE = 0.3;
const reactionSlot = (kind: Reaction) => SLOTS - REACTIONS.length + REACTIONS.indexOf(kind);

function createMaterial(atlas: LabelAtlas): ShaderMaterial {
  return new ShaderMaterial({
    transparent: true,
    depthWrite: false,
    uniforms: { uAtlas: { value: atlas.texture }, uSlotSize: { value: [SLOT_W / ATLAS_SIZE, SLOT_H / ATLAS_SIZE] }, uAspect: { value: LABEL_ASPECT } },
    vertexShader: /* glsl */ `
      attribute vec2 aSlot;
      attribute float aAlpha;
      uniform vec2 uSlotSize;
      uniform float uAspect;
      varying vec2 vUv;
      varying float vAlpha;
      void main() {
        vec4 centre = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
        // Same apparent size near and far (about 2.5° tall), never smaller than readable up close.
        float h = max(0.1, -centre.z * 0.045);
        centre.xy += position.xy * vec2(h * uAspect, h);
        vUv = aSlot + uv * uSlotSize;
        vAlpha = aAlpha;
        gl_Position = projectionMatrix * centre;
      }
    `,
    fragmentShader: /* glsl */ `
      uniform sampler2D uAtlas;
      varying vec2 vUv;
      varying float vAlpha;
      void main() {
        vec4 c = texture2D(uAtlas, vUv);
        c.a *= vAlpha;
        if (c.a < 0.02) discard;
        gl_FragColor = c;
      }
    `,
  });
}

/** The label text of everyone seated, keyed by a string that changes when the label must be redrawn. */
function labelKey(state: RoomState, id: string): string {
  const person = state.people[id];
  return person ? `${person.pseudonym}\u0000${presenceWords(person, state).join(" · ")}` : "";
}

/**
 * Name labels above everyone's head (facing the viewer, the same apparent size near and far) and
 * reactions floating up above the sender for a few seconds, all from one atlas in one draw call.
 * `redraw` runs when what labels say changes (the store); `update` places them every frame.
 */
export class LabelLayer {
  readonly mesh: InstancedMesh;
  private readonly atlas = new LabelAtlas();
  private readonly material: ShaderMaterial;
  private readonly slot: InstancedBufferAttribute;
  private readonly alpha: InstancedBufferAttribute;
  /** person id → atlas slot, and what it last showed */
  private readonly slots = new Map<string, { slot: number; key: string }>();

  constructor(private readonly circle: CircleFrame) {
    for (const kind of REACTIONS) this.atlas.drawReaction(reactionSlot(kind), kind);
    this.material = createMaterial(this.atlas);
    this.mesh = new InstancedMesh(new PlaneGeometry(1, 1), this.material, INSTANCES);
    this.slot = new InstancedBufferAttribute(new Float32Array(INSTANCES * 2), 2);
    this.alpha = new InstancedBufferAttribute(new Float32Array(INSTANCES), 1);
    this.mesh.geometry.setAttribute("aSlot", this.slot);
    this.mesh.geometry.setAttribute("aAlpha", this.alpha);
    this.mesh.name = "circle-labels";
    this.mesh.count = 0;
    this.mesh.frustumCulled = false;
    this.mesh.renderOrder = 5;
  }

  /** Redraw the labels whose words changed; `force` redraws all (the font has loaded). */
  redraw(state: RoomState, force = false): void {
    const { atlas, slots } = this;
    const free = new Set<number>();
    for (let i = 0; i < SLOTS - REACTIONS.length; i++) free.add(i);
    for (const [id, entry] of slots) {
      if (!state.people[id]) slots.delete(id);
      else free.delete(entry.slot);
    }
    for (const id in state.people) {
      if (id === state.me) continue;
      const key = labelKey(state, id);
      let entry = slots.get(id);
      if (!entry) {
        const next = free.values().next();
        if (next.done) continue;
        free.delete(next.value);
        entry = { slot: next.value, key: "" };
        slots.set(id, entry);
      }
      if (entry.key === key && !force) continue;
      entry.key = key;
      const person = state.people[id]!;
      atlas.draw(entry.slot, { title: person.pseudonym, status: presenceWords(person, state).join(" · "), accent: person.handRaised || state.pieceHolder === id });
    }
  }

  /** Place labels and reactions for local time `now` (allocation-free). */
  update(now: number, reactions: readonly FloatingReaction[]): void {
    const { mesh, slot, alpha, slots, circle } = this;
    const list = circle.list;
    const uv = slot.array as Float32Array;
    const a = alpha.array as Float32Array;
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const person = list[i]!;
      const entry = slots.get(person.id);
      if (!entry) continue;
      m.makeTranslation(person.at[0]!, person.at[1]! + LABEL_RISE, person.at[2]!);
      mesh.setMatrixAt(n, m);
      LabelAtlas.uv(entry.slot, uv, n * 2);
      a[n] = person.hidden ? 0 : person.dim ? 0.6 : 1;
      n++;
    }
    for (let i = 0; i < reactions.length && n < INSTANCES; i++) {
      const r = reactions[i]!;
      const person = circle.people.get(r.from);
      const age = (now - r.at) / REACTION_MS;
      if (!person || person.hidden || age >= 1) continue;
      m.makeTranslation(person.at[0]!, person.at[1]! + LABEL_RISE + 0.15 + age * 0.35, person.at[2]!);
      mesh.setMatrixAt(n, m);
      LabelAtlas.uv(reactionSlot(r.kind), uv, n * 2);
      // Fade in quickly, hold, fade out over the last third.
      a[n] = Math.min(1, age * 8, (1 - age) * 3);
      n++;
    }
    mesh.count = n;
    mesh.instanceMatrix.needsUpdate = true;
    slot.needsUpdate = true;
    alpha.needsUpdate = true;
  }

  dispose(): void {
    this.atlas.dispose();
    this.material.dispose();
    this.mesh.geometry.dispose();
  }
}

const m = new Matrix4();
