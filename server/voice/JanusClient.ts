import { randomUUID } from "node:crypto";
import WebSocket from "ws";

/** A reply or event from Janus (its JSON API over WebSocket, `janus-protocol`). */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id: number };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: { type: "offer" | "answer"; sdp: string };
  error?: { code: number; reason: string };
}

/** Janus refused a request: its own error code (e.g. 428 no such feed, 433 unauthorized) and reason. */
export class JanusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`janus: ${reason} (${code})`);
  }

  /**
   * What may go in our log: the code and the reason without what Janus quotes in it (a feed's id,
   * which is a sessionId, a mid or a room): "No such feed (428)".
   */
  get loggable(): string {
    return `${this.reason.replace(/\s*(\([^)]*\)|'[^']*')/g, "").trim()} (${this.code})`;
  }
}

/** Janus sessions end after 60 s without a message; a keepalive every 25 s keeps ours. */
const KEEPALIVE_MS = 25_000;
/** A request Janus does not answer in this long is failed, ms. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Our server's own connection to Janus (JANUS_URL): one Janus session, plugin handles attached
 * on it, requests matched to their replies by transaction. Clients never talk to Janus' API: their
 * descriptions go through the circle room (`sfu`), and this connection carries them.
 */
export class JanusClient {
  private readonly pending = new Map<string, { done: (m: JanusMessage) => void; fail: (e: Error) => void; timer: NodeJS.Timeout; ack: boolean }>();
  private readonly listeners = new Map<number, (m: JanusMessage) => void>();
  private session = 0;
  private keepalive: NodeJS.Timeout | null = null;

  private constructor(
    private readonly ws: WebSocket,
    onClose: () => void,
  ) {
    ws.on("message", (data) => this.receive(JSON.parse(String(data)) as JanusMessage));
    // A broken connection is reported by its close; without a listener an error would end the process.
    ws.on("error", () => {});
    ws.on("close", () => {
      onClose();
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.fail(new Error("janus connection closed"));
      }
      this.pending.clear();
      if (this.keepalive) clearInterval(this.keepalive);
    });
  }

  /** Connect and create the session; `onClose` is called when the connection is lost or closed. */
  static async connect(url: string, onClose: () => void = () => {}): Promise<JanusClient> {
    const ws = new WebSocket(url, "janus-protocol");
    await new Promise<void>((done, fail) => {
      ws.once("open", () => done());
      ws.once("error", fail);
    });
    const client = new JanusClient(ws, onClose);
    const created = await client.send({ janus: "create" });
    client.session = created.data!.id;
    client.keepalive = setInterval(() => void client.send({ janus: "keepalive" }).catch(() => {}), KEEPALIVE_MS);
    client.keepalive.unref();
    return client;
  }

  /** Attach a VideoRoom handle; `onEvent` gets its asynchronous events (and their descriptions). */
  async attach(onEvent: (m: JanusMessage) => void = () => {}): Promise<number> {
    const reply = await this.send({ janus: "attach", plugin: "janus.plugin.videoroom" });
    const handle = reply.data!.id;
    this.listeners.set(handle, onEvent);
    return handle;
  }

  async detach(handle: number): Promise<void> {
    this.listeners.delete(handle);
    await this.send({ janus: "detach", handle_id: handle }).catch(() => {});
  }

  /**
   * A plugin request on `handle`: synchronous ones (create, moderate, …) resolve with their
   * `plugindata.data`; asynchronous ones (join, configure, start) with the event that answers them.
   */
  async request(handle: number, body: Record<string, unknown>, jsep?: { type: string; sdp: string }): Promise<JanusMessage> {
    const reply = await this.send({ janus: "message", handle_id: handle, body, ...(jsep ? { jsep } : {}) }, true);
    const data = reply.plugindata?.data;
    if (data && typeof data.error === "string") throw new JanusError(Number(data.error_code), data.error);
    return reply;
  }

  /** An ICE candidate for the PeerConnection on `handle` (null: no more). */
  trickle(handle: number, candidate: object | null): void {
    void this.send({ janus: "trickle", handle_id: handle, candidate: candidate ?? { completed: true } }).catch(() => {});
  }

  close(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.ws.close();
  }

  private send(message: Record<string, unknown>, waitPastAck = false): Promise<JanusMessage> {
    const transaction = randomUUID();
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error("janus connection closed"));
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        fail(new Error(`janus did not answer ${String(message.janus)}`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(transaction, { done, fail, timer, ack: waitPastAck });
      this.ws.send(JSON.stringify({ ...message, transaction, ...(this.session ? { session_id: this.session } : {}) }));
    });
  }

  private receive(m: JanusMessage): void {
    const waiting = m.transaction ? this.pending.get(m.transaction) : undefined;
    if (waiting) {
      // An "ack" only says an asynchronous request was received: its answer is the event that follows.
      if (m.janus === "ack" && waiting.ack) return;
      clearTimeout(waiting.timer);
      this.pending.delete(m.transaction!);
      if (m.janus === "error") waiting.fail(new JanusError(m.error?.code ?? 0, m.error?.reason ?? "error"));
      else waiting.done(m);
      if (m.janus !== "event" || !m.sender) return;
    }
    if (m.sender) this.listeners.get(m.sender)?.(m);
  }
}
