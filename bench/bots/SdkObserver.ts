import { Client, type Room } from "@colyseus/sdk";
import { FRAME_SEATS, POSE_FRAME_TYPE, PoseFrameReader, packPose, type PoseSink } from "../../core/pose";
import { downFrame, type BenchClient } from "./BenchClient";
import type { Encoding } from "./ColyseusBot";
import { observe } from "./latency";

type Person = Record<string, number>;

/**
 * A full @colyseus/sdk client in the circle: it moves like the bots and decodes every patch and
 * (ours) every pose frame, and after each one reports which of the others' head-rotation values it
 * now holds (see latency.ts). Ours: pose frames read as the app reads them (core/pose
 * PoseFrameReader), people found by seat from the state; the naive room: its state's fields.
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
    if (encoding === "packed") {
      const reader = new PoseFrameReader();
      const bySeat = new Array<string | undefined>(FRAME_SEATS);
      room.onStateChange((state: { participants?: Map<string, { seat: number }> }) => {
        bySeat.fill(undefined);
        state.participants?.forEach((p, sessionId) => void (bySeat[p.seat] = sessionId));
      });
      let t = 0;
      const sink: PoseSink = {
        pose: (seat, _age, words, at) => {
          const sessionId = bySeat[seat];
          const v = words[at + 1]!;
          if (!sessionId || sessionId === room.sessionId || this.seen.get(sessionId) === v) return;
          this.seen.set(sessionId, v);
          observe(circle, sessionId, v, t);
        },
      };
      room.onMessage(POSE_FRAME_TYPE, (bytes: Uint8Array) => {
        t = performance.now();
        reader.read(bytes, sink);
      });
    } else {
      room.onStateChange((state: Record<string, Map<string, Person>>) => {
        const t = performance.now();
        state.people?.forEach((p, sessionId) => {
          const v = p.f3!;
          if (sessionId === room.sessionId || this.seen.get(sessionId) === v) return;
          this.seen.set(sessionId, v);
          observe(circle, sessionId, v, t);
        });
      });
    }
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
