import { ClientState, Protocol, ResponseStatus, getMessageBytes, type Client, type MessageContext } from "@colyseus/core";
import { decode, encode } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { ActionError, CloseCode, UNKNOWN_ACTION } from "../../core/protocol";
import type { CircleClient, CircleRates } from "./circleContext";

/**
 * The message type every request of an unknown type is handed to (the room registers a handler for
 * it; a client that sends it by name gets the same answer as for any unknown type).
 */
export const UNKNOWN_REQUEST = "?";

/** bits 0..4 of a frame's first byte are its protocol code (Colyseus' PROTOCOL_CODE_MASK) */
const CODE_MASK = 0x1f;

/** `UNKNOWN_REQUEST` as the type field of a frame */
const UNKNOWN_TYPE_FIELD = (() => {
  const bytes = Buffer.alloc(8);
  const it = { offset: 0 };
  encode.string(bytes, UNKNOWN_REQUEST, it);
  return bytes.subarray(0, it.offset);
})();

type OnMessage = (this: unknown, client: Client, buffer: Uint8Array) => unknown;

/**
 * Colyseus 0.18 handles a `room.request` differently from a `room.send` in two ways the protocol does
 * not allow (docs/PROTOCOL.md, "Client → server messages"):
 * - a request of a type the room has no handler for is answered with Colyseus' own `no_handler`
 *   error, bypassing the room (no rate, no documented code), while a `send` of one goes to the
 *   room's `"*"` handler;
 * - a request whose payload is not MessagePack at all is answered with the parser's message and its
 *   stack trace is printed, and the sender stays connected.
 * So every request frame is looked at before Colyseus dispatches it: one of an unknown type becomes
 * a request of `UNKNOWN_REQUEST` (its payload dropped), which Colyseus then counts and dispatches
 * like any other; one whose payload cannot be decoded is rejected with `invalid-payload` and closes
 * the sender with 4002, printing nothing — as a bad payload sent by `send` does.
 *
 * Colyseus binds `room._onMessage` to each socket when someone joins, so the room's own property
 * set here takes its place. `tests/server/unknownMessages.test.ts` fails if Colyseus renames it.
 */
export function screenRequests(room: object, known: (type: string) => boolean): void {
  const host = room as { _onMessage: OnMessage };
  const dispatch = host._onMessage;
  if (typeof dispatch !== "function") throw new Error("Colyseus' Room._onMessage is gone: see server/rooms/requestScreen.ts");
  host._onMessage = function (this: unknown, client: Client, buffer: Uint8Array) {
    if (!buffer || buffer.byteLength === 0 || (buffer[0]! & CODE_MASK) !== Protocol.ROOM_REQUEST) return dispatch.call(this, client, buffer);
    const screened = screen(client, buffer, known);
    return screened && dispatch.call(this, client, screened);
  };
}

/** The frame to dispatch, or null when the sender was closed for it. */
function screen(client: Client, buffer: Uint8Array, known: (type: string) => boolean): Uint8Array | null {
  const it = { offset: 1 };
  let requestId: number;
  let typeStart: number;
  let type: string | number;
  try {
    requestId = decode.number(buffer, it);
    typeStart = it.offset;
    type = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
  } catch {
    return refuse(client, null);
  }
  if (!Number.isSafeInteger(requestId) || it.offset > buffer.byteLength) return refuse(client, null);
  if (typeof type !== "string" || !known(type)) return Buffer.concat([buffer.subarray(0, typeStart), UNKNOWN_TYPE_FIELD]);
  if (buffer.byteLength > it.offset) {
    try {
      unpack(buffer.subarray(it.offset));
    } catch {
      return refuse(client, requestId);
    }
  }
  return buffer;
}

function refuse(client: Client, requestId: number | null): null {
  if (client.state === ClientState.LEAVING) return null;
  if (requestId !== null) client.enqueueRaw(getMessageBytes[Protocol.ROOM_RESPONSE](requestId, ResponseStatus.REJECTED, ActionError.INVALID_PAYLOAD));
  client.leave(CloseCode.WITH_ERROR);
  return null;
}

/**
 * A message of a type the room does not have (an older or newer client, or junk): nothing changes,
 * the sender stays and is told `unknown-message`, within "everything else 5/s"; past that a send is
 * dropped and a request rejected `rate-limited`. Floods still meet the 40 messages/s close.
 */
export function unknownMessage(rates: CircleRates, client: CircleClient, reply?: MessageContext): void {
  if (!rates.allow(client.sessionId, "unknown")) return void reply?.reject(ActionError.RATE_LIMITED);
  client.send("error", { action: UNKNOWN_ACTION, code: ActionError.UNKNOWN_MESSAGE });
  reply?.reject(ActionError.UNKNOWN_MESSAGE);
}
