import { WebSocketTransport } from "@colyseus/ws-transport";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { describeError, scrubMessage } from "./processPolicy";

/** How long the same line is not printed again after it was, ms. */
export const REPEAT_WINDOW_MS = 60_000;
/** Distinct lines remembered at once (the oldest are forgotten first). */
const REMEMBERED = 64;

const inDev = () => process.env.NODE_ENV === "development";

/**
 * Prints a line unless the same line was printed within `REPEAT_WINDOW_MS`; the next time it is
 * printed it says how many were held back. Anyone can make the server hit the same error over and
 * over (a broken frame per connection), and the log must stay readable and bounded.
 */
export class RepeatFilter {
  private readonly seen = new Map<string, { at: number; held: number }>();

  constructor(
    private readonly print: (line: string) => void = (line) => console.error(line),
    private readonly now: () => number = () => Date.now(),
  ) {}

  note(line: string): void {
    const t = this.now();
    const last = this.seen.get(line);
    if (last && t - last.at < REPEAT_WINDOW_MS) {
      last.held++;
      return;
    }
    this.seen.delete(line);
    if (this.seen.size >= REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(line, { at: t, held: 0 });
    this.print(last?.held ? `${line} (${last.held} more like it in the last minute)` : line);
  }
}

/** One line for anything Colyseus logs as an error: an Error described, a string's first line, both scrubbed. */
export function oneLine(args: unknown[], where = true): string {
  return args.map((a) => (a instanceof Error ? describeError(a, where) : scrubMessage(String(a)))).join(" ");
}

/**
 * Colyseus' logger (`defineServer({ logger })`): everything it logs — an error (a frame it could not
 * decode, a socket error, a failed join), a warning, or a note such as its hint when someone asks to
 * reconnect to a room that is gone (which anyone can make it print, with a room name of their own,
 * as often as they like) — becomes one scrubbed line, repeats held back, never a stack trace, a
 * payload or what the asker wrote. `npm run dev` (NODE_ENV=development) prints them whole.
 */
export function colyseusLogger() {
  const repeats = new RepeatFilter();
  const quietly =
    (whole: (...args: unknown[]) => void) =>
    (...args: unknown[]) =>
      inDev() ? whole(...args) : repeats.note(`colyseus: ${oneLine(args)}`);
  return {
    debug: quietly(console.debug),
    info: quietly(console.info),
    trace: quietly(console.trace),
    warn: quietly(console.warn),
    error: quietly(console.error),
  };
}

/** Socket errors before joining, one line each (see QuietWebSocketTransport). */
const beforeJoining = new RepeatFilter();
const quietSocketError = (e: Error) =>
  inDev() ? console.error(e) : beforeJoining.note(`websocket closed before joining: ${describeError(e, false)}`);

type RawSocket = Parameters<WebSocketTransport["onConnection"]>[0];

/**
 * The WebSocket transport, with socket errors before someone has joined a circle (a broken frame, a
 * bad close code, a frame over the size limit while joining) logged as one quiet line — what went
 * wrong, no stack, no address — instead of the transport's message and stack trace per socket. Once
 * someone has joined, the room takes over their socket's errors (server/rooms/CircleRoom.ts).
 */
export class QuietWebSocketTransport extends WebSocketTransport {
  /**
   * The transport's first act on a new socket is to add its printing error listener; ours goes in its
   * place. (The room's own listener, added when the person joins — possibly before this returns —
   * stays as it is.)
   */
  protected override onConnection(rawClient: RawSocket, req: IncomingMessage, upgrade?: Parameters<WebSocketTransport["onConnection"]>[2]): Promise<void> {
    const socket = rawClient as unknown as WebSocket;
    const on = socket.on;
    socket.on = function (this: WebSocket, event: string, listener: Parameters<typeof on>[1]) {
      if (event !== "error") return on.call(this, event, listener);
      socket.on = on;
      return on.call(this, "error", quietSocketError);
    } as typeof socket.on;
    return super.onConnection(rawClient, req, upgrade);
  }
}
