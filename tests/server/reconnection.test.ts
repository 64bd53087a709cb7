import { afterAll, beforeAll, expect, it } from "vitest";
import { bootApp, circle, serverRoom, sleep, until, type Booted } from "./harness";

/**
 * allowReconnection rejects at once when the room is disposing ("disposing") or the client never
 * finished joining ("not joined"). The room must handle that itself: an unhandled rejection would
 * crash a process that exits on them (today only @pm2/io's handler keeps it up).
 */
let b: Booted;
beforeAll(async () => { b = await bootApp(); });
afterAll(async () => { await b.stop(); });

it("a circle disconnected while people are in it (server shutting down) leaves no unhandled rejection", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const { s, people } = await circle(b, 3);
    for (const p of people) p.reconnection.enabled = false;
    const room = serverRoom(b, s.code);
    // 4001 is Colyseus' "server shutdown": not a final close, so the room offers a reconnection window.
    await room.disconnect(4001);
    await until(() => !b.app.live.has(s.code), 3000, "room disposed");
    await sleep(200);
    expect(unhandled.map((r) => (r instanceof Error ? r.message : String(r)))).toEqual([]);
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});
