import { ActionError, ParticipantMessage, type ClientMessage } from "../../core/protocol";
import type { CircleClient } from "./circleContext";

/** A message as `validate(schema, handler)` declares it (its shape types the client's `send`). */
interface Declared {
  format: unknown;
  handler: (client: CircleClient, message: never, reply: never) => unknown;
}

/** Reply side of a `room.request` (Colyseus passes it to every handler; a plain `send` ignores it). */
interface Reply {
  reject(reason?: unknown): void;
}

/** What the door needs to know of the room. */
export interface DoorKeeper {
  /** whether this person is still waiting to be admitted */
  knocking(sessionId: string): boolean;
  refuse(client: CircleClient, action: ClientMessage, code: ActionError): void;
}

/** Messages someone waiting to be admitted may send: only the clock, which tells nothing of the circle. */
const OPEN_TO_THE_WAITING: ReadonlySet<string> = new Set([ParticipantMessage.time]);

/**
 * Every message passes here before its handler: someone waiting to be admitted is refused
 * `not-admitted` for anything but `time` (nothing changes, nothing of the circle is sent back).
 * The declared types are kept, so typed clients still see every payload's shape.
 */
export function atTheDoor<M extends Record<string, Declared>>(messages: M, door: DoorKeeper): M {
  const out: Record<string, Declared> = {};
  for (const [type, declared] of Object.entries(messages)) {
    const handler = declared.handler as (client: CircleClient, message: unknown, reply: Reply) => unknown;
    out[type] = {
      format: declared.format,
      handler: (client: CircleClient, message: unknown, reply: Reply) => {
        if (!OPEN_TO_THE_WAITING.has(type) && door.knocking(client.sessionId)) {
          door.refuse(client, type as ClientMessage, ActionError.NOT_ADMITTED);
          return reply.reject(ActionError.NOT_ADMITTED);
        }
        return handler(client, message, reply);
      },
    };
  }
  return out as M;
}
