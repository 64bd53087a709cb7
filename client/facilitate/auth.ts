/**
 * Where a facilitator's sign-in token lives between pages: /facilitate stores it, the room client
 * reads it to join as the facilitator (`client.auth.token`). This file is tiny and imports nothing,
 * so the room client can read the token without loading the facilitator pages.
 *
 * "Keep me signed in on this device" keeps it in localStorage (until sign-out or expiry, 12 h);
 * otherwise it lives in sessionStorage and is gone when the tab closes — the safer choice on a
 * shared computer.
 */

const KEY = "breathing-room.facilitator-token";

/** A Web Storage area, or null where the browser blocks it (some private modes, blocked site data). */
function storage(kind: "sessionStorage" | "localStorage"): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}
const AREAS = ["sessionStorage", "localStorage"] as const;

/** Seconds since the epoch at which a JWT expires, or null if it does not say (or is not a JWT). */
function expiresAt(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof json.exp === "number" ? json.exp : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in facilitator's API token, or null when nobody is signed in on this device or the
 * token has expired (an expired one is cleared). The server still decides: a revoked token reads
 * fine here and is refused there — then call clearFacilitatorToken().
 */
export function getFacilitatorToken(now = Date.now()): string | null {
  for (const area of AREAS) {
    const token = storage(area)?.getItem(KEY);
    if (!token) continue;
    const exp = expiresAt(token);
    if (exp !== null && exp * 1000 <= now) {
      clearFacilitatorToken();
      return null;
    }
    return token;
  }
  return null;
}

/** Keep `token` for this tab only, or on this device when `remember` is true. Replaces any earlier one. */
export function setFacilitatorToken(token: string, remember: boolean): void {
  clearFacilitatorToken();
  try {
    storage(remember ? "localStorage" : "sessionStorage")?.setItem(KEY, token);
  } catch {
    // Storage full or refused: signed in on this page only, until it reloads.
  }
}

/** Forget the token everywhere on this device (sign-out, or the server refused it). */
export function clearFacilitatorToken(): void {
  for (const area of AREAS) storage(area)?.removeItem(KEY);
}
