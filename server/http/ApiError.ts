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
  console.error("unexpected API error:", (err as Error)?.message);
  res.status(500).json({ error: "internal", message: "unexpected error" });
};

/** Validate a request body against `schema`; a 400 naming every bad field otherwise. */
export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(400, ApiErrorCode.invalidRequest, r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return r.data;
}
