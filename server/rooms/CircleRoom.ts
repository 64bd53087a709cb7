import { Room, ServerError, type AuthContext, type Client, type Deferred, type Delayed } from "@colyseus/core";
import { cycleMs, getPattern, type BuiltInPatternId } from "../../core/breathing";
import type { EnvironmentId } from "../../core/environments";
import {
  ActionError,
  CloseCode,
  FACILITATOR_RECONNECT_SECONDS,
  JoinError,
  MAX_SEATS,
  MAX_MESSAGES_PER_SECOND,
  PATCH_MS,
  POSE_MAX_PER_SECOND,
  PRACTICE_LEAD_MS,
  RECONNECT_SECONDS,
  Role,
  SessionStatus,
  cleanPseudonym,
  mayPerform,
  type ClientMessage,
  type JoinOptions,
  type ServerMessages,
} from "../../core/protocol";
import type { TokenService } from "../auth/tokens";
import type { Store } from "../store/types";
import { CheckInTally } from "./CheckInTally";
import { CircleState, type Participant } from "./CircleState";
import * as act from "./circleActions";
import { facilitatorMessages } from "./facilitatorMessages";
import { participantMessages } from "./participantMessages";
import { checkJoin, sessionForCode, type JoinAuth } from "./joinGate";
import { RateGate } from "./RateGate";
import { serverNow } from "./serverTime";

export type CircleClient = Client<{ auth: JoinAuth; messages: ServerMessages }>;

/** Live rooms in this process by join code, so HTTP can end or refresh a running session. */
export type LiveRooms = Map<string, CircleRoom>;

export interface CircleDeps {
  store: Store;
  tokens: TokenService;
  live: LiveRooms;
}

/** Codes after which a dropped client gets no reconnection window. */
const FINAL_CLOSES: ReadonlySet<number> = new Set([CloseCode.WITH_ERROR, CloseCode.REMOVED, CloseCode.SESSION_ENDED]);

const gate = () =>
  new RateGate({
    pose: { perSecond: POSE_MAX_PER_SECOND, burst: 4 },
    react: { perSecond: 2, burst: 4 },
    moment: { perSecond: 0.2, burst: 2 },
    time: { perSecond: 4, burst: 10 },
    other: { perSecond: 5, burst: 10 },
  });

/**
 * A facilitator-led circle. One room per session, found by its join code (`filterBy(["code"])`).
 * The server decides roles, capacity, lock and the clock; see docs/PROTOCOL.md.
 */
export class CircleRoom extends Room<{ state: CircleState; client: CircleClient }> {
  override state = new CircleState();
  // Capacity and lock are enforced in onJoin with clear errors; Colyseus' own maxClients/lock()
  // would make joinOrCreate quietly open a second room for the same code.
  override maxClients = MAX_SEATS;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  /** 15 Hz, so poses of a full, moving circle stay under 8 KB/s per client (see PATCH_HZ). */
  override patchRate = PATCH_MS;

  /** Injected by `bindCircleRoom`. */
  protected deps!: CircleDeps;
  /** id of the stored session (not a Colyseus sessionId) */
  private sessionRowId = "";
  private ownerId = "";
  private code = "";
  /** check-in counts (see CheckInTally) */
  readonly tally = new CheckInTally();
  /** per-person message rates */
  readonly rates = gate();
  private readonly reconnecting = new Map<string, Deferred<Client>>();
  private practiceEnd: Delayed | undefined;

  static override async onAuth(_token: string, _options: JoinOptions, _context: AuthContext): Promise<unknown> {
    throw new ServerError(JoinError.INVALID_OPTIONS, "CircleRoom must be bound with bindCircleRoom()");
  }

  override messages = { ...participantMessages(this), ...facilitatorMessages(this) };

  override onCreate(options: JoinOptions): void {
    const session = sessionForCode(this.deps.store, options.code);
    if (this.deps.live.has(session.code)) throw new ServerError(JoinError.INVALID_OPTIONS, "circle already open");
    this.sessionRowId = session.id;
    this.ownerId = session.facilitatorId;
    this.code = session.code;
    this.deps.live.set(this.code, this);
    this.refresh();
  }

  /** Show the stored session's title, environment and capacity (after an edit over HTTP). */
  refresh(): void {
    const row = this.deps.store.sessions.byId(this.sessionRowId);
    if (!row) return;
    const info = this.state.session;
    info.title = row.title;
    info.environment = row.environment;
    info.capacity = row.capacity;
  }

  override onJoin(client: CircleClient, options: JoinOptions, auth: JoinAuth): void {
    const info = this.state.session;
    if (info.status === SessionStatus.ended) throw new ServerError(JoinError.SESSION_ENDED, "this circle has ended");
    const role = auth?.facilitatorId && auth.facilitatorId === this.ownerId ? Role.facilitator : Role.participant;
    if (role === Role.participant) {
      if (info.locked) throw new ServerError(JoinError.LOCKED, "the circle is closed to new people for now");
      if (act.participantCount(this.state) >= info.capacity) throw new ServerError(JoinError.FULL, "the circle is full");
    }
    const pseudonym = cleanPseudonym(options.pseudonym);
    if (!pseudonym) throw new ServerError(JoinError.INVALID_OPTIONS, "pseudonym must be 1–24 printable characters");
    act.seatPerson(this.state, client.sessionId, { pseudonym, look: options.look, role });
  }

