import type { Candidate, Description, VoiceServerMessages } from "../../core/protocol";
import { withCodecsRepeated } from "../../core/voice";
import type { FloorListener, VoiceFloor } from "../rooms/VoiceFloor";
import type { SfuLink } from "../rooms/voiceMessages";
import { JanusError, type JanusClient, type JanusMessage } from "./JanusClient";
import { newJanusToken, type JanusRoom, type JanusRooms } from "./JanusRooms";

/** What a circle's SFU bridge needs of the room. */
export interface SfuHost {
  /** send `sfu` to one person, if they are still seated in the circle */
  send(id: string, message: VoiceServerMessages["sfu"]): void;
}

/** How long a subscriber offer waits for the person's answer before it is sent again, ms. */
const ANSWER_WAIT_MS = 10_000;
/** Times an unanswered subscriber offer is sent again before further changes go ahead anyway. */
const OFFER_RESENDS = 3;
/** Times a subscription Janus refused is tried again by itself; after that, at the circle's next change. */
const SUBSCRIBE_RETRIES = 4;
/** Wait before the first of those retries, ms; doubled each time (0.5, 1, 2, 4 s). */
const RETRY_MS = 500;

/** One person's two connections to Janus, as our server holds them. */
interface Person {
  /** publisher handle (their microphone), 0 until they first publish */
  pub: number;
  /** the mid of their audio in Janus (from Janus' answer); "" while not publishing */
  mid: string;
  /** their connection to Janus is up (Janus' `webrtcup`): only then can anyone subscribe to it */
  live: boolean;
  /** whether Janus is told to drop their audio now (moderation) */
  moderated: boolean;
  /** subscriber handle (what they hear), 0 until there is someone to hear */
  sub: number;
  /** publishers their subscription carries, as Janus last described it */
  feeds: Set<string>;
  /** further changes to their subscription wait (for the answer to `offer`, at most ANSWER_WAIT_MS at a time) */
  awaiting: NodeJS.Timeout | null;
  /** Janus' last subscriber offer, as sent to them, until they answer it */
  offer: VoiceServerMessages["sfu"] | null;
  /** times `offer` was sent again */
  resends: number;
  /** a change to their subscription waits for that answer, or for a retry */
  dirty: boolean;
  /** subscriber joins or updates Janus refused in a row */
  refusals: number;
  /** the next try after a refusal */
  retry: NodeJS.Timeout | null;
  /** Janus requests for this person, one at a time and in order */
  chain: Promise<void>;
  gone: boolean;
}

/** Janus' error code and reason, without what it quotes (ids); or our own error's message. */
const why = (error: unknown) => (error instanceof JanusError ? error.loggable : (error as Error).message);

/** The first `a=mid:` of a description. */
const firstMid = (sdp: string) => /^a=mid:(\S+)/m.exec(sdp)?.[1] ?? "";

/**
 * A circle's voices through Janus' VideoRoom. Browsers never speak Janus' API: their descriptions
 * and candidates come through the circle room (`sfu`), and this bridge makes every Janus request
 * itself — on a room created for the circle with a secret only this server knows. Each person has
 * a publisher (their microphone; joined with a token of one use that is taken back from the room's
 * `allowed` list at once) and a subscriber carrying everyone else who publishes. Who may be heard
 * (VoiceFloor) is enforced by Janus' own moderation: a muted person's audio, or anyone's outside the
 * talking piece, is dropped by Janus, whatever their client keeps sending.
 */
export class SfuCircle implements SfuLink, FloorListener {
  private readonly people = new Map<string, Person>();
  private heard: ReadonlySet<string> = new Set();
  private closed = false;

  private constructor(
    private readonly janus: JanusClient,
    private readonly rooms: JanusRooms,
    private readonly room: JanusRoom,
    private readonly host: SfuHost,
  ) {}

  /** Create the circle's Janus room and follow the floor. */
  static async open(janus: JanusClient, rooms: JanusRooms, roomId: string, seats: number, floor: VoiceFloor, host: SfuHost): Promise<SfuCircle> {
    const room = await rooms.create(roomId, seats);
    const circle = new SfuCircle(janus, rooms, room, host);
    floor.listen(circle);
    return circle;
  }

  /** The Janus room (for tests and diagnostics: its id and secret never leave this server). */
  get janusRoom(): JanusRoom {
    return this.room;
  }

  /** Someone in the circle asked for voice settings: they will hear whoever publishes. */
  listen(id: string): void {
    this.person(id).refusals = 0;
    this.queue(id, () => this.reconcile(id));
  }

