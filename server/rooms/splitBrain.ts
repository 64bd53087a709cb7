import type { DurableCircle } from "../cluster/DurableCircle";

/** How often a circle on several processes checks that no newer room holds it, ms. */
export const OWNER_CHECK_MS = 1000;

export interface OwnershipDeps {
  durable: Pick<DurableCircle, "claim" | "superseded" | "yieldToNewer">;
  roomId: string;
  /** the circle's state is shared between processes (Redis): another room may take it over */
  shared: boolean;
  /** run `fn` every `ms` on the room's clock */
  every(fn: () => void, ms: number): void;
  /** out of matchmaking, and everyone told the circle is moving (4200) */
  moveEveryone(): Promise<void>;
}

/**
 * The split-brain guard. With several processes the newest room for a circle holds it (a record per
 * circle in Redis, see snapshotSinks): a process paused or cut off from Redis for longer than
 * Colyseus' health check is thought dead (colyseus/colyseus #968), its circle is brought back from its
 * saved state on another process, and the older room, once it runs again, finds the newer one, saves
 * nothing more, stores no counts and sends everyone there — so no circle goes on in two places.
 */
export function holdCircle(d: OwnershipDeps): void {
  d.durable.claim(d.roomId);
  if (!d.shared) return;
  d.every(() => void yieldIfSuperseded(d), OWNER_CHECK_MS);
}

async function yieldIfSuperseded(d: OwnershipDeps): Promise<void> {
  if (!(await d.durable.superseded(d.roomId))) return;
  d.durable.yieldToNewer();
  await d.moveEveryone();
}
