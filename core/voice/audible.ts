import { Role } from "../protocol/rules";

/** What the voice rules need to know of one person in the circle (a Participant has all of it). */
export interface Voice {
  role: string;
  /** muted by a facilitator or co-facilitator */
  muted: boolean;
  /** their microphone is open (or held ready for push-to-talk) */
  mic: boolean;
  /** false while they are in the reconnection window */
  connected: boolean;
}

/** The circle's switches that decide who may be heard. */
export interface VoiceFloor {
  /** talking-piece mode: only the holder and the facilitators may be heard */
  pieceMode: boolean;
  /** sessionId holding the talking piece, "" if nobody */
  pieceHolder: string;
}

const isLead = (role: string) => role === Role.facilitator || role === Role.cofacilitator;

/**
 * Whether `id` may be heard now: connected, their microphone on, not muted by a facilitator, and —
 * in talking-piece mode — holding the piece or a facilitator / co-facilitator. Server and clients
 * apply the same rule: the server relays signalling (and, with an SFU, forwards audio) only by it,
 * and every client plays a voice only while it holds, so a modified client is not heard by anyone.
 */
export function mayBeHeard(id: string, person: Voice, floor: VoiceFloor): boolean {
  if (!person.connected || !person.mic || person.muted) return false;
  return !floor.pieceMode || floor.pieceHolder === id || isLead(person.role);
}

/**
 * Whether two people need an audio connection: at least one of them may be heard. A circle of 32
 * listening to one speaker so costs the speaker one stream per listener, and listeners nothing
 * between themselves. Both must be connected: a connection cannot outlive a dropped socket.
 */
export function linked(aId: string, a: Voice, bId: string, b: Voice, floor: VoiceFloor): boolean {
  if (aId === bId || !a.connected || !b.connected) return false;
  return mayBeHeard(aId, a, floor) || mayBeHeard(bId, b, floor);
}
