import { Room, ServerError, type AuthContext, type MessageContext } from "@colyseus/core";
import type { EnvironmentId } from "../../core/environments";
import {
  CloseCode,
  JoinError,
  MAX_SEATS,
  MAX_MESSAGES_PER_SECOND,
  PATCH_MS,
  Role,
  SessionStatus,
  cleanPseudonym,
  type JoinOptions,
} from "../../core/protocol";
import type { TokenService } from "../auth/tokens";
import type { Store } from "../store/types";
import { Admission, MAX_KNOCKING } from "./Admission";
import { admissionActions } from "./admissionActions";
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
import { UNKNOWN_REQUEST, screenRequests, unknownMessage } from "./requestScreen";
import { PrivateAlerts } from "./PrivateAlerts";
import { Reconnections } from "./Reconnections";
import { ownerSignedOut } from "./signOut";
import { holdCircle } from "./splitBrain";
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
  private readonly clientOf = (sessionId: string): CircleClient | undefined => this.clients.getById(sessionId);
  private readonly alerts = new PrivateAlerts({ state: this.state, clients: this.clients, clientOf: this.clientOf });
  private readonly floor = new VoiceFloor(this.state);
  private readonly voice: CircleVoice = { floor: this.floor, config: { mode: "mesh", iceServers: [] }, sfu: null };
  private readonly chat = new ChatLog();
  private readonly admission = new Admission(this.state);
  /** everyone's pose, to the people seated, in pose frames */
  readonly poses = new PoseRelay(this.state, this.clients);
  /** reconnection windows, and taking someone out of their seat for good */
  private readonly seats = new Reconnections({
    state: this.state,
    chat: this.chat,
    clientOf: this.clientOf,
    allow: (client, seconds) => this.allowReconnection(client, seconds),
  });
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
    // Another connection took this seat (the same person, back through a moved circle): the old one closes quietly.
    displace: (sessionId) => this.seats.takeOut(sessionId, CloseCode.MOVING),
    later: (fn, ms) => void this.clock.setTimeout(fn, ms),
  });

  static override async onAuth(_token: string, _options: JoinOptions, _context: AuthContext): Promise<unknown> {
    throw new ServerError(JoinError.INVALID_OPTIONS, "CircleRoom must be bound with bindCircleRoom()");
  }

  private readonly admitting = admissionActions({
    state: this.state,
    admission: this.admission,
    clientOf: this.clientOf,
    seat: (client, person) => this.seat(client, person),
    storeAdmission: (admission) => this.deps.store.sessions.update(this.sessionRowId, { admission }),
  });

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
    ...this.admitting,
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
    this.onMessage("*", (client: CircleClient) => unknownMessage(this.rates, client));
    this.onMessage(UNKNOWN_REQUEST, (client: CircleClient, _message: unknown, reply: MessageContext) => unknownMessage(this.rates, client, reply));
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
    // With several processes: the newest room for a circle holds it (see splitBrain).
    holdCircle({
      durable: this.durable,
      roomId: this.roomId,
      shared: this.deps.snapshots.shared,
      every: (fn, ms) => void this.clock.setInterval(fn, ms),
      moveEveryone: async () => {
        await this.lock();
        void this.disconnect(CloseCode.MOVING).catch(() => {});
      },
    });
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
    this.seats.watch(client);
    // The join check vouched for the code in the options; a join by room id names the room apart from it.
    if (options.code !== this.code) throw new ServerError(JoinError.INVALID_OPTIONS, "this code is for another circle");
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
    if (!pseudonym) throw new ServerError(JoinError.INVALID_OPTIONS, "pseudonym must be 1–24 printable characters, not all of them blank");
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
    this.seats.dropped(client, code);
  }

  override onReconnect(client: CircleClient): void {
    this.seats.back(client);
    const p = this.state.participants.get(client.sessionId);
    if (!p) throw new Error("no longer in the circle");
    p.connected = true;
    // The view came back with the connection as it was when it dropped; a promotion or demotion
    // made meanwhile (nobody to tell then) decides now whether they see who is knocking.
    this.admission.roleChanged(client, p.role as Role);
    this.alerts.catchUp(client);
    this.alerts.resendStatus(client);
    for (const line of this.chat.missed(client.sessionId)) client.send("chat", line);
  }

  override onLeave(client: CircleClient): void {
    // Someone waiting who drops or leaves just goes: there is no seat to keep.
    this.admission.take(client.sessionId);
    this.seats.forget(client.sessionId);
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
    this.seats.closeAll();
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

  /** Take someone out for good: seat freed, connection closed with 4100, no reconnection. Admission comes back on, so they cannot walk straight back in. */
  private removePerson(sessionId: string): void {
    if (!this.state.session.admission) this.admitting.setAdmission(true);
    this.durable.removedPerson(sessionId);
    this.seats.takeOut(sessionId, CloseCode.REMOVED);
  }

  /** The session's owner signed out: their facilitator seats are taken out (see signOut). */
  ownerSignedOut(): void {
    ownerSignedOut({ state: this.state, durable: this.durable, takeOut: (sessionId, code) => this.seats.takeOut(sessionId, code) });
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
