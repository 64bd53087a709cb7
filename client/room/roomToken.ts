import { roomTokenResponse } from "../../core/protocol";
import type { ClosedReason } from "./roomStore";

/**
 * Trade the facilitator's sign-in (the 12 h API token, never sent to the room) for a room token that
 * lasts minutes: the SDK puts its auth token in the WebSocket URL. 401 means the sign-in has ended
 * (expired or signed out elsewhere); anything else means the server could not be reached.
 */
export async function fetchRoomToken(apiToken: string, fetchFn: typeof fetch = fetch): Promise<{ token: string } | { refused: ClosedReason }> {
  let response: Response;
  try {
    response = await fetchFn("/api/auth/room-token", { method: "POST", headers: { authorization: `Bearer ${apiToken}`, accept: "application/json" } });
  } catch {
    return { refused: "unreachable" };
  }
  if (response.status === 401) return { refused: "not-signed-in" };
  if (!response.ok) return { refused: "unreachable" };
  const parsed = roomTokenResponse.safeParse(await response.json().catch(() => null));
  return parsed.success ? { token: parsed.data.token } : { refused: "unreachable" };
}
