import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { Quaternion, Vector3, type Group } from "three";
import { circleFrame, type CircleFrame } from "../circleFrame";
import { voiceFrame } from "./followVoice";
import { useVoiceStore } from "./voiceStore";

// Scratch, reused every frame: placing voices allocates nothing.
const head = new Vector3();
const ear = new Vector3();
const forward = new Vector3();
const up = new Vector3();
const turn = new Quaternion();

/** Whether any controller's trigger (xr-standard button 0) is pressed this frame. */
function triggerHeld(sources: XRInputSourceArray | undefined): boolean {
  if (!sources) return false;
  for (let i = 0; i < sources.length; i++) {
    const pad = sources[i]!.gamepad;
    if (pad && !sources[i]!.hand && pad.buttons[0]?.pressed) return true;
  }
  return false;
}

/**
 * Voices where the avatars are: every frame, each remote voice's PannerNode moves to that person's
 * head (as the avatars drew it, in the circle's frame, turned into world space) and the listener
 * to the camera. In a headset a held trigger is push-to-talk. Goes inside `CircleWorld`.
 */
export function VoiceSpace({ circle = circleFrame }: { circle?: CircleFrame }) {
  const group = useRef<Group>(null);
  useFrame(({ camera, gl }) => {
    const output = voiceFrame.output;
    const g = group.current;
    if (gl.xr.isPresenting) {
      const voice = useVoiceStore.getState();
      const held = voice.pushToTalk && triggerHeld(gl.xr.getSession()?.inputSources);
      if (held !== voice.held) voice.set({ held });
    }
    if (!output || !g) return;
    camera.getWorldPosition(ear);
    camera.getWorldQuaternion(turn);
    forward.set(0, 0, -1).applyQuaternion(turn);
    up.set(0, 1, 0).applyQuaternion(turn);
    output.listen(ear.x, ear.y, ear.z, forward.x, forward.y, forward.z, up.x, up.y, up.z);
    const list = circle.list;
    for (let i = 0; i < list.length; i++) {
      const person = list[i]!;
      head.set(person.at[0]!, person.at[1]!, person.at[2]!);
      g.localToWorld(head);
      output.place(person.id, head.x, head.y, head.z);
    }
  });
  return <group ref={group} name="voices" />;
}
