/**
 * Codes a client can receive. Join errors arrive as the `code` of the rejected join
 * (MatchMakeError / ServerError in @colyseus/sdk); close codes as the WebSocket close code;
 * action errors in the `error` message.
 */

/**
 * Why a join was refused. The numbers are HTTP statuses on purpose: checks made during matchmaking
 * reach the SDK as the status of the matchmaking request (Colyseus 0.18 turns the error code into
 * the HTTP status), and checks made in onJoin arrive with the same number over the socket.
 */
export const JoinError = {
  /** join options malformed (pseudonym, look, code format) */
  INVALID_OPTIONS: 400,
  /** facilitator token invalid or expired */
  BAD_TOKEN: 401,
  /** token valid but for another facilitator's session */
  NOT_YOUR_SESSION: 403,
  /** no session with this code */
  UNKNOWN_CODE: 404,
  /** the circle is at capacity */
  FULL: 409,
  /** the session has ended or was cancelled */
  SESSION_ENDED: 410,
  /** the room is locked by the facilitator */
  LOCKED: 423,
  /** the group agreement was not accepted (or an older version) */
  AGREEMENT_REQUIRED: 428,
  /** too many unknown codes tried from this address lately */
  TOO_MANY_ATTEMPTS: 429,
} as const;
export type JoinError = (typeof JoinError)[keyof typeof JoinError];

/** WebSocket close codes the room uses (besides Colyseus' own 4000 consented, 4002 bad input / flood). */
export const CloseCode = {
  /** left on purpose */
  CONSENTED: 4000,
  /** a frame over MAX_FRAME_BYTES (the WebSocket's own "message too big"); no reconnection window */
  TOO_LARGE: 1009,
  /** invalid payload or too many messages; no reconnection window */
  WITH_ERROR: 4002,
  /** removed by a facilitator; cannot rejoin with the same reconnection token */
  REMOVED: 4100,
  /** the facilitator ended the session */
  SESSION_ENDED: 4101,
  /** a facilitator did not let this person in (they were waiting to be admitted) */
  DECLINED: 4102,
  /**
   * the session's facilitator signed out (every token revoked): their facilitator seat ends; no
   * reconnection window, their seat token does not bring them back; sign in again to rejoin
   */
  SIGNED_OUT: 4103,
  /**
   * the server is shutting down or redeploying: the circle is moving; rejoin at once with the seat
   * token (through the same address: another process takes it, or this one after its restart)
   */
  MOVING: 4200,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Why an in-room action was refused (sent as `error` { action, code }); state is unchanged. */
export const ActionError = {
  /** the sender's role may not do this */
  FORBIDDEN: "forbidden",
  /** the target is not in the circle */
  NO_SUCH_PARTICIPANT: "no-such-participant",
  /** not possible now (e.g. circle not open, nobody waiting, already holding) */
  INVALID_STATE: "invalid-state",
  /** already answered this check-in */
  ALREADY_CHECKED_IN: "already-checked-in",
  /** too many of these too quickly (or too many alerts not yet seen); try again later */
  RATE_LIMITED: "rate-limited",
  /** a facilitator stopped this person's chat */
  CHAT_MUTED: "chat-muted",
  /** chat is off in this circle */
  CHAT_OFF: "chat-off",
  /** slow mode: this person sent a message less than `slowSeconds` ago */
  SLOW_MODE: "slow-mode",
  /** the sender is waiting to be admitted: nothing in the circle is theirs to do yet */
  NOT_ADMITTED: "not-admitted",
  /** a `room.request` whose payload was invalid is rejected with this as the sender is closed (4002) */
  INVALID_PAYLOAD: "invalid-payload",
  /**
   * the room has no message of this type (an older or newer client, or junk); nothing changed and the
   * sender stays connected. Sent as `error { action: "unknown", code }` (see UNKNOWN_ACTION).
   */
  UNKNOWN_MESSAGE: "unknown-message",
} as const;
export type ActionError = (typeof ActionError)[keyof typeof ActionError];
