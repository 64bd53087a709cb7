import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { Quaternion, Vector3 } from "three";
import { anchor } from "../../xr/comfort";
import { PoseSender, createPartPose, type PartPose } from "../poseSender";
import { useRoomStore, type RoomStore } from "../roomStore";

// Scratch: the frame loop reads the head and hands into these, never allocating.
const head = createPartPose();
const left = createPartPose();
const right = createPartPose();
const position = new Vector3();
const rotation = new Quaternion();

function fromPose(out: PartPose, pose: XRPose | undefined): void {
  if (!pose) {
    out.tracked = false;
    return;
  }
  const p = pose.transform.position;
  const o = pose.transform.orientation;
  out.px = p.x;
  out.py = p.y;
  out.pz = p.z;
  out.qx = o.x;
  out.qy = o.y;
  out.qz = o.z;
  out.qw = o.w;
  out.tracked = true;
}

/**
 * Sends this person's pose to the circle at POSE_HZ: the head from the camera (a headset's
 * tracked head, or the direction a screen visitor looks), and in a headset each hand's grip from
 * the XR frame; on a screen the hands rest in the lap. Only once seated (not while waiting to be
 * let in). Runs in the frame loop; reads the store with getState(), so it never renders.
 */
export function usePoseSending(store: RoomStore = useRoomStore): PoseSender {
  const sender = useMemo(() => new PoseSender((words) => store.getState().send("pose", words)), [store]);
  useEffect(() => () => void (sender.sent = 0), [sender]);
  useFrame(({ camera, gl }) => {
    // Nothing while waiting to be let in: the room refuses it, and the circle has no seat for it yet.
    const { phase, knocking } = store.getState();
    if (phase !== "in" || knocking) return;
    camera.getWorldPosition(position);
    camera.getWorldQuaternion(rotation);
    head.px = position.x;
    head.py = position.y;
    head.pz = position.z;
    head.qx = rotation.x;
    head.qy = rotation.y;
    head.qz = rotation.z;
    head.qw = rotation.w;
    left.tracked = right.tracked = false;
    const frame = gl.xr.isPresenting ? gl.xr.getFrame() : null;
    const space = frame ? gl.xr.getReferenceSpace() : null;
    const sources = frame?.session.inputSources;
    if (frame && space && sources) {
      for (let i = 0; i < sources.length; i++) {
        const source = sources[i]!;
        const grip = source.gripSpace;
        if (!grip || source.handedness === "none") continue;
        fromPose(source.handedness === "left" ? left : right, frame.getPose(grip, space));
      }
    }
    sender.update(performance.now(), anchor, head, left, right);
  });
  return sender;
}
