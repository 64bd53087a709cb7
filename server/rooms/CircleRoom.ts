import { Deferred, Room, ServerError, type AuthContext, type Client, type MessageContext } from "@colyseus/core";
import type { EnvironmentId } from "../../core/environments";
import {
  ActionError,
  CloseCode,
  FACILITATOR_RECONNECT_SECONDS,
  JoinError,
  MAX_SEATS,
  MAX_MESSAGES_PER_SECOND,
  PATCH_MS,
  RECONNECT_SECONDS,
  Role,
  SessionStatus,
  UNKNOWN_ACTION,
  cleanPseudonym,
  type JoinOptions,
} from "../../core/protocol";
import type { TokenService } from "../auth/tokens";
import type { Store } from "../store/types";
import { Admission, MAX_KNOCKING } from "./Admission";
import { ChatLog } from "./ChatLog";
import { chatMessages } from "./chatMessages";
import { CheckInTally } from "./CheckInTally";
import { CircleState } from "./CircleState";
import * as act from "./circleActions";
import { newCircleRates, type CircleClient, type CircleContext } from "./circleContext";
import { facilitatorMessages } from "./facilitatorMessages";
import { Guards } from "./guards";
import { participantMessages } from "./participantMessages";
import { atTheDoor } from "./door";
import { checkJoin, sessionForCode, type JoinAuth } from "./joinGate";
import { PoseRelay } from "./PoseRelay";
import { PracticeTimer } from "./PracticeTimer";
import { UNKNOWN_REQUEST, screenRequests } from "./requestScreen";
import { PrivateAlerts } from "./PrivateAlerts";
import { VoiceFloor } from "./VoiceFloor";
import { voiceMessages, type CircleVoice } from "./voiceMessages";
import type { VoiceDeps } from "../voice/voiceDeps";
import { closeSfu, openSfu } from "../voice/circleSfu";
import type { CodeGuesses } from "../http/codeGuesses";
import { logUnexpected } from "../http/ApiError";
import { DurableCircle } from "../cluster/DurableCircle";
import type { SeatTokens } from "../cluster/SeatTokens";
import type { SnapshotSink } from "../cluster/snapshotSinks";

export type { CircleClient } from "./circleContext";

/** Live rooms in this process by join code, so HTTP can end or refresh a running session. */
export type LiveRooms = Map<string, CircleRoom>;

export interface CircleDeps {
  store: Store;
  tokens: TokenService;
  live: LiveRooms;
  /** ICE servers and the SFU, if any (mesh without) */
  voice?: VoiceDeps;
  /** per-address limit on unknown join codes (shared with GET /api/join/:code) */
  guesses?: CodeGuesses;
  /** seat tokens and where circles' state is saved, so a circle outlives its process (server/cluster) */
  seats: SeatTokens;
  snapshots: SnapshotSink;
}

/** How often a circle on several processes checks that no newer room holds it, ms. */
const OWNER_CHECK_MS = 1000;

/** Codes after which a dropped client gets no reconnection window. */
const FINAL_CLOSES: ReadonlySet<number> = new Set([
  CloseCode.WITH_ERROR,
  CloseCode.TOO_LARGE,
  CloseCode.REMOVED,
  CloseCode.SESSION_ENDED,
  CloseCode.DECLINED,
  CloseCode.SIGNED_OUT,
]);

/**
 * A socket error is something the client sent (a frame over MAX_FRAME_BYTES, a broken frame): the
 * socket closes because of it (1009 for a frame too large), and the room sees only an abnormal
 * close (1006), so the error itself is what marks the drop as final. The transport would print
 * each one with a stack trace, which anyone could use to flood the log; nothing of it is printed.
 */
function onSocketError(client: CircleClient, broken: (sessionId: string) => void): void {
  client.ref.removeAllListeners("error");
  client.ref.on("error", () => broken(client.sessionId));
}

/**
 * A facilitator-led circle. One room per session, found by its join code (`filterBy(["code"])`).
 * The server decides roles, capacity, lock and the clock; see docs/PROTOCOL.md.
 */