  publish(id: string, offer: Description): void {
    this.person(id);
    this.queue(id, async (p) => {
      try {
        if (!p.pub) {
          p.pub = await this.janus.attach((m) => this.publisherEvent(id, m));
          const token = newJanusToken();
          await this.rooms.allowed(this.room, "add", [token]);
          try {
            await this.janus.request(p.pub, { request: "join", ptype: "publisher", room: this.room.room, id, token });
          } finally {
            await this.rooms.allowed(this.room, "remove", [token]);
          }
        }
        const reply = await this.janus.request(p.pub, { request: "configure", audio: true, video: false, data: false }, offer);
        if (p.gone || !reply.jsep) return;
        p.mid = firstMid(reply.jsep.sdp);
        // Said again for every new stream, before its answer goes out: nobody is forwarded unless they may be heard.
        await this.moderate(id, p, true);
        this.host.send(id, { pc: "publisher", description: { type: "answer", sdp: reply.jsep.sdp } });
      } catch {
        this.host.send(id, { pc: "publisher", closed: true });
      }
    });
  }

  answer(id: string, answer: Description): void {
    this.queue(id, async (p) => {
      // An answer late past the wait is still the one Janus waits for: until it has it, Janus postpones every change.
      if (!p.sub || !p.offer) return;
      p.offer = null;
      if (p.awaiting) clearTimeout(p.awaiting);
      p.awaiting = null;
      // A long answer comes without the coding lines its later sections repeat (docs/PROTOCOL.md): Janus gets them back.
      await this.janus.request(p.sub, { request: "start" }, { type: answer.type, sdp: withCodecsRepeated(answer.sdp) }).catch((error: unknown) => {
        console.error(`voice: Janus refused a subscriber's answer: ${why(error)}`);
      });
      if (p.dirty) await this.reconcile(id);
    });
  }

  candidate(id: string, pc: "publisher" | "subscriber", candidate: Candidate): void {
    this.queue(id, async (p) => {
      const handle = pc === "publisher" ? p.pub : p.sub;
      if (handle) this.janus.trickle(handle, candidate);
    });
  }

  forget(id: string): void {
    const p = this.people.get(id);
    if (!p) return;
    this.people.delete(id);
    p.gone = true;
    if (p.awaiting) clearTimeout(p.awaiting);
    if (p.retry) clearTimeout(p.retry);
    // After whatever is under way for them: their handles go, and so does their audio for everyone.
    p.chain = p.chain.then(async () => {
      if (p.pub) await this.janus.detach(p.pub);
      if (p.sub) await this.janus.detach(p.sub);
    });
  }

  floorChanged(heard: ReadonlySet<string>): void {
    this.heard = heard;
    for (const [id, p] of this.people) {
      if (p.mid && p.moderated === heard.has(id)) this.queue(id, (q) => this.moderate(id, q));
    }
  }

  /** Destroy the circle's Janus room (everyone in it is hung up) and let go of every handle. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.people.keys()]) this.forget(id);
    await this.rooms.destroy(this.room);
  }

  /** Publishers (with audio in Janus) other than `id`. */
  private publishersFor(id: string): Set<string> {
    const feeds = new Set<string>();
    for (const [other, p] of this.people) if (other !== id && p.mid && p.live) feeds.add(other);
    return feeds;
  }

  /** Bring `id`'s subscription to everyone publishing (Janus sends the offer; see subscriberEvent). */
  private async reconcile(id: string): Promise<void> {
    const p = this.people.get(id);
    if (!p || p.gone || this.closed) return;
    if (p.awaiting || p.retry) return void (p.dirty = true);
    p.dirty = false;
    const want = this.publishersFor(id);
    const add = [...want].filter((f) => !p.feeds.has(f)).map((feed) => ({ feed }));
    const drop = [...p.feeds].filter((f) => !want.has(f)).map((feed) => ({ feed }));
    if (!p.sub) return add.length ? this.subscribe(id, p, add) : undefined;
    if (!add.length && !drop.length) return;
    this.expectAnswer(id, p);
    try {
      await this.janus.request(p.sub, { request: "update", ...(add.length ? { subscribe: add } : {}), ...(drop.length ? { unsubscribe: drop } : {}) });
      p.refusals = 0;
    } catch (error) {
      await this.refused(id, p, "update", error);
    }
  }

  /** `id`'s first subscription, on a handle of its own (Janus' offer comes as its event). */
  private async subscribe(id: string, p: Person, streams: { feed: string }[]): Promise<void> {
    try {
      p.sub = await this.janus.attach((m) => this.subscriberEvent(id, m));
      const token = newJanusToken();
      await this.rooms.allowed(this.room, "add", [token]);
      try {
        this.expectAnswer(id, p);
        await this.janus.request(p.sub, { request: "join", ptype: "subscriber", room: this.room.room, streams, token });
      } finally {
        // Taken back whatever the join did; if Janus does not answer, the token stays valid but known to this server only.
        await this.rooms.allowed(this.room, "remove", [token]).catch(() => {});
      }
      p.refusals = 0;
    } catch (error) {
      await this.refused(id, p, "join", error);
    }
  }

