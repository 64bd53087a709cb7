import type { EnvironmentId } from "../../core/environments";
import { circlePlaces } from "../../core/circle";
import { LOOKS, type Look, type Role, type SessionStatus } from "../../core/protocol";
import type { CircleState, Participant } from "../../server/rooms/CircleState";
import { addRemote, clearCircle, removeRemote, type CircleFrame } from "./circleFrame";
import type { Knock, Person, RoomState, RoomStore } from "./roomStore";

/** What the binding needs of a joined room: its state and a patch signal (the SDK's Room has both). */
export interface PatchSource {
  readonly sessionId: string;
  readonly state: CircleState;
  onStateChange: ((callback: (state: CircleState) => void) => unknown) & { remove?(callback: (state: CircleState) => void): void };
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
 * Follow a joined room: once per patch, remote poses go into their `PoseBuffer`s in `out`
 * (allocation-free), and the slow state — roster, session, talking piece, hand queue, shared
 * practice — goes into the store only when something in it changed. A patch where only poses
 * moved writes nothing to the store, so it renders nothing. Returns the cleanup.
 */
export function bindCircle(room: PatchSource, store: RoomStore, out: CircleFrame, now: () => number = () => performance.now()): () => void {
  const me = room.sessionId;
  /** patch counter, to find people who left (their mark is older) */
  let patch = 0;
  const marks = new Map<string, number>();
  let changedPeople: Record<string, Person> | null = null;
  let at = 0;
  let highestSeat = 0;
  let live = true;

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
      } else out.mySeat = s.seat;
    }
    if (id === me) return;
    const remote = out.people.get(id);
    if (!remote) return;
    remote.speaking = s.speaking;
    const w = remote.words;
    w[0] = s.hp;
    w[1] = s.hq;
    w[2] = s.lp;
    w[3] = s.lq;
    w[4] = s.rp;
    w[5] = s.rq;
    remote.buffer.push(at, w);
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
  // The first full state may already be here.
  if (room.state?.session) onPatch(room.state);
  return () => {
    live = false;
    room.onStateChange.remove?.(onPatch);
    clearCircle(out);
  };
}
