import { packPose, POSE_FLOATS } from "../../core/pose";
import { LOOKS, PATCH_MS } from "../../core/protocol";
import { addRemote, circleFrame, removeRemote } from "./circleFrame";
import { useRoomStore, type Person } from "./roomStore";

/**
 * People who are not there, for benchmarks and screenshots (test and dev builds only): `n`
 * seated figures swaying, breathing and now and then gesturing, fed into the circle exactly as
 * patches would be (a pose into each `PoseBuffer` every PATCH_MS), without a server. Returns the
 * cleanup, which takes them out again.
 */
export function simulateCircle(n: number, { store = useRoomStore, circle = circleFrame, capacity = 16 } = {}): () => void {
  const ids: string[] = [];
  const people: Record<string, Person> = { ...store.getState().people };
  for (let k = 0; k < n; k++) {
    const id = `sim-${k}`;
    ids.push(id);
    const look = LOOKS[k % LOOKS.length]!;
    people[id] = {
      id,
      pseudonym: SIM_NAMES[k % SIM_NAMES.length]!,
      look,
      role: "participant",
      seat: k + 1,
      handRaised: false,
      muted: false,
      away: false,
      connected: true,
    };
    addRemote(circle, id, k + 1, k % LOOKS.length);
  }
  circle.places = Math.max(circle.places, capacity + 1, n + 1);
  circle.version++;
  store.setState({ people, session: { ...store.getState().session, capacity } });

  const pose = new Float32Array(POSE_FLOATS);
  const words = new Uint32Array(6);
  const timer = setInterval(() => {
    const now = performance.now();
    const t = now / 1000;
    for (let k = 0; k < ids.length; k++) {
      const person = circle.people.get(ids[k]!);
      if (!person) continue;
      const phase = k * 1.7;
      // Breathing lifts the head a few millimetres; a slow sway and look around; the right hand
      // rises for a gesture every ~12 s.
      const gesture = Math.max(0, Math.sin(t * 0.5 + phase)) ** 8;
      pose.fill(0);
      pose[0] = 0.03 * Math.sin(t * 0.4 + phase);
      pose[1] = 1.2 + 0.006 * Math.sin(t * 1.2 + phase);
      pose[2] = 0.02 * Math.sin(t * 0.3 + phase);
      pose[4] = 0.15 * Math.sin(t * 0.2 + phase);
      pose[6] = Math.sqrt(1 - pose[4] * pose[4]);
      pose[7] = -0.18;
      pose[8] = 0.72;
      pose[9] = -0.28;
      pose[13] = 1;
      pose[14] = 0.18 + 0.05 * gesture;
      pose[15] = 0.72 + 0.35 * gesture;
      pose[16] = -0.28 - 0.15 * gesture;
      pose[20] = 1;
      packPose(pose, true, true, words);
      person.words.set(words);
      person.buffer.push(now, words);
    }
  }, PATCH_MS);

  return () => {
    clearInterval(timer);
    const rest: Record<string, Person> = { ...store.getState().people };
    for (const id of ids) {
      delete rest[id];
      removeRemote(circle, id);
    }
    store.setState({ people: rest });
  };
}

const SIM_NAMES = ["Quiet Fox", "Still Lake", "Warm Stone", "Soft Rain", "Slow River", "Calm Heron", "Kind Oak", "Gentle Moss"];
