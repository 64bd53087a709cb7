import { isPatternId } from "../../core/breathing";
import { Role, type JoinOptions, type Role as RoleT } from "../../core/protocol";
import type { CheckInTally } from "../rooms/CheckInTally";
import type { CircleClient } from "../rooms/circleContext";
import type { CircleState, Participant } from "../rooms/CircleState";
import type { PracticeTimer } from "../rooms/PracticeTimer";
import * as act from "../rooms/circleActions";
import { readSnapshot, type CircleSnapshot, type SeatRecord } from "./CircleSnapshot";
import { newSeatId, type SeatTokens } from "./SeatTokens";
import type { SnapshotSink } from "./snapshotSinks";

/** How long a restored circle keeps the seats of people not back yet, ms. */
export const RETURN_WINDOW_MS = 2 * 60 * 1000;

/** Messages that change nothing a moved circle needs (poses, clock, voice signalling). */
const QUIET: ReadonlySet<string> = new Set(["pose", "time", "signal", "mic", "speaking", "voice", "sfu", "react"]);

export interface DurableDeps {
  state: CircleState;
  tally: CheckInTally;
  practice: PracticeTimer;
  /** where the state is saved, and who signs seat tokens (read when first needed: injected after construction) */
  sink(): SnapshotSink;
  tokens(): SeatTokens;
  /** the circle's join code and stored session id (known once the room is created) */
  code(): string;
  session(): string;
  clientOf(sessionId: string): CircleClient | undefined;
  /** take an older connection of the same seat out of the circle (its reconnection window closes) */
  displace(sessionId: string): void;
  /** run `fn` after `ms` on the room's clock */
  later(fn: () => void, ms: number): void;
}

/**
 * A circle that outlives its process. Each person gets an opaque seat id and a signed seat token;
 * the circle's state (see CircleSnapshot) is saved on every change that matters and read back when
 * a room for the same code is created again, and a seat token brings its holder back into the same
 * seat and role. The room calls it from its lifecycle hooks; it never calls back into the room class.
 */
export class DurableCircle {
  private readonly seatIds = new Map<string, string>();
  /** role each person's current token carries, to send a new token when it changes */
  private readonly tokenRoles = new Map<string, RoleT>();
  private readonly needToken = new Set<string>();
  /** seats of a restored circle whose people are not back yet */
  private pending = new Map<string, SeatRecord>();
  private pendingHands: string[] = [];
  private pendingPiece = "";
  private readonly removed = new Set<string>();
  private dirty = false;
  /** the circle's state was handed to its next room (shutdown): save nothing more */
  private handedOver = false;

  constructor(private readonly d: DurableDeps) {}

  /** Opaque seat id of a person in this circle. */
  seatIdOf(sessionId: string): string {
    return this.seatIds.get(sessionId) ?? sessionId;
  }