  /**
   * Janus refused `id`'s subscriber join or update (or did not answer it). A handle whose join
   * failed never joined — every update on it would fail as well — so it goes, and the next try
   * starts again from a new one. Nothing waits for an answer to an offer that never came. Tried
   * again after RETRY_MS, doubling, SUBSCRIBE_RETRIES times; then at the circle's next change
   * (someone starts or stops publishing) or when the person asks for voice again.
   */
  private async refused(id: string, p: Person, request: "join" | "update", error: unknown): Promise<void> {
    if (p.awaiting) clearTimeout(p.awaiting);
    p.awaiting = null;
    if (request === "join") p.offer = null;
    p.dirty = true;
    if (request === "join" && p.sub) {
      const handle = p.sub;
      p.sub = 0;
      p.feeds.clear();
      await this.janus.detach(handle);
    }
    if (p.gone || this.closed) return;
    const wait = p.refusals < SUBSCRIBE_RETRIES ? RETRY_MS * 2 ** p.refusals : 0;
    p.refusals++;
    console.error(`voice: Janus refused a subscriber ${request}: ${why(error)}; ${wait ? `trying again in ${wait / 1000} s` : "trying again when the circle changes"}`);
    if (!wait) return;
    p.retry = setTimeout(() => {
      p.retry = null;
      this.queue(id, () => this.reconcile(id));
    }, wait);
  }

  /** Hold further changes to `id`'s subscription until their answer (or ANSWER_WAIT_MS). */
  private expectAnswer(id: string, p: Person): void {
    if (p.awaiting) clearTimeout(p.awaiting);
    p.awaiting = setTimeout(() => {
      p.awaiting = null;
      if (p.gone) return;
      if (p.offer && p.resends < OFFER_RESENDS) {
        // Not answered: the offer may never have been taken (it came before their page was ready for
        // it). Janus keeps waiting for that answer, and postpones any other change meanwhile.
        p.resends++;
        this.host.send(id, p.offer);
        return this.expectAnswer(id, p);
      }
      if (p.dirty) this.queue(id, () => this.reconcile(id));
    }, ANSWER_WAIT_MS);
  }

  /** Tell Janus to drop or forward `id`'s audio, by the floor. */
  private async moderate(id: string, p: Person, force = false): Promise<void> {
    const mute = !this.heard.has(id);
    if (!p.mid || (p.moderated === mute && !force) || this.closed) return;
    await this.rooms.moderate(this.room, id, p.mid, mute);
    p.moderated = mute;
  }

  private publisherEvent(id: string, m: JanusMessage): void {
    const p = this.people.get(id);
    if (!p || (m.janus !== "hangup" && m.janus !== "webrtcup")) return;
    const others = () => {
      for (const other of this.people.keys()) if (other !== id) this.queue(other, () => this.reconcile(other));
    };
    if (m.janus === "webrtcup") {
      // Their microphone reaches Janus: everyone else subscribes to it.
      p.live = true;
      return others();
    }
    // Their connection ended (microphone off, page gone): nobody subscribes to it any more.
    p.live = false;
    p.mid = "";
    p.moderated = false;
    this.host.send(id, { pc: "publisher", closed: true });
    others();
  }

  /** Janus' offers for `id`'s subscription (on joining, on an update, or when a publisher left). */
  private subscriberEvent(id: string, m: JanusMessage): void {
    const p = this.people.get(id);
    // Only the handle that carries their subscription now (not one that was let go after a refusal).
    if (!p || m.sender !== p.sub) return;
    if (m.janus === "hangup") {
      // Their listening connection failed: start it again from nothing.
      const handle = p.sub;
      p.sub = 0;
      p.feeds.clear();
      if (p.awaiting) clearTimeout(p.awaiting);
      p.awaiting = null;
      p.offer = null;
      this.host.send(id, { pc: "subscriber", closed: true });
      this.queue(id, async () => {
        await this.janus.detach(handle);
        await this.reconcile(id);
      });
      return;
    }
    const data = m.plugindata?.data;
    const streams = data?.streams as { mid: string; feed_id?: string; active?: boolean; type?: string }[] | undefined;
    if (streams) {
      p.feeds.clear();
      for (const s of streams) if (s.feed_id && s.active !== false) p.feeds.add(String(s.feed_id));
    }
    if (m.jsep?.type !== "offer") return;
    const map = (streams ?? []).filter((s) => s.feed_id && s.active !== false && s.type !== "data").map((s) => ({ mid: s.mid, from: String(s.feed_id) }));
    p.offer = { pc: "subscriber", description: { type: "offer", sdp: m.jsep.sdp }, streams: map };
    p.resends = 0;
    this.expectAnswer(id, p);
    this.host.send(id, p.offer);
  }

  private person(id: string): Person {
    let p = this.people.get(id);
    if (!p) {
      p = { pub: 0, mid: "", live: false, moderated: false, sub: 0, feeds: new Set(), awaiting: null, offer: null, resends: 0, dirty: false, refusals: 0, retry: null, chain: Promise.resolve(), gone: false };
      this.people.set(id, p);
    }
    return p;
  }

  /** Run `task` for `id` after their earlier ones; a failure is theirs alone (the next task goes on). */
  private queue(id: string, task: (p: Person) => Promise<void>): void {
    const p = this.people.get(id);
    if (!p || this.closed) return;
    p.chain = p.chain.then(() => (p.gone ? undefined : task(p))).catch(() => {});
  }
}
