import { DEFAULT_ENVIRONMENT, isEnvironmentId } from "../../core/environments";
import { joinInfoResponse } from "../../core/protocol";
import type { ClosedReason, RoomState } from "./roomStore";

export type JoinPreview = NonNullable<RoomState["preview"]>;

/** The session's title and place before the agreement, or why there is nothing to join. */
export type PreviewResult = { preview: JoinPreview } | { refused: ClosedReason };

/**
 * `GET /api/join/:code` on this page's own origin: 404 is a code nobody has, 410 a session that
 * has ended or was cancelled, 429 too many unknown codes from this address; anything else (offline, a server error, an answer we cannot read)
 * means the circle could not be reached, which "Try again" may fix.
 */
export async function fetchJoinPreview(code: string, fetchFn: typeof fetch = fetch): Promise<PreviewResult> {
  let response: Response;
  try {
    response = await fetchFn(`/api/join/${encodeURIComponent(code)}`, { headers: { accept: "application/json" } });
  } catch {
    return { refused: "unreachable" };
  }
  if (response.status === 404) return { refused: "unknown-code" };
  if (response.status === 410) return { refused: "ended" };
  if (response.status === 429) return { refused: "too-many-tries" };
  if (!response.ok) return { refused: "unreachable" };
  const parsed = joinInfoResponse.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { refused: "unreachable" };
  const { title, environment, scheduledAt } = parsed.data;
  return { preview: { title, environment: isEnvironmentId(environment) ? environment : DEFAULT_ENVIRONMENT, scheduledAt } };
}