export class CircleRoom extends Room<{ state: CircleState; client: CircleClient }> {
  override state = new CircleState();
  // Capacity and lock are enforced in onJoin with clear errors; Colyseus' own maxClients/lock()
  // would make joinOrCreate quietly open a second room for the same code.
  override maxClients = MAX_SEATS + MAX_KNOCKING;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  /** 15 Hz (see PATCH_HZ); poses are not in the state but in pose frames (PoseRelay). */
  override patchRate = PATCH_MS;

  /** Injected by `bindCircleRoom`. */
  protected deps!: CircleDeps;
  /** id of the stored session (not a Colyseus sessionId) */
  private sessionRowId = "";
  private ownerId = "";
  private code = "";
  /** check-in counts (see CheckInTally) */
  private readonly tally = new CheckInTally((sessionId) => this.durable.seatIdOf(sessionId));
  /** per-person message rates */
  private readonly rates = newCircleRates();
  private readonly practice = new PracticeTimer(this.state.practice, (fn, ms) => this.clock.setTimeout(fn, ms));
  private readonly reconnecting = new Map<string, Deferred<Client>>();
  private readonly clientOf = (sessionId: string): CircleClient | undefined => this.clients.getById(sessionId);
  private readonly alerts = new PrivateAlerts({ state: this.state, clients: this.clients, clientOf: this.clientOf });
  private readonly floor = new VoiceFloor(this.state);
  private readonly voice: CircleVoice = { floor: this.floor, config: { mode: "mesh", iceServers: [] }, sfu: null };
  private readonly chat = new ChatLog();
  private readonly admission = new Admission(this.state);
  /** everyone's pose, to the people seated, in pose frames */
  readonly poses = new PoseRelay(this.state, this.clients);
  /** people whose socket broke on something they sent (e.g. a frame over 4 KB): their drop is final */
  private readonly brokeTheirSocket = new Set<string>();
  private readonly markBroken = (sessionId: string) => void this.brokeTheirSocket.add(sessionId);
  /** seat ids, seat tokens and the saved state that let this circle outlive its process */
  private readonly durable: DurableCircle = new DurableCircle({
    state: this.state,
    tally: this.tally,
    practice: this.practice,
    sink: () => this.deps.snapshots,
    tokens: () => this.deps.seats,
    code: () => this.code,
    session: () => this.sessionRowId,
    clientOf: this.clientOf,
    displace: (sessionId) => this.displace(sessionId),
    later: (fn, ms) => void this.clock.setTimeout(fn, ms),
  });

  static override async onAuth(_token: string, _options: JoinOptions, _context: AuthContext): Promise<unknown> {
    throw new ServerError(JoinError.INVALID_OPTIONS, "CircleRoom must be bound with bindCircleRoom()");
  }

  /** What the handlers may touch (see CircleContext): they never call back into this class. */
  private readonly context: CircleContext = {
    state: this.state,
    rates: this.rates,
    tally: this.tally,
    practice: this.practice,
    alerts: this.alerts,
    voice: this.voice,
    chat: this.chat,
    admission: this.admission,
    poses: this.poses,
    clients: this.clients,
    clientOf: this.clientOf,
    // To the people seated in the circle only: the waiting area hears nothing of it.
    broadcast: (type, payload) => {
      for (const c of this.clients) if (this.state.participants.has(c.sessionId)) c.send(type, payload);
    },
    setEnvironment: (environment) => this.setEnvironment(environment),
    removePerson: (sessionId) => this.removePerson(sessionId),
    end: () => this.end(),
    admit: (sessionId) => this.admit(sessionId),
    decline: (sessionId) => this.decline(sessionId),
    setAdmission: (on) => this.setAdmission(on),
  };
  private readonly guards = new Guards(this.context);

  override messages = atTheDoor(
    this.durable.watch({
      ...participantMessages(this.context, this.guards),
      ...facilitatorMessages(this.context, this.guards),
      ...voiceMessages(this.context, this.guards),
      ...chatMessages(this.context, this.guards),
    }),
    { knocking: (id) => this.admission.knocking(id), refuse: (client, action, code) => this.guards.refuse(client, action, code) },
  );

  /** Message types this room has (anything else is answered `unknown-message`). */
  private readonly known = new Set<string>([...Object.keys(this.messages), UNKNOWN_REQUEST]);

