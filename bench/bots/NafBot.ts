import { Euler, Quaternion } from "three";
import WebSocket from "ws";
import { downFrame, upFrame, type BenchClient } from "./BenchClient";
import { SendRing, observe, rings } from "./latency";

/**
 * A networked-aframe 0.14.3 client on its socket.io adapter, speaking socket.io 4's wire protocol
 * directly over a WebSocket (engine.io v4, `transport=websocket`, as socket.io-client does once it
 * has upgraded). What it sends is what NAF sends, field for field and in the same order:
 *
 * - `joinRoom { room }`, then on each newcomer a first sync (`send`, type `u`) of each entity to them;
 * - every 1/15 s (NAF's default `updateRate`), one `broadcast` of type `um` with `d` = the entities
 *   whose synced components changed, each as NAF's `createSyncData` builds it: networkId, owner,
 *   creator, lastOwnerTime, template, persistent, parent, components, isFirstSync;
 * - the head, left and right hand are three `networked` entities (NAF's tracked-controllers example:
 *   `#head-template`, `#left-hand-default-template`, `#right-hand-default-template`), children of a
 *   networked rig that does not move while seated (so it sends nothing after its first sync);
 * - position and rotation (A-Frame's degrees, YXZ) go only when they moved more than NAF's
 *   `vectorRequiresUpdate` thresholds (1 mm, 0.5°), as full doubles in JSON.
 *
 * It does not parse what it receives (it counts bytes) unless it is an observer, and answers the
 * server's engine.io pings.
 */
export class NafBot implements BenchClient {
  bytesDown = 0;
  bytesUp = 0;
  msgsDown = 0;
  sends = 0;
  closeCode: number | undefined;
  private readonly rig = networkId();
  private readonly entities: NafEntity[];
  private readonly lastOwnerTime: number;
  private readonly occupants = new Set<string>();
  private readonly ring = new SendRing();
  private readonly q = new Quaternion();
  private readonly euler = new Euler(0, 0, 0, "YXZ");

