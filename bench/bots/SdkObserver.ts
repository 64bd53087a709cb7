import { Client, type Room } from "@colyseus/sdk";
import { packPose } from "../../core/pose";
import { downFrame, type BenchClient } from "./BenchClient";
import type { Encoding } from "./ColyseusBot";
import { observe } from "./latency";

type Person = Record<string, number>;

/**
 * A full @colyseus/sdk client in the circle: it moves like the bots and decodes every patch, and
 * after each one reports which of the others' head-rotation values it now holds (see latency.ts).
 * One per observed circle: the SDK decodes the whole state, which a thousand bots need not do.
 * Its bytes are not counted in the per-client figures (the SDK's upstream is not counted at all).
 */
export class SdkObserver implements BenchClient {
  bytesDown = 0;
  bytesUp = 0;
  msgsDown = 0;
  sends = 0;
  closeCode: number | undefined;
  private readonly words = new Uint32Array(6);
  private readonly seen = new Map<string, number>();

  private constructor(
    private readonly room: Room,
    private readonly encoding: Encoding,
    circle: number,
  ) {
    const ws = (room.connection.transport as unknown as { ws: WebSocket }).ws;
    ws.addEventListener("message", (e: MessageEvent<ArrayBuffer>) => {
      this.bytesDown += downFrame(e.data.byteLength);
      this.msgsDown++;
    });
    const [map, key] = encoding === "packed" ? (["participants", "hq"] as const) : (["people", "f3"] as const);
    room.onStateChange((state: Record<string, Map<string, Person>>) => {
      const t = performance.now();
      state[map]?.forEach((p, sessionId) => {
        const v = p[key]!;
        if (sessionId === room.sessionId || this.seen.get(sessionId) === v) return;
        this.seen.set(sessionId, v);
        observe(circle, sessionId, v, t);
      });
    });
    room.onLeave((code) => (this.closeCode = code));
  }

  get id(): string {
    return this.room.sessionId;
  }

  static async join(port: number, roomName: string, options: object, encoding: Encoding, circle: number): Promise<SdkObserver> {
    const client = new Client(`ws://127.0.0.1:${port}`);
    return new SdkObserver(await client.joinOrCreate(roomName, options), encoding, circle);
  }

  sendPose(pose: Float64Array): void {
    if (this.encoding === "packed") {
      packPose(pose, true, true, this.words);
      this.room.send("pose", Array.from(this.words));
    } else {
      this.room.send("pose", Array.from(pose));
    }
    this.sends++;
  }

  close(): void {
    void this.room.leave().catch(() => {});
  }
}