  /** True once the state was saved for the next room (counts included): this room must not store counts. */
  get movedOn(): boolean {
    return this.handedOver;
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** Mark every message handler but the quiet ones as changing the circle (saved before the next patch). */
  watch<M extends Record<string, unknown>>(messages: M): M {
    const out: Record<string, unknown> = {};
    const mark = () => void (this.dirty = true);
    for (const [type, entry] of Object.entries(messages)) {
      if (QUIET.has(type)) {
        out[type] = entry;
        continue;
      }
      const wrap = (fn: (...args: unknown[]) => unknown) =>
        // A plain function: Colyseus calls handlers with the room as `this`.
        function (this: unknown, ...args: unknown[]) {
          const result = fn.apply(this, args);
          mark();
          return result;
        };
      out[type] =
        typeof entry === "function"
          ? wrap(entry as (...args: unknown[]) => unknown)
          : { ...(entry as object), handler: wrap((entry as { handler: (...args: unknown[]) => unknown }).handler) };
    }
    return out as M;
  }

  /** Read back the circle's saved state, if any, for this session (room creation). */
  async restore(): Promise<boolean> {
    const snap = readSnapshot(await this.d.sink().load(this.d.code()));
    if (!snap || snap.session !== this.d.session()) return false;
    const { state } = this.d;
    state.session.status = snap.status;
    state.session.locked = snap.locked;
    state.pieceMode = snap.pieceMode;
    state.card = snap.card;
    state.chat.on = snap.chat.on;
    state.chat.slowSeconds = snap.chat.slowSeconds;
    state.chat.filter = snap.chat.filter;
    const p = snap.practice;
    if (p.running && isPatternId(p.patternId)) this.d.practice.resume(p.patternId, p.cycles, p.startedAt);
    this.d.tally.restore(snap.checkIns);
    this.pending = new Map(Object.entries(snap.seats));
    this.pendingHands = snap.hands;
    this.pendingPiece = snap.piece;
    for (const id of snap.removed) this.removed.add(id);
    this.d.later(() => {
      this.pending.clear();
      this.dirty = true;
    }, RETURN_WINDOW_MS);
    return true;
  }

  /**
   * Seat someone coming back with a seat token of this circle into their seat and role (before the
   * lock, capacity and admission checks: the seat is theirs). Their role, or null when the token
   * brings nobody back.
   * @param owner the join carried the session owner's facilitator token
   */
  seatReturning(client: CircleClient, options: JoinOptions, owner: boolean): RoleT | null {
    const claims = this.d.tokens().verify(options.seatToken, this.d.code());
    if (!claims || this.removed.has(claims.s)) return null;
    let record = this.pending.get(claims.s);
    let hadHand = this.pendingHands.includes(claims.s);
    let hadPiece = this.pendingPiece === claims.s;
    // The same seat still here (a connection not yet given up): take its place.
    for (const [sessionId, seatId] of this.seatIds) {
      if (seatId !== claims.s || sessionId === client.sessionId) continue;
      const p = this.d.state.participants.get(sessionId);
      if (p) {
        record = recordOf(p);
        hadHand = p.handRaised;
        hadPiece = this.d.state.pieceHolder === sessionId;
      }
      this.d.displace(sessionId);
      this.forget(sessionId);
    }
    if (!record) return null;
    // Only the owner's own token makes a facilitator; a co-facilitator stays one.
    const role = owner ? Role.facilitator : record.role === Role.facilitator ? Role.participant : record.role;
    const p = act.seatPerson(this.d.state, client.sessionId, { pseudonym: claims.p, look: claims.l, role });
    if (!seatTaken(this.d.state, record.n, client.sessionId)) p.seat = record.n;
    p.muted = record.muted;
    p.chatMuted = record.chatMuted;
    p.away = record.away;
    this.seatIds.set(client.sessionId, claims.s);
    this.pending.delete(claims.s);
    if (hadPiece) {
      this.d.state.pieceHolder = client.sessionId;
      this.pendingPiece = "";
    }
    if (hadHand) this.raiseInOrder(client.sessionId);
    this.dirty = true;
    return role;
  }

  /** After any join: give the person a seat id (if new); their seat token follows with the next patch. */
  joined(client: CircleClient): void {
    if (!this.seatIds.has(client.sessionId)) this.seatIds.set(client.sessionId, newSeatId());
    // Sent once the join has completed, when the client is surely listening for it.
    this.tokenRoles.delete(client.sessionId);
    this.needToken.add(client.sessionId);
    this.dirty = true;
  }

  /** A facilitator removed this person: their token no longer brings them back. */
  removedPerson(sessionId: string): void {
    const id = this.seatIds.get(sessionId);
    if (id) this.removed.add(id);
    this.dirty = true;
  }

  /** The owner signed out: a facilitator seat waiting for its person (after a move) is given up for good. */
  facilitatorSignedOut(): void {
    for (const [seatId, record] of this.pending) {
      if (record.role !== Role.facilitator) continue;
      this.pending.delete(seatId);
      this.removed.add(seatId);
      this.pendingHands = this.pendingHands.filter((id) => id !== seatId);
      if (this.pendingPiece === seatId) this.pendingPiece = "";
    }
    this.dirty = true;
  }

  left(sessionId: string): void {
    this.forget(sessionId);
    this.dirty = true;
  }

  /** Before each patch: new tokens for changed roles, and the state saved if anything changed. */
  beforePatch(): void {
    this.d.state.participants.forEach((p, sessionId) => {
      if (this.needToken.has(sessionId) || (this.tokenRoles.has(sessionId) && this.tokenRoles.get(sessionId) !== p.role)) this.sendToken(sessionId);
    });
    if (this.dirty) this.save();
  }

  /** Save now, whatever changed (e.g. a check-in, before it is acknowledged). */
  save(): void {
    if (this.handedOver) return;
    this.dirty = false;
    this.d.sink().save(this.d.code(), JSON.stringify(this.snapshot()));
  }

  /** The process is going away: save everything, counts included, for the circle's next room. */
  handOver(): void {
    this.save();
    this.handedOver = true;
  }

  /** This room now holds the circle (see `superseded`). */
  claim(roomId: string): void {
    this.d.sink().claim(this.d.code(), roomId);
  }

  /**
   * Another room for this circle was created after this one: its process thought this one dead
   * (a pause or a lost Redis connection longer than Colyseus' health check, colyseus/colyseus #968)
   * and brought the circle back from its saved state. False when unsure (Redis unreachable).
   */
  async superseded(roomId: string): Promise<boolean> {
    if (this.handedOver) return false;
    const owner = await this.d.sink().owner(this.d.code()).catch(() => undefined);
    return owner !== undefined && owner !== roomId;
  }

  /** The newer room holds the circle and its counts: save nothing more, store no counts from here. */
  yieldToNewer(): void {
    this.handedOver = true;
  }

  /** The circle is over (ended, or everyone left): nothing to bring back. */
  forgetCircle(): void {
    if (this.handedOver) return;
    this.handedOver = true;
    this.d.sink().remove(this.d.code());
  }

  private forget(sessionId: string): void {
    this.seatIds.delete(sessionId);
    this.tokenRoles.delete(sessionId);
    this.needToken.delete(sessionId);
  }

  private sendToken(sessionId: string): void {
    const p = this.d.state.participants.get(sessionId);
    const seatId = this.seatIds.get(sessionId);
    // Nobody to send it to while their connection is down: it goes when they are back.
    const client = this.d.clientOf(sessionId);
    if (!p || !seatId || !client) return;
    const role = p.role as RoleT;
    const token = this.d.tokens().sign({ c: this.d.code(), s: seatId, n: p.seat, r: role, p: p.pseudonym, l: p.look as never });
    this.tokenRoles.set(sessionId, role);
    this.needToken.delete(sessionId);
    client.send("seat", { token });
  }

  /** Put a returning raised hand back where it was in the line. */
  private raiseInOrder(sessionId: string): void {
    const { state } = this.d;
    act.raiseHand(state, sessionId);
    const rank = (sid: string) => {
      const i = this.pendingHands.indexOf(this.seatIdOf(sid));
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const sorted = [...state.handQueue].sort((a, b) => rank(a) - rank(b));
    state.handQueue.clear();
    for (const sid of sorted) state.handQueue.push(sid);
  }

  private snapshot(): CircleSnapshot {
    const { state } = this.d;
    const seats: Record<string, SeatRecord> = Object.fromEntries(this.pending);
    state.participants.forEach((p, sessionId) => {
      const id = this.seatIds.get(sessionId);
      if (id) seats[id] = recordOf(p);
    });
    const hands = state.handQueue.map((sid) => this.seatIdOf(sid));
    // Hands and the piece of people not back yet keep their place.
    for (const id of this.pendingHands) if (this.pending.has(id) && !hands.includes(id)) hands.push(id);
    const piece = state.pieceHolder ? this.seatIdOf(state.pieceHolder) : this.pending.has(this.pendingPiece) ? this.pendingPiece : "";
    const pr = state.practice;
    return {
      v: 1,
      session: this.d.session(),
      savedAt: Date.now(),
      status: state.session.status as CircleSnapshot["status"],
      locked: state.session.locked,
      pieceMode: state.pieceMode,
      card: state.card,
      chat: { on: state.chat.on, slowSeconds: state.chat.slowSeconds, filter: state.chat.filter as CircleSnapshot["chat"]["filter"] },
      practice: { patternId: isPatternId(pr.patternId) ? pr.patternId : "", cycles: pr.cycles, startedAt: pr.startedAt, running: pr.running },
      seats,
      piece,
      hands,
      removed: [...this.removed],
      checkIns: this.d.tally.save(),
    };
  }
}

function recordOf(p: Participant): SeatRecord {
  return { n: p.seat, role: p.role as RoleT, muted: p.muted, chatMuted: p.chatMuted, away: p.away };
}

function seatTaken(state: CircleState, seat: number, except: string): boolean {
  let taken = false;
  state.participants.forEach((p, sessionId) => {
    if (sessionId !== except && p.seat === seat) taken = true;
  });
  return taken;
}
