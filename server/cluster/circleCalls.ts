import { matchMaker } from "@colyseus/core";
import { ROOM_NAME } from "../../core/protocol";
import type { LiveRooms } from "../rooms/CircleRoom";

/** What HTTP may ask of a running circle. */
type CircleCall = "end" | "refresh" | "ownerSignedOut";

/**
 * How HTTP reaches a running circle of a session in any process: this process' own room directly,
 * else every listing for the code (one, normally) through Colyseus' remote room call over presence.
 * Failures are logged, never thrown into the request: the stored session row is already updated,
 * and a circle re-created later reads it.
 */
export function circleCalls(live: LiveRooms) {
  const call = async (code: string, method: CircleCall): Promise<void> => {
    const local = live.get(code);
    if (local) return void local[method]();
    const listings = await matchMaker.query({ name: ROOM_NAME, code } as Parameters<typeof matchMaker.query>[0]);
    await Promise.all(listings.map((l) => matchMaker.remoteRoomCall(l.roomId, method)));
  };
  const fire = (code: string, method: CircleCall) =>
    void call(code, method).catch((e: unknown) => console.error(`circle ${method} for a session failed:`, (e as Error)?.message));
  return {
    end: (code: string) => fire(code, "end"),
    refresh: (code: string) => fire(code, "refresh"),
    signedOut: (code: string) => fire(code, "ownerSignedOut"),
    /** the same, awaited (tests, shutdown) */
    call,
  };
}
