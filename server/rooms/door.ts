import type { z } from "zod";
import { ActionError, CloseCode, ParticipantMessage, type ClientMessage } from "../../core/protocol";
import type { CircleClient } from "./circleContext";

/** A message as `validate(schema, handler)` declares it (its shape types the client's `send`). */
interface Declared {
  format: unknown;
  handler: (client: CircleClient, message: never, reply: never) => unknown;
}

/** Reply side of a `room.request` (Colyseus passes one to every handler; a plain `send` gets a no-op). */
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
 * Every message passes here before its handler, whether it came by `send` or by `request`:
 * - its payload is checked against its schema; an invalid one closes the sender with 4002 (no
 *   reconnection window) and is not logged. Colyseus' own validation would only refuse a bad
 *   `request` (the sender stayed connected) and print a stack trace for each, so the room does it.
 * - someone waiting to be admitted is refused `not-admitted` for anything but `time` (nothing
 *   changes, nothing of the circle is sent back).
 * The declared types are kept, so typed clients still see every payload's shape. Colyseus registers
 * a function without a validator; the object's `format` is there for the types only.
 */
export function atTheDoor<M extends Record<string, Declared>>(messages: M, door: DoorKeeper): M {
  const out: Record<string, unknown> = {};
  for (const [type, declared] of Object.entries(messages)) {
    const schema = declared.format as z.ZodType;
    const handler = declared.handler as (client: CircleClient, message: unknown, reply: Reply) => unknown;
    const checked = (client: CircleClient, message: unknown, reply: Reply) => {
      const parsed = schema.safeParse(message);
      if (!parsed.success) {
        client.leave(CloseCode.WITH_ERROR);
        return reply.reject(ActionError.INVALID_PAYLOAD);
      }
      if (!OPEN_TO_THE_WAITING.has(type) && door.knocking(client.sessionId)) {
        door.refuse(client, type as ClientMessage, ActionError.NOT_ADMITTED);
        return reply.reject(ActionError.NOT_ADMITTED);
      }
      return handler(client, parsed.data, reply);
    };
    out[type] = Object.assign(checked, { format: declared.format, handler: checked });
  }
  return out as M;
}
