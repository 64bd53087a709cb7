import type { EnvironmentId } from "../../core/environments";
import { circlePlaces } from "../../core/circle";
import { POSE_FRAME_TYPE, POSE_WORDS, PoseFrameReader, REST_POSE, type PoseSink } from "../../core/pose";
import { LOOKS, type Look, type Role, type SessionStatus } from "../../core/protocol";
import type { CircleState, Participant } from "../../server/rooms/CircleState";
import { addRemote, clearCircle, removeRemote, type CircleFrame, type RemotePerson } from "./circleFrame";
import type { Knock, Person, RoomState, RoomStore } from "./roomStore";

/** What the binding needs of a joined room: its state and a patch signal (the SDK's Room has both). */
export interface PatchSource {
  readonly sessionId: string;
  readonly state: CircleState;
  onStateChange: ((callback: (state: CircleState) => void) => unknown) & { remove?(callback: (state: CircleState) => void): void };
}

/** ...and its pose frames (byte messages of type POSE_FRAME_TYPE). */
export interface PoseSource {
  onMessage(type: typeof POSE_FRAME_TYPE, callback: (bytes: Uint8Array) => void): () => void;
}

/** How long before "now" a newcomer's first pose (resting, or the last frame's) is stamped, ms: older than any pose to come. */
const FIRST_POSE_AGE_MS = 1000;

/**
 * Pose frames into the remote people's `PoseBuffer`s (core/pose frame.ts). Each pose is stamped
 * with its arrival time less how long the server held it, so poses keep the sender's spacing.
 * Allocates nothing per frame: times live in a typed array (a double written to a closure's
 * variable would be boxed), people are found by seat in the frame's list.
 */
class PoseFeed implements PoseSink {
  readonly reader = new PoseFrameReader();
  /** [0]: this frame's arrival time, ms */
  readonly time = new Float64Array(1);
  /** [0]: the pose being delivered's time stamp, ms */
  private readonly stamp = new Float64Array(1);

  constructor(private readonly out: CircleFrame) {}

  pose(seat: number, ageMs: number, words: Uint32Array, at: number): void {
    const list = this.out.list;
    for (let i = 0; i < list.length; i++) {
      const person = list[i]!;
      if (person.seat !== seat) continue;
      const w = person.words;
      for (let k = 0; k < POSE_WORDS; k++) w[k] = words[at + k]!;
      this.stamp[0] = this.time[0]! - ageMs;
      person.buffer.pushAt(this.stamp, w);
      return;
    }
  }

  /** Someone new in the circle: their last pose if a frame already had it, else resting. */
  first(person: RemotePerson, now: number): void {
    const w = person.words;
    if (this.reader.has(person.seat)) for (let k = 0; k < POSE_WORDS; k++) w[k] = this.reader.words[person.seat * POSE_WORDS + k]!;
    else for (let k = 0; k < POSE_WORDS; k++) w[k] = REST_POSE[k]!;
    person.buffer.push(now - FIRST_POSE_AGE_MS, w);
  }
}

const lookIndex = (look: string) => Math.max(0, LOOKS.indexOf(look as Look));

function samePerson(p: Person, s: Participant): boolean {
  return (
    p.pseudonym === s.pseudonym &&
    p.look === s.look &&
    p.role === s.role &&
    p.seat === s.seat &&
    p.handRaised === s.handRaised &&
    p.muted === s.muted &&
    p.away === s.away &&
    p.connected === s.connected &&
    p.mic === s.mic &&
    p.speaking === s.speaking
  );
}

function toPerson(id: string, s: Participant): Person {
  return {
    id,
    pseudonym: s.pseudonym,
    look: s.look as Look,
    role: s.role as Role,
    seat: s.seat,
    handRaised: s.handRaised,
    muted: s.muted,
    away: s.away,
    connected: s.connected,
    mic: s.mic,
    speaking: s.speaking,
  };
}

/** Who is waiting to be let in (seen by facilitators only), or `known` itself when nothing changed. */
function knocksOf(state: CircleState, known: readonly Knock[]): readonly Knock[] {
  const map = state.knocking;
  const size = map?.size ?? 0;
  let same = size === known.length;
  if (same && size > 0) {
    let i = 0;
    map.forEach((k, id) => {
      const was = known[i++];
      if (!was || was.id !== id || was.pseudonym !== k.pseudonym || was.look !== k.look) same = false;
    });
  }
  if (same) return known;
  const out: Knock[] = [];
  map?.forEach((k, id) => out.push({ id, pseudonym: k.pseudonym, look: k.look as Look }));
  return out;
}

