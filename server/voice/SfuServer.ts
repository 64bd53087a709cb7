import { randomBytes } from "node:crypto";
import type { VoiceFloor } from "../rooms/VoiceFloor";
import { JanusClient } from "./JanusClient";
import { JanusRooms } from "./JanusRooms";
import { SfuCircle, type SfuHost } from "./SfuCircle";

/** Where Janus is and the key its VideoRoom plugin wants for creating rooms (JANUS_URL, JANUS_ADMIN_KEY). */
export interface JanusSettings {
  /** ws:// or wss:// address of Janus' WebSocket transport */
  url: string;
  /** the VideoRoom plugin's `admin_key`; "" if Janus has none (then anyone reaching Janus could create rooms) */
  adminKey: string;
}

/**
 * This process's one connection to Janus, opened when the first circle needs it and again after it
 * was lost. Each circle gets its own VideoRoom (`SfuCircle`); a circle that cannot reach Janus
 * carries its voices in the mesh instead (see `open`).
 */
export class SfuServer {
  private connection: Promise<{ janus: JanusClient; rooms: JanusRooms }> | null = null;

  constructor(readonly settings: JanusSettings) {}

  /**
   * A Janus room for one circle, following `floor`; null (with one line in the log, nothing
   * about the circle) when Janus cannot be reached, and the circle then uses the mesh.
   */
  async open(floor: VoiceFloor, seats: number, host: SfuHost): Promise<SfuCircle | null> {
    try {
      const { janus, rooms } = await this.connect();
      return await SfuCircle.open(janus, rooms, `circle-${randomBytes(12).toString("base64url")}`, seats, floor, host);
    } catch (error) {
      console.error(`voice: Janus unavailable (${(error as Error).message}); this circle uses peer-to-peer voice`);
      return null;
    }
  }

  close(): void {
    void this.connection?.then(({ janus }) => janus.close(), () => {});
    this.connection = null;
  }

  private connect(): Promise<{ janus: JanusClient; rooms: JanusRooms }> {
    if (!this.connection) {
      const pending = (async () => {
        const janus = await JanusClient.connect(this.settings.url, () => {
          if (this.connection === pending) this.connection = null;
        });
        return { janus, rooms: new JanusRooms(janus, await janus.attach(), this.settings.adminKey) };
      })();
      this.connection = pending;
      pending.catch(() => {
        if (this.connection === pending) this.connection = null;
      });
    }
    return this.connection;
  }
}
