import { encode } from "@colyseus/schema";
import { Protocol } from "@colyseus/core";
import { Packr, RESERVE_START_SPACE } from "msgpackr";
import WebSocket from "ws";
import { packPose } from "../../core/pose";
import { downFrame, upFrame, type BenchClient } from "./BenchClient";
import { SendRing, rings } from "./latency";

/**
 * A lightweight Colyseus 0.18 client for scale: it joins through the matchmaker like @colyseus/sdk
 * (`POST /matchmake/joinOrCreate/<room>`, then the WebSocket at `/<processId>/<roomId>?sessionId=`, on the
 * seat's public address when the room lives on another process),
 * acknowledges JOIN_ROOM, and sends `pose` as the SDK does (ROOM_DATA, the type as a string,
 * the payload in msgpack), byte for byte. What it leaves out: it never decodes the state or its
 * patches (it only counts their bytes), has no reconnection, and answers no requests. Observers that
 * need the decoded state use the real SDK (see SdkObserver).
 */
export class ColyseusBot implements BenchClient {
  bytesDown = 0;
  bytesUp = 0;
  msgsDown = 0;
  sends = 0;
  closeCode: number | undefined;
  /** when the last state patch arrived, performance.now() ms (0 before the first) */
  lastPatchAt = 0;
  private readonly packr = new Packr();
  private readonly header: Uint8Array;
  private readonly words = new Uint32Array(6);
  private readonly wordList = [0, 0, 0, 0, 0, 0];
  private readonly floatList = new Array<number>(21).fill(0);
  private readonly ring = new SendRing();

  private constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly encoding: Encoding,
  ) {
    const h = new Uint8Array(16);
    const it = { offset: 1 };
    h[0] = Protocol.ROOM_DATA;
    encode.string(h as unknown as Buffer, "pose", it);
    this.header = h.subarray(0, it.offset);
    rings.set(id, this.ring);
    ws.on("message", (data: Buffer) => {
      this.bytesDown += downFrame(data.length);
      this.msgsDown++;
      if (data[0] === Protocol.ROOM_STATE_PATCH) this.lastPatchAt = performance.now();
    });
    ws.once("close", (code) => (this.closeCode = code));
  }

  /** Join `room` with `options` on the server at 127.0.0.1:`port`. */
  static async join(port: number, room: string, options: object, encoding: Encoding): Promise<ColyseusBot> {
    const res = await fetch(`http://127.0.0.1:${port}/matchmake/joinOrCreate/${room}`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(options),
    });
    const seat = (await res.json()) as { sessionId?: string; roomId?: string; processId?: string; publicAddress?: string; error?: string; code?: number };
    if (!res.ok || !seat.sessionId) throw new Error(`matchmaking refused (${res.status}): ${JSON.stringify(seat)}`);
    // Several processes on one Redis: the seat may be in a room on another process, reached at its public address (as the SDK does).
    const host = seat.publicAddress ?? `127.0.0.1:${port}`;
    const ws = new WebSocket(`ws://${host}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no JOIN_ROOM within 30 s")), 30_000);
      ws.once("message", (data: Buffer) => {
        clearTimeout(timer);
        if (data[0] !== Protocol.JOIN_ROOM) return reject(new Error(`expected JOIN_ROOM, got ${data[0]}`));
        ws.send(Uint8Array.of(Protocol.JOIN_ROOM));
        resolve();
      });
      ws.once("close", (code) => reject(new Error(`closed (${code}) while joining`)));
      ws.once("error", reject);
    });
    return new ColyseusBot(seat.sessionId, ws, encoding);
  }

  sendPose(pose: Float64Array, now: number): void {
    let payload: number[];
    if (this.encoding === "packed") {
      packPose(pose, true, true, this.words);
      for (let i = 0; i < 6; i++) this.wordList[i] = this.words[i]!;
      payload = this.wordList;
      this.ring.sent(this.words[1]!, now);
    } else {
      for (let i = 0; i < 21; i++) this.floatList[i] = pose[i]!;
      payload = this.floatList;
      this.ring.sent(Math.fround(pose[3]!), now);
    }
    this.sendMessage(payload);
  }

  /** Send one `pose` message with this payload as it is (also used to flood). */
  sendMessage(payload: unknown): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const n = this.header.length;
    const frame = this.packr.pack(payload, RESERVE_START_SPACE | n);
    frame.set(this.header, 0);
    // A copy: packr reuses its buffer, and ws may still hold this one while the socket drains.
    this.ws.send(Buffer.from(frame));
    this.bytesUp += upFrame(frame.length);
    this.sends++;
  }

  close(): void {
    rings.delete(this.id);
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(Uint8Array.of(Protocol.LEAVE_ROOM));
      this.ws.close(4000);
    } else if (this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.terminate();
    }
  }
}

/** How the pose travels: our six packed uint32 words, or the naive baseline's 21 floats. */
export type Encoding = "packed" | "float32";
