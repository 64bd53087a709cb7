import { MAX_SEATS } from "../../core/protocol";
import type { CircleClient } from "../rooms/circleContext";
import type { CircleState } from "../rooms/CircleState";
import type { CircleVoice } from "../rooms/voiceMessages";
import type { VoiceDeps } from "./voiceDeps";

/**
 * With Janus configured, give a new circle its Janus room: voices then go through the SFU (`voice`
 * answers mode "sfu"). Without it, or if Janus cannot be reached, the circle keeps the mesh.
 */
export async function openSfu(voice: CircleVoice, deps: VoiceDeps | undefined, state: CircleState, clientOf: (id: string) => CircleClient | undefined): Promise<void> {
  if (!deps?.sfu) return;
  const sfu = await deps.sfu.open(voice.floor, MAX_SEATS, {
    // Only to someone still seated in the circle: nothing of the SFU reaches the waiting area.
    send: (id, message) => {
      if (state.participants.has(id)) clientOf(id)?.send("sfu", message);
    },
  });
  if (!sfu) return;
  voice.sfu = sfu;
  voice.config.mode = "sfu";
}

/** The circle closed: its Janus room is destroyed (everyone in it is hung up). */
export function closeSfu(voice: CircleVoice): void {
  const sfu = voice.sfu;
  voice.sfu = null;
  voice.floor.listen(null);
  void sfu?.close().catch(() => {});
}
