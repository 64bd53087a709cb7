import { ServerClock } from "../../core/clock";

/** What clock sync needs of a joined room. */
export interface TimeChannel {
  send(type: "time", payload: { t0: number }): void;
  onMessage(type: "time", callback: (reply: { t0: number; t1: number }) => void): () => void;
}

/** Pings sent right after joining, ms apart: within the server's `time` rate (4/s, burst 10). */
export const SYNC_BURST = 6;
export const SYNC_BURST_GAP_MS = 120;
/** One more ping this often afterwards, so a drifting clock is followed, ms. */
export const SYNC_EVERY_MS = 30_000;
/** Until the estimate is known to within this many ms either way… */
export const SYNC_GOOD_BOUND_MS = 10;
/** …a ping this often (well within the server's `time` rate), ms… */
export const SYNC_UNSURE_EVERY_MS = 2_000;
/**
 * …and while it may be off by more than this (two people's pacers could then be 50 ms apart: a busy
 * page or network stretched every reply so far)…
 */
export const SYNC_POOR_BOUND_MS = 25;
/** …one every half second, so the replies that happen to be quick narrow it soon, ms. */
export const SYNC_POOR_EVERY_MS = 500;

/** The circle's view of the server clock (the shared breathing practice runs on it). */
export const roomClock = new ServerClock();

/**
 * Keep `clock` mapped to the server's: a burst of `time` pings on joining, then one every 0.5 s while
 * the estimate may be more than 25 ms off, every 2 s while it may be more than 10 ms off, and every
 * 30 s once it is not.
 * `ServerClock` narrows its estimate with every sample. Returns the cleanup.
 */
export function startClockSync(room: TimeChannel, clock: ServerClock = roomClock, now: () => number = () => performance.now()): () => void {
  const off = room.onMessage("time", ({ t0, t1 }) => clock.add({ t0, t1, t2: now() }));
  let sent = 0;
  const ping = () => room.send("time", { t0: now() });
  const burst = setInterval(() => {
    ping();
    if (++sent >= SYNC_BURST) clearInterval(burst);
  }, SYNC_BURST_GAP_MS);
  ping();
  sent++;
  let steady: ReturnType<typeof setTimeout>;
  const next = () => {
    steady = setTimeout(
      () => {
        ping();
        next();
      },
      clock.bound > SYNC_POOR_BOUND_MS ? SYNC_POOR_EVERY_MS : clock.bound > SYNC_GOOD_BOUND_MS ? SYNC_UNSURE_EVERY_MS : SYNC_EVERY_MS,
    );
  };
  next();
  return () => {
    off();
    clearInterval(burst);
    clearTimeout(steady);
  };
}
