import { z } from "zod";
import { PATTERN_IDS } from "../../core/breathing";
import { CHAT_FILTERS, Role, SessionStatus } from "../../core/protocol";

/** A saved circle older than this is not brought back (the session is long over), ms. */
export const SNAPSHOT_MAX_AGE_MS = 6 * 60 * 60 * 1000;

const seatRecord = z.object({
  /** seat number around the circle */
  n: z.number().int().min(0).max(255),
  role: z.enum([Role.facilitator, Role.cofacilitator, Role.participant]),
  muted: z.boolean(),
  chatMuted: z.boolean(),
  away: z.boolean(),
});
export type SeatRecord = z.infer<typeof seatRecord>;

/**
 * What a circle needs to go on after its process is gone, keyed by opaque seat ids. Never a
 * pseudonym, a look or anything anyone said: those travel with each person's seat token or not at all.
 */
export const circleSnapshot = z.object({
  v: z.literal(1),
  /** id of the stored session row */
  session: z.string(),
  savedAt: z.number(),
  status: z.enum([SessionStatus.waiting, SessionStatus.open, SessionStatus.ended]),
  locked: z.boolean(),
  pieceMode: z.boolean(),
  card: z.string().max(64),
  chat: z.object({ on: z.boolean(), slowSeconds: z.number().int().min(0).max(255), filter: z.enum(CHAT_FILTERS) }),
  practice: z.object({
    patternId: z.union([z.enum(PATTERN_IDS), z.literal("")]),
    cycles: z.number().int().min(0).max(255),
    startedAt: z.number(),
    running: z.boolean(),
  }),
  seats: z.record(z.string(), seatRecord),
  /** seat id holding the talking piece, "" if nobody */
  piece: z.string(),
  /** seat ids with a raised hand, in the order they raised it */
  hands: z.array(z.string()),
  /** seat ids a facilitator removed: their seat tokens no longer bring them back */
  removed: z.array(z.string()),
  checkIns: z.object({
    counts: z.object({ countBefore: z.number(), sumBefore: z.number(), countAfter: z.number(), sumAfter: z.number() }),
    /** `phase:seatId` of everyone who answered */
    answered: z.array(z.string()),
    /** [seatId, value] of "before" answers still waiting for the same seat's "after" (then only the pair's sums remain) */
    waiting: z.array(z.tuple([z.string(), z.number().int().min(0).max(10)])),
  }),
});
export type CircleSnapshot = z.infer<typeof circleSnapshot>;

/** A saved circle from JSON, or undefined when it is missing, malformed or too old. */
export function readSnapshot(json: string | undefined, now = Date.now()): CircleSnapshot | undefined {
  if (!json) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = circleSnapshot.safeParse(data);
  if (!parsed.success || now - parsed.data.savedAt > SNAPSHOT_MAX_AGE_MS) return undefined;
  return parsed.data;
}
