/** What every bench client, whatever system it speaks to, reports and does. */
export interface BenchClient {
  /** the id other clients see it by (Colyseus sessionId, socket.io id) */
  readonly id: string;
  /** WebSocket bytes received / sent, payload + frame header (TCP/IP not counted) */
  bytesDown: number;
  bytesUp: number;
  msgsDown: number;
  sends: number;
  /** close code once the server closed it */
  closeCode: number | undefined;
  /** Send this pose (21 floats, seat frame: head, left hand, right hand; position + quaternion) now. */
  sendPose(pose: Float64Array, now: number): void;
  /** Leave and close. */
  close(): void;
}

/** Bytes a server→client WebSocket frame of `n` payload bytes takes (unmasked). */
export const downFrame = (n: number): number => n + (n <= 125 ? 2 : n <= 65535 ? 4 : 10);
/** Bytes a client→server WebSocket frame of `n` payload bytes takes (masked: +4). */
export const upFrame = (n: number): number => downFrame(n) + 4;