  private constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    /** circle this client observes latency in, or -1 */
    observer: number,
    serverTimeOffset: number,
  ) {
    this.lastOwnerTime = Date.now() + serverTimeOffset;
    this.entities = TEMPLATES.map((template) => ({ template, networkId: networkId(), pos: null, rot: null, first: FIRST_SYNC_EXTRA[template] }));
    rings.set(id, this.ring);
    ws.on("message", (data: Buffer) => {
      this.bytesDown += downFrame(data.length);
      this.msgsDown++;
      if (data[0] === 0x32 /* engine.io ping "2" */ && data.length === 1) return this.sendText("3");
      // `42["broadcast",` is everyone else's pose: parse it only to measure latency.
      if (data[0] === 0x34 && data[1] === 0x32 && data[4] === 0x62 /* b */) {
        if (observer >= 0) this.observe(observer, data, performance.now());
        return;
      }
      if (data.includes("occupantsChanged")) this.onOccupants(data);
    });
    ws.once("close", (code) => (this.closeCode = code));
  }

  /** Connect, join `room` and wait for connectSuccess, as NAF's socketio adapter does. */
  static async join(port: number, room: string, observer = -1, serverTimeOffset = 0): Promise<NafBot> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const id = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("socket.io connect timed out")), JOIN_TIMEOUT_MS);
      const onMessage = (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith("0")) ws.send("40");
        else if (text.startsWith("40")) {
          clearTimeout(timer);
          ws.off("message", onMessage);
          resolve((JSON.parse(text.slice(2)) as { sid: string }).sid);
        }
      };
      ws.on("message", onMessage);
      ws.once("error", reject);
      ws.once("close", (code) => reject(new Error(`closed (${code}) while connecting`)));
    });
    const bot = new NafBot(id, ws, observer, serverTimeOffset);
    const joined = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no connectSuccess in time")), JOIN_TIMEOUT_MS);
      const onMessage = (data: Buffer) => {
        if (!data.includes("connectSuccess")) return;
        clearTimeout(timer);
        ws.off("message", onMessage);
        resolve();
      };
      ws.on("message", onMessage);
    });
    bot.emit("joinRoom", { room });
    await joined;
    return bot;
  }

  sendPose(pose: Float64Array, now: number): void {
    const d: SyncData[] = [];
    for (let e = 0; e < 3; e++) {
      const entity = this.entities[e]!;
      const o = e * 7;
      const pos = { x: pose[o]!, y: pose[o + 1]!, z: pose[o + 2]! };
      this.q.set(pose[o + 3]!, pose[o + 4]!, pose[o + 5]!, pose[o + 6]!);
      this.euler.setFromQuaternion(this.q, "YXZ");
      const rot = { x: this.euler.x * RAD2DEG, y: this.euler.y * RAD2DEG, z: this.euler.z * RAD2DEG };
      const components: Record<string, unknown> = {};
      let changed = false;
      if (!entity.pos || !almostEqual(entity.pos, pos, 0.001)) {
        entity.pos = pos;
        components["0"] = pos;
        changed = true;
      }
      if (!entity.rot || !almostEqual(entity.rot, rot, 0.5)) {
        entity.rot = rot;
        components["1"] = rot;
        changed = true;
        if (e === 0) this.ring.sent(rot.x, now);
      }
      if (changed) d.push(this.syncData(entity, components, false));
    }
    if (d.length > 0) this.emit("broadcast", { from: this.id, to: undefined, type: "um", data: { d } });
  }

  close(): void {
    rings.delete(this.id);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close();
    else if (this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }

  /** NAF's createSyncData, keys in its order. */
  private syncData(entity: NafEntity, components: Record<string, unknown>, isFirstSync: boolean): SyncData {
    return {
      networkId: entity.networkId,
      owner: this.id,
      creator: this.id,
      lastOwnerTime: this.lastOwnerTime,
      template: entity.template,
      persistent: false,
      parent: this.rig,
      components,
      isFirstSync,
    };
  }

  /** A newcomer gets a full first sync of every entity (NAF's dataChannelOpen → completeSync). */
  private onOccupants(data: Buffer): void {
    const text = data.toString();
    const at = text.indexOf("[");
    if (at < 0) return;
    const [name, body] = JSON.parse(text.slice(at)) as [string, { occupants: Record<string, number> }];
    if (name !== "occupantsChanged") return;
    for (const other of Object.keys(body.occupants)) {
      if (other === this.id || this.occupants.has(other)) continue;
      this.occupants.add(other);
      for (const entity of this.entities) {
        const components: Record<string, unknown> = { "0": entity.pos ?? { x: 0, y: 0, z: 0 }, "1": entity.rot ?? { x: 0, y: 0, z: 0 }, "2": entity.first };
        this.emit("send", { from: this.id, to: other, type: "u", data: this.syncData(entity, components, true) });
      }
    }
  }

  private observe(circle: number, data: Buffer, t: number): void {
    const [, packet] = JSON.parse(data.toString("utf8", 2)) as [string, { from: string; data: { d: SyncData[] } }];
    for (const s of packet.data.d) {
      const rot = s.template === TEMPLATES[0] ? (s.components["1"] as { x: number } | undefined) : undefined;
      if (rot) observe(circle, packet.from, rot.x, t);
    }
  }

  private emit(event: string, body: unknown): void {
    this.sendText(`42${JSON.stringify([event, body])}`);
    this.sends++;
  }

  private sendText(text: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(text);
    this.bytesUp += upFrame(Buffer.byteLength(text));
  }
}

interface NafEntity {
  template: string;
  networkId: string;
  pos: Vec3 | null;
  rot: Vec3 | null;
  /** the third synced component (head colour, hand-controls state): sent in first syncs only, as it never changes here */
  first: unknown;
}

interface Vec3 {
  x: number;
  y: number;
  z: number;
}

interface SyncData {
  networkId: string;
  owner: string;
  creator: string;
  lastOwnerTime: number;
  template: string;
  persistent: boolean;
  parent: string;
  components: Record<string, unknown>;
  isFirstSync: boolean;
}

const RAD2DEG = 180 / Math.PI;
/** Generous: on a shared machine the server's core can stall for seconds. */
const JOIN_TIMEOUT_MS = 30_000;
const TEMPLATES = ["#head-template", "#left-hand-default-template", "#right-hand-default-template"] as const;
const handControls = (hand: string) => ({
  color: "white", hand, handModelStyle: "highPoly", controllerComponent: "", webxrControllerProfiles: "",
  controllerEvent: "{}", controllerModelUpdate: [], customHandModelURL: "", gesture: "open", visible: true,
});
const FIRST_SYNC_EXTRA: Record<string, unknown> = {
  [TEMPLATES[0]]: "#5a9be6",
  [TEMPLATES[1]]: handControls("left"),
  [TEMPLATES[2]]: handControls("right"),
};

/** NAF.utils.createNetworkId. */
function networkId(): string {
  return Math.random().toString(36).substring(2, 9);
}

/** NAF.utils.almostEqualVec3. */
function almostEqual(u: Vec3, v: Vec3, epsilon: number): boolean {
  return Math.abs(u.x - v.x) < epsilon && Math.abs(u.y - v.y) < epsilon && Math.abs(u.z - v.z) < epsilon;
}
