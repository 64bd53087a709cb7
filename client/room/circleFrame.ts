import { POSE_WORDS, PoseBuffer } from "../../core/pose";

/** Someone else in the circle, as the frame loop sees them. Created on join, reused for every patch. */
export interface RemotePerson {
  id: string;
  seat: number;
  /** index into LOOKS (core/protocol), for the avatar's colours */
  look: number;
  /** the last pose words received (reused; the binding copies into it) */
  readonly words: Uint32Array;
  /** interpolated poses, POSE_DELAY_MS behind the newest patch */
  readonly buffer: PoseBuffer;
  /** away, or reconnecting: drawn faded */
  dim: boolean;
  /** hidden by this person (local) */
  hidden: boolean;
  /** speaking now (from the patch): the avatar glows softly */
  speaking: boolean;
  /**
   * Where the avatar is drawn this frame, in the circle's frame (centre at the origin), written
   * by the avatars before anything else reads it: head x y z, left hand x y z, right hand x y z.
   */
  readonly at: Float32Array;
  /** whether each hand is tracked this frame (1 = left, 2 = right) */
  tracked: number;
}

/**
 * The circle's per-frame values, outside React: the state binding writes remote poses here on
 * every patch, the avatars read them every frame. Membership changes bump `version` so the
 * avatars can re-list who is where without a render.
 */
export interface CircleFrame {
  /** everyone but this person, by sessionId */
  readonly people: Map<string, RemotePerson>;
  /** the same people as a list, rebuilt on membership changes only (iterated every frame) */
  list: RemotePerson[];
  /** this person's seat */
  mySeat: number;
  /** places laid out around the circle (core/circle `circlePlaces`) */
  places: number;
  /** sessionId of whoever holds the talking piece, "" if nobody */
  pieceHolder: string;
  /** bumps on any change of who is where (not on poses) */
  version: number;
  /** personal-space bubble: fade heads and hands within ~0.6 m of this person's head */
  bubble: boolean;
}

export function createCircleFrame(): CircleFrame {
  return { people: new Map(), list: [], mySeat: 0, places: 13, pieceHolder: "", version: 0, bubble: true };
}

/** The app's circle frame. */
export const circleFrame = createCircleFrame();

/** Add (or find) a remote person; their buffer is created once and reused. */
export function addRemote(out: CircleFrame, id: string, seat: number, look: number): RemotePerson {
  let person = out.people.get(id);
  if (!person) {
    person = {
      id,
      seat,
      look,
      words: new Uint32Array(POSE_WORDS),
      buffer: new PoseBuffer(),
      dim: false,
      hidden: false,
      speaking: false,
      at: new Float32Array(9),
      tracked: 0,
    };
    out.people.set(id, person);
    out.list = [...out.people.values()];
  }
  person.seat = seat;
  person.look = look;
  out.version++;
  return person;
}

export function removeRemote(out: CircleFrame, id: string): void {
  if (!out.people.delete(id)) return;
  out.list = [...out.people.values()];
  out.version++;
}

/** Forget everyone (leaving the room). */
export function clearCircle(out: CircleFrame): void {
  out.people.clear();
  out.list = [];
  out.pieceHolder = "";
  out.version++;
}