  override async onCreate(options: JoinOptions): Promise<void> {
    // Requests of unknown types and undecodable requests get the same rules as sends (see requestScreen);
    // a message of a type the room does not have, by send (Colyseus' "*") or by request, is answered here.
    screenRequests(this, (type) => this.known.has(type));
    this.onMessage("*", (client: CircleClient) => this.unknownMessage(client));
    this.onMessage(UNKNOWN_REQUEST, (client: CircleClient, _message: unknown, reply: MessageContext) => this.unknownMessage(client, reply));
    const session = sessionForCode(this.deps.store, options.code);
    if (this.deps.live.has(session.code)) throw new ServerError(JoinError.INVALID_OPTIONS, "circle already open");
    this.sessionRowId = session.id;
    this.ownerId = session.facilitatorId;
    this.code = session.code;
    this.deps.live.set(this.code, this);
    this.refresh();
    this.poses.start();
    this.voice.config.iceServers = this.deps.voice?.iceServers ?? [];
    await openSfu(this.voice, this.deps.voice, this.state, this.clientOf);
    // A circle whose process went away comes back as it was (see DurableCircle).
    await this.durable.restore();
    // With several processes: the newest room for a circle holds it; an older one that finds a newer
    // room (its process was thought dead, colyseus/colyseus #968) sends everyone there.
    this.durable.claim(this.roomId);
    if (this.deps.snapshots.shared) this.clock.setInterval(() => void this.yieldIfSuperseded(), OWNER_CHECK_MS);
  }

  /** A newer room holds this circle: out of matchmaking, nothing saved, everyone told it is moving (4200). */
  private async yieldIfSuperseded(): Promise<void> {
    if (!(await this.durable.superseded(this.roomId))) return;
    this.durable.yieldToNewer();
    await this.lock();
    void this.disconnect(CloseCode.MOVING).catch(() => {});
  }

  /**
   * The process is shutting down (SIGTERM, a redeploy): save the circle for its next room, counts
   * included, and tell everyone it is moving (4200) so their client rejoins with its seat token at once,
   * instead of Colyseus' 4001, from which the SDK does not reconnect.
   */
  override onBeforeShutdown(): void {
    this.durable.handOver();
    void this.disconnect(CloseCode.MOVING).catch(() => {});
  }

  /** Voice follows the state: whoever may no longer be heard stops speaking, and the SFU is told. */
  override onBeforePatch(): void {
    this.floor.sync();
    this.durable.beforePatch();
  }

  /**
   * A message of a type this room does not have (an older or newer client, or junk): nothing changes,
   * the sender stays and is told `unknown-message`, within "everything else 5/s"; past that a send is
   * dropped and a request rejected `rate-limited`. Floods still meet the 40 messages/s close.
   */
  private unknownMessage(client: CircleClient, reply?: MessageContext): void {
    if (!this.rates.allow(client.sessionId, "unknown")) return void reply?.reject(ActionError.RATE_LIMITED);
    client.send("error", { action: UNKNOWN_ACTION, code: ActionError.UNKNOWN_MESSAGE });
    reply?.reject(ActionError.UNKNOWN_MESSAGE);
  }

  /** Show the stored session's title, environment and capacity (after an edit over HTTP). */
  refresh(): void {
    const row = this.deps.store.sessions.byId(this.sessionRowId);
    if (!row) return;
    const info = this.state.session;
    info.title = row.title;
    info.environment = row.environment;
    info.capacity = row.capacity;
    info.admission = row.admission !== false;
  }

