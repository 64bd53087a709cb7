import type http from "node:http";
import { addressResolver, setAddress } from "./clientAddress";
import { securityHeaderValues } from "./security";
import { ROOM_NAME } from "../../core/protocol/names";

/** The matchmaking routes the app uses: join (or open) a circle, join a room by id, reconnect to one. */
const MATCHMAKE_ROUTE = new RegExp(`^/matchmake/(?:(?:joinOrCreate|join)/${ROOM_NAME}|(?:joinById|reconnect)/[^/]+)$`);

/** Largest matchmaking body: join options are a few hundred bytes. */
export const MATCHMAKE_MAX_BODY = 4 * 1024;
/** Largest body of any other request (the API's own JSON limit is 16 KB). */
export const OTHER_MAX_BODY = 16 * 1024;
/** Matchmaking requests one address may have in flight at once. */
export const MATCHMAKE_MAX_CONCURRENT = 8;
/** A matchmaking body must arrive within this, ms. */
export const MATCHMAKE_BODY_TIMEOUT_MS = 10_000;

export interface GuardOptions {
  maxBody?: number;
  maxConcurrent?: number;
  bodyTimeoutMs?: number;
  /** send Strict-Transport-Security (HTTPS with a trusted certificate only) */
  hsts?: boolean;
  /** reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY; none by default) */
  trustProxy?: readonly string[];
}

/** Half a year; no includeSubDomains, since other hosts under the same name are not ours to decide. */
export const HSTS = "max-age=15552000";

function refuse(res: http.ServerResponse, status: number, error: string, message: string): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error, message });
  // Closing the connection stops a client that is still uploading a body nobody will read.
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
  res.end(body);
}

/**
 * Runs before anything else sees a request (Colyseus' router answers /matchmake/* ahead of express,
 * and reads bodies with no limit):
 * - every response gets the security headers (CSP and the rest), /matchmake included;
 * - /matchmake/* bodies are read here, at most `maxBody` bytes within `bodyTimeoutMs`, then handed to
 *   Colyseus already read; larger ones are refused with 413 before more is read;
 * - one address has at most `maxConcurrent` matchmaking requests in flight (429 beyond);
 * - each request's client address is worked out once (clientAddress.ts: the socket's, or a trusted
 *   proxy's X-Forwarded-For), and it is the address Colyseus reports to `onAuth` (`context.ip`), not a
 *   header a client chose;
 * - any other request declaring a body over 16 KB is refused with 413.
 */
export function guardRequests(server: http.Server, options: GuardOptions = {}): void {
  const maxBody = options.maxBody ?? MATCHMAKE_MAX_BODY;
  const maxConcurrent = options.maxConcurrent ?? MATCHMAKE_MAX_CONCURRENT;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? MATCHMAKE_BODY_TIMEOUT_MS;
  const inFlight = new Map<string, number>();
  const resolve = addressResolver(options.trustProxy ?? []);
  const headers = securityHeaderValues();
  if (options.hsts) headers.push(["Strict-Transport-Security", HSTS]);

  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  // Wrapping emit (rather than adding a listener) puts this ahead of listeners Colyseus prepends later.
  server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== "request" && event !== "upgrade") return emit(event, ...args);
    const req = args[0] as http.IncomingMessage;
    const ip = resolve(req);
    setAddress(req, ip);
    // Colyseus reads the client's address from these headers first: only ours may be there.
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-client-ip"];
    req.headers["x-real-ip"] = ip;
    if (event === "upgrade") return emit(event, ...args);
    const res = args[1] as http.ServerResponse;
    for (const [name, value] of headers) res.setHeader(name, value);
    const declared = Number(req.headers["content-length"] ?? 0);
    const path = (req.url ?? "/").split("?")[0]!;
    if (!path.startsWith("/matchmake")) {
      if (declared > OTHER_MAX_BODY) {
        refuse(res, 413, "too_large", "request body too large");
        return true;
      }
      return emit(event, ...args);
    }

    const count = inFlight.get(ip) ?? 0;
    if (count >= maxConcurrent) {
      refuse(res, 429, "too_many_requests", "too many matchmaking requests at once from this address");
      return true;
    }
    if (declared > maxBody) {
      refuse(res, 413, "too_large", "matchmaking body too large");
      return true;
    }
    // Only the routes the app uses reach Colyseus; anything else is the documented 404 (Colyseus
    // answers an unknown method or room name with a 520 that echoes what was asked). A circle's room
    // is made by joinOrCreate only, which finds the circle's room wherever it is open. `create` makes
    // one regardless: with several processes, a second room for a live circle elsewhere, which then
    // takes the circle over (everyone moved, 4200) — at anyone's request.
    if (req.method !== "OPTIONS" && !MATCHMAKE_ROUTE.test(path)) {
      refuse(res, 404, "not_found", "no such matchmaking route");
      res.once("finish", () => req.socket.destroy());
      return true;
    }
    inFlight.set(ip, count + 1);
    res.once("close", () => {
      const left = (inFlight.get(ip) ?? 1) - 1;
      if (left > 0) inFlight.set(ip, left);
      else inFlight.delete(ip);
    });

    const method = req.method ?? "GET";
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return emit(event, ...args);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stop = (status: number, error: string, message: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.removeAllListeners("data");
      req.pause();
      refuse(res, status, error, message);
      res.once("finish", () => req.socket.destroy());
    };
    const timer = setTimeout(() => stop(408, "timeout", "matchmaking body too slow"), bodyTimeoutMs);
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBody) return stop(413, "too_large", "matchmaking body too large");
      chunks.push(chunk);
    });
    req.once("error", () => stop(400, "invalid_request", "request aborted"));
    req.once("end", () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // Colyseus (better-call's getRequest) takes an already-read body from req.body.
      (req as http.IncomingMessage & { body?: string }).body = size > 0 ? Buffer.concat(chunks).toString("utf8") : "{}";
      emit(event, ...args);
    });
    return true;
  }) as typeof server.emit;
}