  override onDrop(client: CircleClient, code?: number): void {
    const p = this.state.participants.get(client.sessionId);
    if (!p || (code !== undefined && FINAL_CLOSES.has(code))) return;
    p.connected = false;
    const seconds = p.role === Role.facilitator ? FACILITATOR_RECONNECT_SECONDS : RECONNECT_SECONDS;
    const pending = this.allowReconnection(client, seconds);
    this.reconnecting.set(client.sessionId, pending);
  }

  override onReconnect(client: CircleClient): void {
    this.reconnecting.delete(client.sessionId);
    const p = this.state.participants.get(client.sessionId);
    if (!p) throw new Error("no longer in the circle");
    p.connected = true;
  }

  override onLeave(client: CircleClient): void {
    this.reconnecting.delete(client.sessionId);
    this.rates.forget(client.sessionId);
    act.unseat(this.state, client.sessionId);
  }

  override onDispose(): void {
    this.practiceEnd?.clear();
    if (this.deps.live.get(this.code) === this) this.deps.live.delete(this.code);
    // Everyone left (or the process is shutting down) before the session ended: keep the counts,
    // so a later circle for the same session, or an end over HTTP, still has them.
    this.saveCheckIns();
  }

  /** End the session for everyone: stored as ended, aggregates saved, all disconnected. */
  end(): void {
    if (this.state.session.status === SessionStatus.ended) return;
    this.state.session.status = SessionStatus.ended;
    this.stopPractice();
    const row = this.deps.store.sessions.byId(this.sessionRowId);
    if (row?.status === "scheduled") this.deps.store.sessions.setStatus(this.sessionRowId, "ended", Date.now());
    this.saveCheckIns();
    for (const pending of this.reconnecting.values()) pending.reject(false);
    this.broadcastPatch();
    void this.disconnect(CloseCode.SESSION_ENDED);
  }

  /** Add this room's new check-in counts and sums to the session's stored aggregate (each answer once). */
  private saveCheckIns(): void {
    const totals = this.tally.take();
    if (totals) this.deps.store.aggregates.add(this.sessionRowId, totals);
  }

  /** Start a group exercise a few seconds ahead, on the server clock; it stops by itself after the last cycle. */
  startPractice(patternId: BuiltInPatternId, cycles: number): void {
    const practice = this.state.practice;
    practice.patternId = patternId;
    practice.cycles = cycles;
    practice.startedAt = serverNow() + PRACTICE_LEAD_MS;
    practice.running = true;
    this.practiceEnd?.clear();
    this.practiceEnd = this.clock.setTimeout(
      () => (practice.running = false),
      PRACTICE_LEAD_MS + cycles * cycleMs(getPattern(patternId)),
    );
  }

  setEnvironment(environment: EnvironmentId): void {
    this.state.session.environment = environment;
    this.deps.store.sessions.update(this.sessionRowId, { environment });
  }

  stopPractice(): void {
    this.practiceEnd?.clear();
    this.practiceEnd = undefined;
    this.state.practice.running = false;
  }

  /** Take someone out for good: seat freed, connection closed with 4100, no reconnection. */
  removePerson(sessionId: string): void {
    act.unseat(this.state, sessionId);
    this.reconnecting.get(sessionId)?.reject(false);
    this.reconnecting.delete(sessionId);
    this.clients.getById(sessionId)?.leave(CloseCode.REMOVED);
  }

  /** The sender's seat, or undefined if they are not (or no longer) in the circle. */
  member(client: CircleClient): Participant | undefined {
    return this.state.participants.get(client.sessionId);
  }

  refuse(client: CircleClient, action: ClientMessage, code: ActionError): void {
    client.send("error", { action, code });
  }

  /** A self-service change (hand, away) under the shared rate. */
  self(client: CircleClient, change: (p: Participant) => unknown): void {
    const p = this.member(client);
    if (p && this.rates.allow(client.sessionId, "other")) change(p);
  }

  /** Run a facilitator action if the sender's role allows it; the action may return a refusal code. */
  lead(client: CircleClient, action: ClientMessage, run: (sender: Participant) => ActionError | void | boolean): void {
    const sender = this.member(client);
    if (!sender) return;
    if (!mayPerform(sender.role as Role, action)) return this.refuse(client, action, ActionError.FORBIDDEN);
    const refusal = run(sender);
    if (typeof refusal === "string") this.refuse(client, action, refusal);
  }

  /** The target of an action, or undefined after refusing with no-such-participant. */
  target(client: CircleClient, action: ClientMessage, sessionId: string): Participant | undefined {
    const t = this.state.participants.get(sessionId);
    if (!t) this.refuse(client, action, ActionError.NO_SUCH_PARTICIPANT);
    return t;
  }

  /** A facilitator action on one person. */
  onTarget(
    client: CircleClient,
    action: ClientMessage,
    targetId: string,
    run: (target: Participant, sender: Participant) => ActionError | void,
  ): void {
    this.lead(client, action, (sender) => {
      const t = this.target(client, action, targetId);
      return t ? run(t, sender) : undefined;
    });
  }
}

/** A CircleRoom class wired to this process's store and token service. */
export function bindCircleRoom(deps: CircleDeps) {
  return class BoundCircleRoom extends CircleRoom {
    protected override deps = deps;
    static override onAuth(token: string, options: JoinOptions, _context: AuthContext): Promise<unknown> {
      return checkJoin(deps.store, deps.tokens, token, options);
    }
  };
}
