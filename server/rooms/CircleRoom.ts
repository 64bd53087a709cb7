import { CloseCode as ColyseusClose, Room, ServerError, validate, type AuthContext, type Client, type Deferred, type Delayed } from "@colyseus/core";
import { cycleMs, getPattern } from "../../core/breathing";
import {
  ActionError,
  CloseCode,
  FACILITATOR_RECONNECT_SECONDS,
  JoinError,
  MAX_CAPACITY,
  MAX_MESSAGES_PER_SECOND,
  PRACTICE_LEAD_MS,
  RECONNECT_SECONDS,
  Role,
  SessionStatus,
  cleanPseudonym,
  mayPerform,
  payloads,
  type ClientMessage,
  type JoinOptions,
  type ServerMessages,
} from "../../core/protocol";
import type { TokenService } from "../auth/tokens";
import type { Store } from "../store/types";
import { CheckInTally } from "./CheckInTally";
import { CircleState, type Participant } from "./CircleState";
import * as act from "./circleActions";
import { checkJoin, sessionForCode, type JoinAuth } from "./joinGate";
import { RateGate } from "./RateGate";
import { serverNow } from "./serverTime";

export type CircleClient = Client<{ auth: JoinAuth; messages: ServerMessages }>;

/** Live rooms in this process by join code, so HTTP can end a running session. */
export type LiveRooms = Map<string, CircleRoom>;

export interface CircleDeps {
  store: Store;
  tokens: TokenService;
  live: LiveRooms;
}

/** Codes after which a dropped client gets no reconnection window. */
const FINAL_CLOSES: ReadonlySet<number> = new Set([ColyseusClose.WITH_ERROR, CloseCode.REMOVED, CloseCode.SESSION_ENDED]);

