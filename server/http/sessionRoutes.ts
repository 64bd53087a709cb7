import { randomUUID } from "node:crypto";
import express from "express";
import {
  MIN_AGGREGATE_N,
  roundMean,
  createSessionBody,
  joinPath,
  SCHEDULE_PAST_GRACE_MS,
  normalizeJoinCode,
  updateSessionBody,
  type AggregateResponse,
  type JoinInfoResponse,
  type SessionView,
  type SessionsResponse,
} from "../../core/protocol";
import type { TokenService } from "../auth/tokens";
import type { SessionRow, Store } from "../store/types";
import { ApiError, ApiErrorCode, handle, parse } from "./ApiError";
import { addressOf } from "./clientAddress";
import type { CodeGuesses } from "./codeGuesses";
import { newJoinCode } from "./joinCodes";
import { current } from "./sessionExpiry";
import { facilitatorOf, requireFacilitator } from "./requireFacilitator";


/**
 * A time being set that has already passed (beyond SCHEDULE_PAST_GRACE_MS) is refused: the session
 * would read as ended at once (its code stops a day after its time) and could not be changed back.
 */
function refusePast(scheduledAt: number | null | undefined): void {
  if (scheduledAt != null && scheduledAt < Date.now() - SCHEDULE_PAST_GRACE_MS) {
    throw new ApiError(400, ApiErrorCode.invalidRequest, "scheduledAt: that time has already passed");
  }
}

/** How HTTP reaches a running circle of a session (the live rooms of this process). */
export interface LiveRoomHooks {
  /** the session ended or was cancelled: end the circle for everyone */
  end(code: string): void;
  /** title, environment or capacity changed: show it in the circle */
  refresh(code: string): void;
  /** the session's owner signed out: their facilitator seat in the circle ends */
  signedOut(code: string): void;
}

const view = (s: SessionRow): SessionView => ({
  id: s.id,
  code: s.code,
  link: joinPath(s.code),
  title: s.title,
  environment: s.environment,
  capacity: s.capacity,
  scheduledAt: s.scheduledAt,
  status: s.status,
  createdAt: s.createdAt,
  endedAt: s.endedAt,
});

/** /api/sessions: a facilitator's own sessions only; another's look like they do not exist (404). */
export function sessionRoutes(store: Store, tokens: TokenService, live: LiveRoomHooks, guesses: CodeGuesses): express.Router {
  const router = express.Router();

  // Public: what a person about to join sees (title, scene, time) before accepting the agreement.
  // Codes carry 44 bits, so this cannot be used to discover sessions.
  // Unknown codes are also counted per address (with matchmaking's): see CodeGuesses.
  router.get("/join/:code", handle((req, res) => {
    const s = guesses.lookUp(
      addressOf(req),
      () => {
        const code = normalizeJoinCode(req.params.code);
        const row = code ? store.sessions.byCode(code) : undefined;
        if (!row) throw new ApiError(404, ApiErrorCode.notFound, "no circle has this code");
        return current(store, row);
      },
      (wait) =>
        new ApiError(429, ApiErrorCode.tooManyAttempts, "too many unknown codes from this address; try again later", {
          "Retry-After": String(Math.ceil(wait / 1000)),
        }),
    );
    if (s.status !== "scheduled") throw new ApiError(410, ApiErrorCode.sessionEnded, "this circle has ended");
    res.json({ code: s.code, title: s.title, environment: s.environment, scheduledAt: s.scheduledAt } satisfies JoinInfoResponse);
  }));

  router.use("/sessions", requireFacilitator(store, tokens));

  const own = (facilitatorId: string, id: string): SessionRow => {
    const s = typeof id === "string" && id.length <= 64 ? store.sessions.byId(id) : undefined;
    if (!s || s.facilitatorId !== facilitatorId) throw new ApiError(404, ApiErrorCode.notFound, "no such session");
    return current(store, s);
  };
  const param = (v: unknown): string => (typeof v === "string" ? v : "");

  router.get("/sessions", handle((_req, res) => {
    const now = Date.now();
    res.json({ sessions: store.sessions.listFor(facilitatorOf(res.locals).id).map((s) => view(current(store, s, now))) } satisfies SessionsResponse);
  }));

  router.post("/sessions", handle((req, res) => {
    const body = parse(createSessionBody, req.body);
    refusePast(body.scheduledAt);
    const f = facilitatorOf(res.locals);
    // A collision at 44 bits is vanishingly rare; retry a few times rather than assume.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newJoinCode();
      if (store.sessions.byCode(code)) continue;
      const row: SessionRow = {
        id: randomUUID(),
        facilitatorId: f.id,
        code,
        title: body.title,
        environment: body.environment,
        capacity: body.capacity,
        scheduledAt: body.scheduledAt ?? null,
        status: "scheduled",
        createdAt: Date.now(),
        endedAt: null,
      };
      store.sessions.create(row);
      res.status(201).json(view(row));
      return;
    }
    throw new ApiError(409, ApiErrorCode.conflict, "could not allocate a join code; try again");
  }));

  router.get("/sessions/:id", handle((req, res) => {
    res.json(view(own(facilitatorOf(res.locals).id, param(req.params.id))));
  }));

  router.patch("/sessions/:id", handle((req, res) => {
    const s = own(facilitatorOf(res.locals).id, param(req.params.id));
    const body = parse(updateSessionBody, req.body);
    if (s.status !== "scheduled") throw new ApiError(409, ApiErrorCode.conflict, `session is ${s.status}`);
    if (body.scheduledAt !== s.scheduledAt) refusePast(body.scheduledAt);
    store.sessions.update(s.id, body);
    live.refresh(s.code);
    res.json(view(store.sessions.byId(s.id)!));
  }));

  const finish = (status: "ended" | "cancelled") =>
    handle((req, res) => {
      const s = own(facilitatorOf(res.locals).id, param(req.params.id));
      if (s.status !== "scheduled") throw new ApiError(409, ApiErrorCode.conflict, `session is already ${s.status}`);
      store.sessions.setStatus(s.id, status, Date.now());
      live.end(s.code);
      res.json(view(store.sessions.byId(s.id)!));
    });
  router.post("/sessions/:id/cancel", finish("cancelled"));
  router.post("/sessions/:id/end", finish("ended"));

  router.get("/sessions/:id/aggregate", handle((req, res) => {
    const s = own(facilitatorOf(res.locals).id, param(req.params.id));
    const a = store.aggregates.get(s.id);
    // Only once the session is over: running figures read before and after one more person's answer
    // would give that person's answer away.
    if (!a || a.n < MIN_AGGREGATE_N || s.status === "scheduled") {
      res.json({ available: false, minimum: MIN_AGGREGATE_N } satisfies AggregateResponse);
      return;
    }
    res.json({ available: true, n: a.n, meanBefore: roundMean(a.meanBefore), meanAfter: roundMean(a.meanAfter) } satisfies AggregateResponse);
  }));

  return router;
}
