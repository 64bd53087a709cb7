import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler, Request, RequestHandler, Response, NextFunction } from "express";
import type { z } from "zod";

import { ApiErrorCode, type ApiErrorBody } from "../../core/protocol";

/** HTTP API error codes live in core/protocol (the facilitator pages read them too). */
export { ApiErrorCode };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Wrap an async handler so a rejection reaches the error handler. */
export const handle =
  (fn: (req: Request, res: Response) => Promise<unknown> | unknown): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .catch(next);
  };

/** JSON error bodies; never echoes request bodies (they may hold passwords). */
export const apiErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof ApiError) {
    res.set(err.headers).status(err.status).json({ error: err.code, message: err.message } satisfies ApiErrorBody);
    return;
  }
  const status = (err as { status?: number; type?: string }).status;
  if (status && status >= 400 && status < 500) {
    res.status(status).json({ error: ApiErrorCode.invalidRequest, message: "malformed request" });
    return;
  }
  logUnexpected("unexpected API error", err);
  res.status(500).json({ error: "internal", message: "unexpected error" });
};

const inDev = () => process.env.NODE_ENV === "development";

/** Log an unexpected error: its message only (a stack in development), never the request. */
export function logUnexpected(what: string, err: unknown): void {
  console.error(`${what}:`, inDev() ? ((err as Error)?.stack ?? String(err)) : ((err as Error)?.message ?? "unknown"));
}

/**
 * Everything outside /api that nothing answered (express' own pages are HTML with a stack trace
 * unless NODE_ENV is "production"): a short plain-text answer, JSON under /matchmake.
 */
export const notFoundHandler: RequestHandler = (req, res) => {
  if (req.path.startsWith("/matchmake")) res.status(404).json({ error: "not_found", message: "no such matchmaking route" });
  else res.status(404).type("text/plain").send("Not found");
};

/** Errors outside /api (static files: bad paths, missing files): status and its name, nothing more. */
export const plainErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const e = err as { status?: number; statusCode?: number };
  const given = e.status ?? e.statusCode;
  const status = given && given >= 400 && given < 500 ? given : 500;
  if (status === 500) logUnexpected("unexpected error", err);
  if (res.headersSent) return void res.end();
  const text = STATUS_CODES[status] ?? "Error";
  if (req.path.startsWith("/matchmake")) res.status(status).json({ error: status === 500 ? "internal" : "invalid_request", message: text });
  else res.status(status).type("text/plain").send(text);
};

/** Validate a request body against `schema`; a 400 naming every bad field otherwise. */
export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(400, ApiErrorCode.invalidRequest, r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return r.data;
}
