import { Protocol, getMessageBytes, type Client } from "@colyseus/core";
import { FRAME_SEATS, POSE_FRAME_HZ, POSE_FRAME_TYPE, POSE_WORDS, PoseFrameWriter, REST_POSE } from "../../core/pose";
import type { CircleState } from "./CircleState";

/**
 * Everyone's pose, relayed as pose frames (core/pose frame.ts, docs/PROTOCOL.md "Pose frames")
 * instead of state fields: `set` keeps each seated person's newest six words, and `flush`, 25
 * times a second, sends one frame with the poses that changed — the same bytes to everyone seated
 * in the circle, and nothing to the waiting area. Someone newly seated (or back after a dropped
 * connection) first gets a catch-up frame with everyone's whole words, since the frames that follow
 * carry differences from them.
 *
 * By seat (0–63): a person is named in a frame by their seat, which the state carries.
 */
export class PoseRelay {
  /** sessionId of whoever sent the pose held for each seat */
  private readonly occupant: (string | undefined)[] = new Array<string | undefined>(FRAME_SEATS).fill(undefined);
  /** newest words per seat */
  private readonly latest = new Uint32Array(FRAME_SEATS * POSE_WORDS);
  /** words as the last frame left them (what everyone seated holds) */
  private readonly sent = new Uint32Array(FRAME_SEATS * POSE_WORDS);
  /** a pose arrived since the last frame */
  private readonly fresh = new Uint8Array(FRAME_SEATS);
  /** the seat's next entry goes whole (a new person there) */
  private readonly whole = new Uint8Array(FRAME_SEATS);
  /** the seat's words are in `sent` (someone there has sent a pose) */
  private readonly held = new Uint8Array(FRAME_SEATS);
  private readonly receivedAt = new Float64Array(FRAME_SEATS);
  /** connections that hold `sent` (have had a catch-up frame) */
  private readonly primed = new WeakSet<Client>();
  private readonly frame = new PoseFrameWriter();
  private readonly catchUp = new PoseFrameWriter();
  private timer: NodeJS.Timeout | undefined;
  /** frames sent (for tests and the bench) */
  frames = 0;

  constructor(
    private readonly state: CircleState,
    private readonly clients: Iterable<Client>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Send frames every 1/POSE_FRAME_HZ s (a timer of its own: the room's clock ticks only with patches). */
  start(): void {
    this.stop();
    this.timer = setInterval(() => this.flush(), 1000 / POSE_FRAME_HZ);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A seated person's pose (validated words). */
  set(sessionId: string, seat: number, words: ArrayLike<number>): void {
    if (seat < 0 || seat >= FRAME_SEATS) return;
    if (this.occupant[seat] !== sessionId) {
      this.occupant[seat] = sessionId;
      this.whole[seat] = 1;
    }
    const at = seat * POSE_WORDS;
    for (let i = 0; i < POSE_WORDS; i++) this.latest[at + i] = words[i]!;
    this.fresh[seat] = 1;
    this.receivedAt[seat] = this.now();
  }

  /** Someone's newest pose words (the resting pose before their first), or undefined if not seated. */
  wordsOf(sessionId: string): number[] | undefined {
    const seat = this.state.participants.get(sessionId)?.seat;
    if (seat === undefined) return undefined;
    if (this.occupant[seat] !== sessionId) return [...REST_POSE];
    return Array.from(this.latest.subarray(seat * POSE_WORDS, (seat + 1) * POSE_WORDS));
  }

  /** Send this frame: the poses that changed to everyone seated; a catch-up to anyone seated since the last. */
  flush(): void {
    const t = this.now();
    const { frame, sent, latest, state } = this;
    frame.begin();
    for (let seat = 0; seat < FRAME_SEATS; seat++) {
      if (!this.occupant[seat]) continue;
      if (state.participants.get(this.occupant[seat]!)?.seat !== seat) {
        // They left (or were never seated): their seat is nobody's pose now.
        this.occupant[seat] = undefined;
        this.fresh[seat] = this.held[seat] = 0;
        continue;
      }
      if (!this.fresh[seat]) continue;
      this.fresh[seat] = 0;
      const at = seat * POSE_WORDS;
      if (frame.entry(seat, t - this.receivedAt[seat]!, sent, at, latest, at, this.whole[seat] === 1)) {
        for (let i = 0; i < POSE_WORDS; i++) sent[at + i] = latest[at + i]!;
        this.whole[seat] = 0;
        this.held[seat] = 1;
      }
    }
    let bytes: Buffer | undefined;
    let caughtUp: Uint8Array | undefined;
    for (const client of this.clients) {
      // The waiting area gets no poses (a privacy rule: it sees nobody in the circle).
      if (!state.participants.has(client.sessionId)) {
        this.primed.delete(client);
        continue;
      }
      if (!this.primed.has(client)) {
        this.primed.add(client);
        caughtUp ??= this.catchUpFrame(t);
        if (caughtUp) client.sendBytes(POSE_FRAME_TYPE, caughtUp);
        continue;
      }
      if (frame.entries === 0) continue;
      bytes ??= getMessageBytes.raw(Protocol.ROOM_DATA_BYTES, POSE_FRAME_TYPE, undefined, frame.finish());
      client.enqueueRaw(bytes);
    }
    if (bytes) this.frames++;
  }

  /** Everyone's words as they stand after this frame, whole; undefined if nobody has sent a pose yet. */
  private catchUpFrame(t: number): Uint8Array | undefined {
    const w = this.catchUp;
    w.begin();
    for (let seat = 0; seat < FRAME_SEATS; seat++) {
      if (!this.held[seat]) continue;
      const at = seat * POSE_WORDS;
      w.entry(seat, t - this.receivedAt[seat]!, this.sent, at, this.sent, at, true);
    }
    return w.entries > 0 ? w.finish() : undefined;
  }
}