  override onJoin(client: CircleClient, options: JoinOptions, auth: JoinAuth): void {
    onSocketError(client, this.markBroken);
    const info = this.state.session;
    if (info.status === SessionStatus.ended) throw new ServerError(JoinError.SESSION_ENDED, "this circle has ended");
    const role = auth?.facilitatorId && auth.facilitatorId === this.ownerId ? Role.facilitator : Role.participant;
    // Back with a seat token (the circle moved): their own seat and role, past lock, capacity and admission.
    const back = this.durable.seatReturning(client, options, role === Role.facilitator);
    if (back) {
      this.admission.seat(client, back);
      this.durable.joined(client);
      this.alerts.catchUp(client);
      return;
    }
    if (role === Role.participant) {
      if (info.locked) throw new ServerError(JoinError.LOCKED, "the circle is closed to new people for now");
      if (act.participantCount(this.state) >= info.capacity) throw new ServerError(JoinError.FULL, "the circle is full");
      if (info.admission && this.admission.waiting >= MAX_KNOCKING) throw new ServerError(JoinError.FULL, "too many people are waiting to be let in");
    }
    const pseudonym = cleanPseudonym(options.pseudonym);
    if (!pseudonym) throw new ServerError(JoinError.INVALID_OPTIONS, "pseudonym must be 1–24 printable characters");
    // Facilitators are never held; everyone else waits while admission is on.
    if (role === Role.participant && info.admission) return this.admission.knock(client, { pseudonym, look: options.look });
    this.seat(client, { pseudonym, look: options.look, role });
  }

  private seat(client: CircleClient, person: { pseudonym: string; look: string; role: Role }): void {
    act.seatPerson(this.state, client.sessionId, person);
    this.admission.seat(client, person.role);
    this.durable.joined(client);
    this.alerts.catchUp(client);
  }

  override onDrop(client: CircleClient, code?: number): void {
    const p = this.state.participants.get(client.sessionId);
    const broken = this.brokeTheirSocket.delete(client.sessionId);
    if (!p || broken || (code !== undefined && FINAL_CLOSES.has(code))) return;
    p.connected = false;
    this.chat.dropped(client.sessionId);
    const seconds = p.role === Role.facilitator ? FACILITATOR_RECONNECT_SECONDS : RECONNECT_SECONDS;
    const pending = this.allowReconnection(client, seconds);
    // A window that closes without a reconnection (timeout, removal, the end) rejects: that is expected.
    pending.catch(() => {});
    // Rejected at once — the room is disposing, or the client never finished joining — it is a
    // plain promise, not a window: nothing to wait for, and Colyseus goes on to onLeave.
    if (pending instanceof Deferred) this.reconnecting.set(client.sessionId, pending);
  }

  override onReconnect(client: CircleClient): void {
    onSocketError(client, this.markBroken);
    this.reconnecting.delete(client.sessionId);
    const p = this.state.participants.get(client.sessionId);
    if (!p) throw new Error("no longer in the circle");
    p.connected = true;
    this.alerts.catchUp(client);
    this.alerts.resendStatus(client);
    for (const line of this.chat.missed(client.sessionId)) client.send("chat", line);
  }

  override onLeave(client: CircleClient): void {
    // Someone waiting who drops or leaves just goes: there is no seat to keep.
    this.admission.take(client.sessionId);
    this.brokeTheirSocket.delete(client.sessionId);
    this.reconnecting.delete(client.sessionId);
    this.rates.forget(client.sessionId);
    this.tally.forget(client.sessionId);
    this.alerts.forget(client.sessionId);
    this.voice.sfu?.forget(client.sessionId);
    this.chat.forget(client.sessionId);
    act.unseat(this.state, client.sessionId);
    this.durable.left(client.sessionId);
  }

  override onDispose(): void {
    this.practice.stop();
    closeSfu(this.voice);
    this.poses.stop();
    if (this.deps.live.get(this.code) === this) this.deps.live.delete(this.code);
    // Handed over to the circle's next room (shutdown): its saved state carries the counts.
    if (this.durable.movedOn) return;
    // Everyone left before the session ended: keep the counts, so a later circle for the same
    // session, or an end over HTTP, still has them; nothing to bring back.
    this.saveCheckIns();
    this.durable.forgetCircle();
  }

  /** End the session for everyone: stored as ended, aggregates saved, all disconnected. */
  end(): void {
    if (this.state.session.status === SessionStatus.ended) return;
    this.state.session.status = SessionStatus.ended;
    this.practice.stop();
    const row = this.deps.store.sessions.byId(this.sessionRowId);
    if (row?.status === "scheduled") this.deps.store.sessions.setStatus(this.sessionRowId, "ended", Date.now());
    this.saveCheckIns();
    this.durable.forgetCircle();
    for (const pending of this.reconnecting.values()) pending.reject(false);
    this.broadcastPatch();
    void this.disconnect(CloseCode.SESSION_ENDED);
  }