/**
 * Follow a joined room: every pose frame goes into the remote people's `PoseBuffer`s in `out`
 * (allocation-free; see PoseFeed), and, once per patch, the slow state — roster, session, talking piece, hand queue, shared
 * practice — goes into the store only when something in it changed. Poses never touch the
 * store, and a patch where nothing a person would notice changed writes nothing, so neither renders. Returns the cleanup.
 */
export function bindCircle(room: PatchSource & PoseSource, store: RoomStore, out: CircleFrame, now: () => number = () => performance.now()): () => void {
  const me = room.sessionId;
  /** patch counter, to find people who left (their mark is older) */
  let patch = 0;
  const marks = new Map<string, number>();
  let changedPeople: Record<string, Person> | null = null;
  let at = 0;
  let highestSeat = 0;
  let live = true;
  const feed = new PoseFeed(out);

  function visit(s: Participant, id: string) {
    marks.set(id, patch);
    if (s.seat > highestSeat) highestSeat = s.seat;
    const known = store.getState().people[id];
    if (!known || !samePerson(known, s)) {
      changedPeople ??= { ...store.getState().people };
      changedPeople[id] = toPerson(id, s);
      if (id !== me) {
        const remote = addRemote(out, id, s.seat, lookIndex(s.look));
        remote.dim = s.away || !s.connected;
        if (remote.buffer.size === 0) feed.first(remote, at);
      } else out.mySeat = s.seat;
    }
    if (id === me) return;
    const remote = out.people.get(id);
    if (remote) remote.speaking = s.speaking;
  }

  function onPoses(bytes: Uint8Array) {
    if (!live) return;
    feed.time[0] = now();
    feed.reader.read(bytes, feed);
  }

  function onPatch(state: CircleState) {
    if (!live) return;
    patch++;
    at = now();
    changedPeople = null;
    highestSeat = 0;
    // Someone waiting to be admitted sees no participants and no hand queue (not even empty ones).
    state.participants?.forEach(visit);
    const current = store.getState();
    for (const id in current.people) {
      if (marks.get(id) === patch) continue;
      changedPeople ??= { ...current.people };
      delete changedPeople[id];
      marks.delete(id);
      removeRemote(out, id);
    }

    // Allocated only when something a person would notice changed; a pose-only patch writes nothing.
    let patchState: Partial<RoomState> | null = null;
    if (changedPeople) (patchState ??= {}).people = changedPeople;
    const places = circlePlaces(state.session.capacity, highestSeat);
    if (places !== out.places) {
      out.places = places;
      out.version++;
    }
    const info = state.session;
    const session = current.session;
    if (
      session.title !== info.title ||
      session.status !== info.status ||
      session.environment !== info.environment ||
      session.locked !== info.locked ||
      session.capacity !== info.capacity
    ) {
      (patchState ??= {}).session = {
        title: info.title,
        status: info.status as SessionStatus,
        environment: info.environment as EnvironmentId,
        locked: info.locked,
        capacity: info.capacity,
      };
    }
    const holder = state.pieceHolder ?? "";
    if (holder !== current.pieceHolder) {
      (patchState ??= {}).pieceHolder = holder;
      out.pieceHolder = holder;
      out.version++;
    }
    const queue = state.handQueue;
    const queued = queue?.length ?? 0;
    let sameQueue = queued === current.handQueue.length;
    for (let i = 0; sameQueue && i < queued; i++) sameQueue = queue.at(i) === current.handQueue[i];
    if (!sameQueue) {
      (patchState ??= {}).handQueue = queue?.toArray() ?? [];
    }
    const p = state.practice;
    const q = current.practice;
    if (p.patternId !== q.patternId || p.cycles !== q.cycles || p.startedAt !== q.startedAt || p.running !== q.running) {
      (patchState ??= {}).practice = { patternId: p.patternId, cycles: p.cycles, startedAt: p.startedAt, running: p.running };
    }
    // Seated now: no longer waiting to be let in (also if the `admission` message was missed).
    if (current.knocking && state.participants?.has(me)) (patchState ??= {}).knocking = false;
    if ((info.admission ?? true) !== current.admission) (patchState ??= {}).admission = info.admission ?? true;
    const knocks = knocksOf(state, current.knocks);
    if (knocks !== current.knocks) (patchState ??= {}).knocks = knocks;
    if (patchState) store.setState(patchState);
  }

  room.onStateChange(onPatch);
  const stopPoses = room.onMessage(POSE_FRAME_TYPE, onPoses);
  // The first full state may already be here.
  if (room.state?.session) onPatch(room.state);
  return () => {
    live = false;
    room.onStateChange.remove?.(onPatch);
    stopPoses();
    clearCircle(out);
  };
}