const gate = () =>
  new RateGate({
    pose: { perSecond: 20, burst: 4 },
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
  override maxClients = MAX_CAPACITY + 8;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;

  /** Injected by `bindCircleRoom`. */
  protected deps!: CircleDeps;
  private sessionId = "";
  private ownerId = "";
  private code = "";
  private readonly tally = new CheckInTally();
  private readonly rates = gate();
  private readonly reconnecting = new Map<string, Deferred<Client>>();
  private practiceEnd: Delayed | undefined;

  static override async onAuth(_token: string, _options: JoinOptions, _context: AuthContext): Promise<unknown> {
    throw new ServerError(JoinError.INVALID_OPTIONS, "CircleRoom must be bound with bindCircleRoom()");
  }

  override messages = {
    pose: validate(payloads.pose, (client, w) => {
      const p = this.member(client);
      if (!p || !this.rates.allow(client.sessionId, "pose")) return;
      p.hp = w[0]!; p.hq = w[1]!; p.lp = w[2]!; p.lq = w[3]!; p.rp = w[4]!; p.rq = w[5]!;
    }),
    raiseHand: validate(payloads.raiseHand, (client) => this.self(client, () => act.raiseHand(this.state, client.sessionId))),
    lowerHand: validate(payloads.lowerHand, (client) => this.self(client, () => act.lowerHand(this.state, client.sessionId))),
    react: validate(payloads.react, (client, m) => {
      if (this.member(client) && this.rates.allow(client.sessionId, "react")) this.broadcast("reaction", { from: client.sessionId, kind: m.kind });
    }),
    stepAway: validate(payloads.stepAway, (client) => this.self(client, (p) => void (p.away = true))),
    stepBack: validate(payloads.stepBack, (client) => this.self(client, (p) => void (p.away = false))),
    needMoment: validate(payloads.needMoment, (client) => {
      if (!this.member(client) || !this.rates.allow(client.sessionId, "moment")) return;
      // Private: only facilitators and co-facilitators receive it; nothing is stored or logged.
      for (const c of this.clients) {
        const role = this.state.participants.get(c.sessionId)?.role;
        if (role === Role.facilitator || role === Role.cofacilitator) c.send("moment", { from: client.sessionId });
      }
    }),
    passPiece: validate(payloads.passPiece, (client, m) => {
      if (!this.member(client)) return;
      if (this.state.pieceHolder !== client.sessionId) return this.refuse(client, "passPiece", ActionError.INVALID_STATE);
      if (!this.target(client, "passPiece", m.to)) return;
      this.state.pieceHolder = m.to;
    }),
    checkIn: validate(payloads.checkIn, (client, m) => {
      if (!this.member(client) || !this.rates.allow(client.sessionId, "other")) return;
      if (!this.tally.add(client.sessionId, m.phase, m.value)) return this.refuse(client, "checkIn", ActionError.ALREADY_CHECKED_IN);
      client.send("checkedIn", { phase: m.phase });
    }),
    time: validate(payloads.time, (client, m) => {
      if (this.member(client) && this.rates.allow(client.sessionId, "time")) client.send("time", { t0: m.t0, t1: serverNow() });
    }),

    openCircle: validate(payloads.openCircle, (client) => this.lead(client, "openCircle", () => {
      if (this.state.session.status !== SessionStatus.waiting) return ActionError.INVALID_STATE;
      this.state.session.status = SessionStatus.open;
    })),
    startPractice: validate(payloads.startPractice, (client, m) => this.lead(client, "startPractice", () => {
      if (this.state.session.status !== SessionStatus.open) return ActionError.INVALID_STATE;
      const practice = this.state.practice;
      practice.patternId = m.patternId;
      practice.cycles = m.cycles;
      practice.startedAt = serverNow() + PRACTICE_LEAD_MS;
      practice.running = true;
      this.practiceEnd?.clear();
      this.practiceEnd = this.clock.setTimeout(
        () => (practice.running = false),
        PRACTICE_LEAD_MS + m.cycles * cycleMs(getPattern(m.patternId)),
      );
    })),
    stopPractice: validate(payloads.stopPractice, (client) => this.lead(client, "stopPractice", () => {
      if (!this.state.practice.running) return ActionError.INVALID_STATE;
      this.stopPractice();
    })),
    setEnvironment: validate(payloads.setEnvironment, (client, m) => this.lead(client, "setEnvironment", () => {
      this.state.session.environment = m.environment;
      this.deps.store.sessions.update(this.sessionId, { environment: m.environment });
    })),
    mute: validate(payloads.mute, (client, m) => this.onTarget(client, "mute", m.target, (t) => void (t.muted = true))),
    unmute: validate(payloads.unmute, (client, m) => this.onTarget(client, "unmute", m.target, (t) => void (t.muted = false))),
    muteAll: validate(payloads.muteAll, (client) => this.lead(client, "muteAll", () => act.muteAll(this.state))),
    remove: validate(payloads.remove, (client, m) => this.onTarget(client, "remove", m.target, (t, sender) => {
      if (t.role === Role.facilitator) return ActionError.FORBIDDEN;
      if (t.role === Role.cofacilitator && sender.role !== Role.facilitator) return ActionError.FORBIDDEN;
      this.removePerson(m.target);
    })),
    lock: validate(payloads.lock, (client) => this.lead(client, "lock", () => void (this.state.session.locked = true))),
    unlock: validate(payloads.unlock, (client) => this.lead(client, "unlock", () => void (this.state.session.locked = false))),
    givePiece: validate(payloads.givePiece, (client, m) => this.onTarget(client, "givePiece", m.to, () => void (this.state.pieceHolder = m.to))),
    takePiece: validate(payloads.takePiece, (client) => this.lead(client, "takePiece", () => void (this.state.pieceHolder = client.sessionId))),
    callNext: validate(payloads.callNext, (client) => this.lead(client, "callNext", () => (act.callNext(this.state) ? undefined : ActionError.INVALID_STATE))),
    promote: validate(payloads.promote, (client, m) => this.onTarget(client, "promote", m.target, (t) => {
      if (t.role !== Role.participant) return ActionError.INVALID_STATE;
      t.role = Role.cofacilitator;
    })),
    demote: validate(payloads.demote, (client, m) => this.onTarget(client, "demote", m.target, (t) => {
      if (t.role !== Role.cofacilitator) return ActionError.INVALID_STATE;
      t.role = Role.participant;
    })),
    endSession: validate(payloads.endSession, (client) => this.lead(client, "endSession", () => this.end())),
  };

  override onCreate(options: JoinOptions): void {
    const session = sessionForCode(this.deps.store, options.code);
    if (this.deps.live.has(session.code)) throw new ServerError(JoinError.INVALID_OPTIONS, "circle already open");
    this.sessionId = session.id;
    this.ownerId = session.facilitatorId;
    this.code = session.code;
    this.deps.live.set(this.code, this);
    const info = this.state.session;
    info.title = session.title;
    info.environment = session.environment;
    info.capacity = session.capacity;
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
    this.saveAggregate();
  }

  /** End the session for everyone: stored as ended, aggregates saved, all disconnected. */
  end(): void {
    if (this.state.session.status === SessionStatus.ended) return;
    this.state.session.status = SessionStatus.ended;
    this.stopPractice();
    const row = this.deps.store.sessions.byId(this.sessionId);
    if (row?.status === "scheduled") this.deps.store.sessions.setStatus(this.sessionId, "ended", Date.now());
    this.saveAggregate();
    for (const pending of this.reconnecting.values()) pending.reject(false);
    this.broadcastPatch();
    void this.disconnect(CloseCode.SESSION_ENDED);
  }

  private saveAggregate(): void {
    if (!this.tally.empty && this.state.session.status === SessionStatus.ended) {
      this.deps.store.aggregates.put(this.tally.aggregate(this.sessionId));
    }
  }

  private stopPractice(): void {
    this.practiceEnd?.clear();
    this.practiceEnd = undefined;
    this.state.practice.running = false;
  }

  private removePerson(sessionId: string): void {
    act.unseat(this.state, sessionId);
    this.reconnecting.get(sessionId)?.reject(false);
    this.reconnecting.delete(sessionId);
    this.clients.getById(sessionId)?.leave(CloseCode.REMOVED);
  }

  /** The sender's seat, or undefined if they are not (or no longer) in the circle. */
  private member(client: CircleClient): Participant | undefined {
    return this.state.participants.get(client.sessionId);
  }

  private refuse(client: CircleClient, action: ClientMessage, code: ActionError): void {
    client.send("error", { action, code });
  }

  /** A self-service change (hand, away) under the shared rate. */
  private self(client: CircleClient, change: (p: Participant) => unknown): void {
    const p = this.member(client);
    if (p && this.rates.allow(client.sessionId, "other")) change(p);
  }

  /** Run a facilitator action if the sender's role allows it; the action may return a refusal code. */
  private lead(client: CircleClient, action: ClientMessage, run: (sender: Participant) => ActionError | void | boolean): void {
    const sender = this.member(client);
    if (!sender) return;
    if (!mayPerform(sender.role as Role, action)) return this.refuse(client, action, ActionError.FORBIDDEN);
    const refusal = run(sender);
    if (typeof refusal === "string") this.refuse(client, action, refusal);
  }

  private target(client: CircleClient, action: ClientMessage, sessionId: string): Participant | undefined {
    const t = this.state.participants.get(sessionId);
    if (!t) this.refuse(client, action, ActionError.NO_SUCH_PARTICIPANT);
    return t;
  }

  private onTarget(
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
