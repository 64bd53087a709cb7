import { Client } from "@colyseus/sdk";
import { CloseCode, JoinError, ROOM_NAME, type JoinOptions } from "../../core/protocol";
import type { AppServer } from "../../server/app";
import type { ClosedReason } from "./roomStore";

/** The typed SDK client for this server (only types cross from server/). */
export type CircleClient = Client<AppServer>;

/** Join the circle; the promise rejects with the SDK's error (see `joinRefusal`). */
export function joinCircle(client: CircleClient, options: JoinOptions) {
  return client.joinOrCreate(ROOM_NAME, options);
}

/** A joined circle room, typed from the server. */
export type JoinedCircle = Awaited<ReturnType<typeof joinCircle>>;

/** The app's SDK client, on this page's own origin (never anywhere else). */
export function createCircleClient(origin = location.origin, token?: string): CircleClient {
  const client = new Client<AppServer>(origin.replace(/^http/, "ws"));
  if (token) client.auth.token = token;
  return client;
}

const JOIN_REFUSALS: Record<number, ClosedReason> = {
  [JoinError.INVALID_OPTIONS]: "invalid",
  [JoinError.BAD_TOKEN]: "not-signed-in",
  [JoinError.NOT_YOUR_SESSION]: "not-your-session",
  [JoinError.UNKNOWN_CODE]: "unknown-code",
  [JoinError.FULL]: "full",
  [JoinError.SESSION_ENDED]: "ended",
  [JoinError.LOCKED]: "locked",
  [JoinError.AGREEMENT_REQUIRED]: "agreement-outdated",
  [JoinError.TOO_MANY_ATTEMPTS]: "too-many-tries",
};

/** Why a join was refused, from the SDK's error (a MatchMakeError or ServerError with a `code`). */
export function joinRefusal(error: unknown): ClosedReason {
  const code = typeof error === "object" && error !== null && "code" in error ? Number((error as { code: unknown }).code) : NaN;
  return JOIN_REFUSALS[code] ?? "unreachable";
}

/** What a final close code means for the person (codes the SDK does not reconnect from). */
export function leaveReason(code: number): ClosedReason {
  switch (code) {
    case CloseCode.REMOVED:
      return "removed";
    case CloseCode.DECLINED:
      return "declined";
    case CloseCode.SIGNED_OUT:
      return "signed-out";
    case CloseCode.SESSION_ENDED:
      return "ended";
    case CloseCode.WITH_ERROR:
      return "flooded";
    case CloseCode.CONSENTED:
      return "left";
    default:
      return "lost";
  }
}
