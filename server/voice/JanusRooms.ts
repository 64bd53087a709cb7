import { randomBytes } from "node:crypto";
import type { JanusClient } from "./JanusClient";

/** A circle's room in Janus' VideoRoom: audio only, locked with its own secret and a list of allowed tokens. */
export interface JanusRoom {
  /** room id (string ids: `string_ids = true`) */
  room: string;
  /** the room's secret: only our server edits, moderates or destroys it */
  secret: string;
}

/** A short-lived token a member's joins must carry (Janus `allowed`); 128 random bits. */
export const newJanusToken = () => randomBytes(16).toString("base64url");

/**
 * What our server asks of Janus for circles: create a room per session (audio only, Opus, no
 * recording, nobody in without a token on its `allowed` list), let a member's token in and out,
 * and mute or unmute a publisher's audio — so a muted person, or anyone outside the talking
 * piece, is not forwarded to anyone even if their client keeps sending.
 */
export class JanusRooms {
  constructor(
    private readonly janus: JanusClient,
    private readonly handle: number,
    private readonly adminKey: string,
  ) {}

  async create(room: string, publishers: number): Promise<JanusRoom> {
    const secret = randomBytes(24).toString("base64url");
    await this.janus.request(this.handle, {
      request: "create",
      room,
      admin_key: this.adminKey,
      secret,
      permanent: false,
      is_private: true,
      publishers,
      audiocodec: "opus",
      videocodec: "vp8",
      opus_fec: true,
      opus_dtx: true,
      record: false,
      notify_joining: false,
      allowed: [],
    });
    return { room, secret };
  }

  /** Let `tokens` in (add) or take them back (remove). */
  async allowed(r: JanusRoom, action: "add" | "remove", tokens: string[]): Promise<void> {
    if (!tokens.length) return;
    await this.janus.request(this.handle, { request: "allowed", room: r.room, secret: r.secret, action, allowed: tokens });
  }

  /** Mute or unmute what publisher `id` sends on `mid` (Janus stops forwarding it to every subscriber). */
  async moderate(r: JanusRoom, id: string, mid: string, mute: boolean): Promise<void> {
    await this.janus.request(this.handle, { request: "moderate", room: r.room, secret: r.secret, id, mid, mute });
  }

  /** Who is publishing, with whether each stream is muted by moderation. */
  async participants(r: JanusRoom): Promise<{ id: string; publisher: boolean }[]> {
    const reply = await this.janus.request(this.handle, { request: "listparticipants", room: r.room });
    return (reply.plugindata?.data.participants ?? []) as { id: string; publisher: boolean }[];
  }

  async destroy(r: JanusRoom): Promise<void> {
    await this.janus.request(this.handle, { request: "destroy", room: r.room, secret: r.secret }).catch(() => {});
  }
}