  /** Add this room's new check-in counts and sums to the session's stored aggregate (each answer once). */
  private saveCheckIns(): void {
    const totals = this.tally.take();
    if (totals) this.deps.store.aggregates.add(this.sessionRowId, totals);
  }

  private setEnvironment(environment: EnvironmentId): void {
    this.state.session.environment = environment;
    this.deps.store.sessions.update(this.sessionRowId, { environment });
  }

  /** Let someone waiting into the circle (within capacity). */
  private admit(sessionId: string): ActionError | void {
    const waiting = this.state.knocking.get(sessionId);
    const client = this.clients.getById(sessionId);
    if (!waiting || !client) return ActionError.NO_SUCH_PARTICIPANT;
    if (act.participantCount(this.state) >= this.state.session.capacity) return ActionError.INVALID_STATE;
    this.admission.take(sessionId);
    this.seat(client, { pseudonym: waiting.pseudonym, look: waiting.look, role: Role.participant });
    client.send("admission", { status: "admitted" });
  }

  /** Turn someone waiting away: closed with 4102, nothing of the circle seen. */
  private decline(sessionId: string): boolean {
    if (!this.admission.take(sessionId)) return false;
    this.clients.getById(sessionId)?.leave(CloseCode.DECLINED);
    return true;
  }

  /** Admission on or off, for the rest of the session (stored). Turning it off lets in whoever waits, as capacity allows. */
  private setAdmission(on: boolean): void {
    this.state.session.admission = on;
    this.deps.store.sessions.update(this.sessionRowId, { admission: on });
    if (on) return;
    for (const id of [...this.state.knocking.keys()]) if (this.admit(id)) break;
  }

  /** Take someone out for good: seat freed, connection closed with 4100, no reconnection. Admission comes back on, so they cannot walk straight back in. */
  private removePerson(sessionId: string): void {
    if (!this.state.session.admission) this.setAdmission(true);
    this.durable.removedPerson(sessionId);
    act.unseat(this.state, sessionId);
    this.reconnecting.get(sessionId)?.reject(false);
    this.reconnecting.delete(sessionId);
    this.clients.getById(sessionId)?.leave(CloseCode.REMOVED);
  }

  /**
   * The session's owner signed out (every token of theirs revoked): whoever sits here as the
   * facilitator on that sign-in is taken out — closed with 4103, no reconnection window, their seat
   * token no longer brings them back — and so is a facilitator seat still waiting for its person
   * after a move. The circle goes on (co-facilitators keep their role); the owner signs in again to
   * come back.
   */
  ownerSignedOut(): void {
    this.durable.facilitatorSignedOut();
    const leads: string[] = [];
    this.state.participants.forEach((p, sessionId) => void (p.role === Role.facilitator && leads.push(sessionId)));
    for (const sessionId of leads) {
      this.durable.removedPerson(sessionId);
      act.unseat(this.state, sessionId);
      this.reconnecting.get(sessionId)?.reject(false);
      this.reconnecting.delete(sessionId);
      this.clients.getById(sessionId)?.leave(CloseCode.SIGNED_OUT);
    }
  }

  /** Another connection took this seat (the same person, back through a moved circle): close the old one quietly. */
  private displace(sessionId: string): void {
    act.unseat(this.state, sessionId);
    this.reconnecting.get(sessionId)?.reject(false);
    this.reconnecting.delete(sessionId);
    this.clients.getById(sessionId)?.leave(CloseCode.MOVING);
  }
}

/** A CircleRoom class wired to this process's store and token service. */
export function bindCircleRoom(deps: CircleDeps) {
  return class BoundCircleRoom extends CircleRoom {
    protected override deps = deps;
    static override async onAuth(token: string, options: JoinOptions, context: AuthContext): Promise<unknown> {
      try {
        return await checkJoin(deps.store, deps.tokens, token, options, deps.guesses && { ip: context.ip, guesses: deps.guesses });
      } catch (e) {
        if (e instanceof ServerError) throw e;
        // A bug's message stays in the log; the person joining gets a plain refusal.
        logUnexpected("join check failed", e);
        throw new ServerError(500, "unexpected error");
      }
    }
  };
}
