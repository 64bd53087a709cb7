import { Deferred, type Client } from "@colyseus/core";
import { CloseCode, FACILITATOR_RECONNECT_SECONDS, RECONNECT_SECONDS, Role } from "../../core/protocol";
import * as act from "./circleActions";
import type { CircleClient, CircleContext } from "./circleContext";

/** Codes after which a dropped client gets no reconnection window. */
const FINAL_CLOSES: ReadonlySet<number> = new Set([
  CloseCode.WITH_ERROR,
  CloseCode.TOO_LARGE,
  CloseCode.REMOVED,
  CloseCode.SESSION_ENDED,
  CloseCode.DECLINED,
  CloseCode.SIGNED_OUT,
]);

export interface ReconnectionDeps extends Pick<CircleContext, "state" | "chat" | "clientOf"> {
  /** the room's `allowReconnection` */
  allow(client: CircleClient, seconds: number): Deferred<Client> | Promise<Client>;
}

/**
 * Who keeps a seat after a dropped connection, and who does not: a window of RECONNECT_SECONDS
 * (FACILITATOR_RECONNECT_SECONDS for the facilitator) unless the close was final, and taking
 * someone out of their seat for good closes their window too. Written against the circle's state.
 */
export class Reconnections {
  private readonly windows = new Map<string, Deferred<Client>>();
  /** people whose socket broke on something they sent (e.g. a frame over 4 KB): their drop is final */
  private readonly broken = new Set<string>();

  constructor(private readonly d: ReconnectionDeps) {}

  /**
   * A socket error is something the client sent (a frame over MAX_FRAME_BYTES, a broken frame): the
   * socket closes because of it (1009 for a frame too large), and the room sees only an abnormal
   * close (1006), so the error itself is what marks the drop as final. The transport would print
   * each one with a stack trace, which anyone could use to flood the log; nothing of it is printed.
   */
  watch(client: CircleClient): void {
    client.ref.removeAllListeners("error");
    client.ref.on("error", () => void this.broken.add(client.sessionId));
  }

  /** A seated person's connection dropped: their seat is held for the window, unless the close was final. */
  dropped(client: CircleClient, code?: number): void {
    const p = this.d.state.participants.get(client.sessionId);
    const broken = this.broken.delete(client.sessionId);
    if (!p || broken || (code !== undefined && FINAL_CLOSES.has(code))) return;
    p.connected = false;
    this.d.chat.dropped(client.sessionId);
    const seconds = p.role === Role.facilitator ? FACILITATOR_RECONNECT_SECONDS : RECONNECT_SECONDS;
    const pending = this.d.allow(client, seconds);
    // A window that closes without a reconnection (timeout, removal, the end) rejects: that is expected.
    pending.catch(() => {});
    // Rejected at once — the room is disposing, or the client never finished joining — it is a
    // plain promise, not a window: nothing to wait for, and Colyseus goes on to onLeave.
    if (pending instanceof Deferred) this.windows.set(client.sessionId, pending);
  }

  /** Back within the window. */
  back(client: CircleClient): void {
    this.watch(client);
    this.windows.delete(client.sessionId);
  }

  /** Out of the seat for good: seat freed, window closed, connection closed with `code`. */
  takeOut(sessionId: string, code: CloseCode): void {
    act.unseat(this.d.state, sessionId);
    this.windows.get(sessionId)?.reject(false);
    this.windows.delete(sessionId);
    this.d.clientOf(sessionId)?.leave(code);
  }

  /** The circle ended: every window closes. */
  closeAll(): void {
    for (const pending of this.windows.values()) pending.reject(false);
  }

  forget(sessionId: string): void {
    this.broken.delete(sessionId);
    this.windows.delete(sessionId);
  }
}
