import type { SessionRow, Store } from "../store/types";

/** A scheduled session's code stops working this long after its time. */
export const EXPIRE_AFTER_SCHEDULED_MS = 24 * 60 * 60 * 1000;
/** A session without a time stops working this long after it was created. */
export const EXPIRE_UNSCHEDULED_MS = 30 * 24 * 60 * 60 * 1000;

/** When a session's join code stops working (epoch ms). */
export function sessionExpiresAt(s: Pick<SessionRow, "scheduledAt" | "createdAt">): number {
  return s.scheduledAt !== null ? s.scheduledAt + EXPIRE_AFTER_SCHEDULED_MS : s.createdAt + EXPIRE_UNSCHEDULED_MS;
}

/**
 * The session as it stands now: one still `scheduled` past its expiry is ended (stored as ended at
 * its expiry time, so its aggregate becomes readable and its code joins nobody). Old codes do not
 * stay guessable forever.
 */
export function current(store: Store, s: SessionRow, now = Date.now()): SessionRow {
  if (s.status !== "scheduled") return s;
  const expiresAt = sessionExpiresAt(s);
  if (now < expiresAt) return s;
  store.sessions.setStatus(s.id, "ended", expiresAt);
  return { ...s, status: "ended", endedAt: expiresAt };
}
