import { CloseCode, JoinError } from "../../core/protocol";
import type { JoinedCircle } from "./connection";

/** How long a dropped connection may try to resume before we rejoin with the seat token, ms. */
export const RESCUE_AFTER_MS = 1500;
/** How long we keep trying to get back into a moved circle before giving up, ms. */
export const GIVE_UP_AFTER_MS = 60_000;

/** Close codes after which the circle may still be there, elsewhere: abnormal closure, reconnection given up. */
const LOST: ReadonlySet<number> = new Set([1001, 1005, 1006, 1011, 1012, 1013, 4003, 4010]);
/** Join refusals that will not change by trying again (ended, unknown, not allowed…). */
const FINAL_REFUSALS: ReadonlySet<number> = new Set(Object.values(JoinError));

export interface StayHandlers {
  /** join the circle again (joinOrCreate with the person's options and this seat token) */
  rejoin(seatToken: string): Promise<JoinedCircle>;
  /** a (new) room to follow; the previous one is given up */
  onRoom(room: JoinedCircle): void;
  /** the circle is moving: show "moving you to another room…" */
  onMoving(): void;
  /** the connection dropped (the SDK is resuming it) */
  onDrop(): void;
  /** connected again (resumed, or rejoined after a move) */
  onBack(): void;
  /** out for good: the close code (or join refusal) and its message */
  onClosed(code: number, detail: string): void;
}

/**
 * Keep a person in their circle when the server under it goes away. The room sends each person a
 * signed seat token; when the server says the circle is moving (CloseCode.MOVING), or a dropped
 * connection has not resumed within RESCUE_AFTER_MS (the process was killed), join again with
 * that token — through the same address, where another process (or this one, restarted) brings the
 * circle back with the same seat and role. Returns a cleanup that stops following.
 */
export function stayInCircle(first: JoinedCircle, h: StayHandlers, opts = { rescueAfterMs: RESCUE_AFTER_MS, giveUpAfterMs: GIVE_UP_AFTER_MS }): () => void {
  let token = "";
  let current = first;
  let stopped = false;
  let moving = false;
  let rescue: ReturnType<typeof setTimeout> | undefined;

  const follow = (room: JoinedCircle) => {
    room.onMessage("seat", (m) => void (token = m.token));
    room.onDrop(() => {
      if (stopped || room !== current) return;
      h.onDrop();
      clearTimeout(rescue);
      if (token) rescue = setTimeout(() => void move(room), opts.rescueAfterMs);
    });
    room.onReconnect(() => {
      if (room !== current) return;
      clearTimeout(rescue);
      h.onBack();
    });
    room.onLeave((code, reason) => {
      if (stopped || room !== current) return;
      clearTimeout(rescue);
      if (token && (code === CloseCode.MOVING || LOST.has(code))) return void move(room);
      h.onClosed(code, reason ?? "");
    });
  };

  const move = async (from: JoinedCircle) => {
    if (moving || stopped || from !== current) return;
    moving = true;
    // The old connection is given up: no more resume attempts, no more events from it.
    from.reconnection.enabled = false;
    from.reconnection.maxRetries = 0;
    h.onMoving();
    const deadline = Date.now() + opts.giveUpAfterMs;
    let wait = 200;
    while (!stopped) {
      try {
        const room = await h.rejoin(token);
        if (stopped) return void room.leave(true);
        current = room;
        moving = false;
        from.removeAllListeners();
        follow(room);
        h.onRoom(room);
        h.onBack();
        return;
      } catch (e) {
        const code = Number((e as { code?: unknown })?.code);
        if (FINAL_REFUSALS.has(code as never) || Date.now() + wait > deadline) {
          moving = false;
          return h.onClosed(Number.isFinite(code) ? code : 1006, (e as Error)?.message ?? "");
        }
      }
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 2000);
    }
  };

  follow(first);
  return () => {
    stopped = true;
    clearTimeout(rescue);
  };
}
