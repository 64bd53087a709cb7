import type { RequestHandler } from "express";
import type { TokenService } from "../auth/tokens";
import type { Facilitator, Store } from "../store/types";
import { ApiError, ApiErrorCode } from "./ApiError";

/**
 * Require `Authorization: Bearer <jwt>`: an API token (not a room token) of an existing facilitator,
 * issued since their last sign-out; puts the facilitator in res.locals.facilitator.
 */
export function requireFacilitator(store: Store, tokens: TokenService): RequestHandler {
  return (req, res, next) => {
    const header = req.get("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : null;
    if (!token) return next(new ApiError(401, ApiErrorCode.unauthenticated, "sign in first"));
    tokens.verify(token).then((check) => {
      if (!check.ok) {
        return next(
          check.reason === "expired"
            ? new ApiError(401, ApiErrorCode.tokenExpired, "your sign-in has expired; sign in again")
            : new ApiError(401, ApiErrorCode.unauthenticated, "invalid token"),
        );
      }
      const f = store.facilitators.byId(check.claims.sub);
      if (!f) return next(new ApiError(401, ApiErrorCode.unauthenticated, "account not found"));
      if (check.claims.v !== f.tokenVersion) return next(new ApiError(401, ApiErrorCode.unauthenticated, "signed out; sign in again"));
      res.locals.facilitator = f;
      next();
    }, next);
  };
}

/** The facilitator put there by requireFacilitator. */
export const facilitatorOf = (locals: Record<string, unknown>): Facilitator => locals.facilitator as Facilitator;
