import { useStore } from "zustand";
import { useRoom, useRoomServices } from "../ui/RoomContext";
import { toggleHand } from "../ui/roomActions";
import { useVoiceStore, type VoiceState } from "./voiceStore";

const useVoice = <T,>(selector: (s: VoiceState) => T): T => useStore(useVoiceStore, selector);

/** The microphone on the toolbar: on or off, and while asking, "Allowing…". */
export function MicButton() {
  const mic = useVoice((s) => s.mic);
  const on = mic === "on";
  return (
    <button
      type="button"
      className="secondary tool"
      aria-pressed={on}
      disabled={mic === "asking"}
      onClick={() => (on ? useVoiceStore.getState().micOff() : useVoiceStore.getState().micOn())}
    >
      {mic === "asking" ? "Allowing microphone…" : on ? "Microphone on" : "Microphone off"}
    </button>
  );
}

/**
 * What this person should know about their voice, in plain words above the toolbar: muted by the
 * facilitator (with "raise hand" to ask to speak), not holding the talking piece, push-to-talk,
 * or a microphone the browser would not give (they stay, listening).
 */
export function VoiceNote() {
  const { store } = useRoomServices();
  const mic = useVoice((s) => s.mic);
  const ptt = useVoice((s) => s.pushToTalk);
  const held = useVoice((s) => s.held);
  const muted = useRoom((s) => Boolean(s.people[s.me]?.muted));
  const handUp = useRoom((s) => Boolean(s.people[s.me]?.handRaised));
  let words = "";
  if (muted) words = "The facilitator has muted you. Others can't hear you for now.";
  else if (mic === "denied") words = "Your browser didn't allow the microphone. You're in the circle and can hear everyone; to speak, allow the microphone for this site in your browser's settings, then turn it on again.";
  else if (mic === "unavailable") words = "No microphone could start on this device. You're in the circle and can hear everyone.";
  else if (mic === "on" && ptt) words = held ? "Talking…" : "Push to talk: hold Space (or a trigger in VR) while you speak.";
  return (
    <div className="room-notice voice-note" role="status">
      {words && (
        <p>
          {words}
          {muted && (
            <button type="button" className="secondary small" onClick={() => toggleHand(store)}>
              {handUp ? "Lower hand" : "Raise hand to ask to speak"}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** Voice choices in the "More" menu: push-to-talk and plain stereo. */
export function VoiceSettings() {
  const ptt = useVoice((s) => s.pushToTalk);
  const plain = useVoice((s) => s.plainStereo);
  const set = useVoiceStore.getState().set;
  return (
    <>
      <button type="button" className="secondary" aria-pressed={ptt} aria-describedby="room-ptt-hint" onClick={() => set({ pushToTalk: !ptt })}>
        Push to talk <span className="on-off" aria-hidden="true">{ptt ? "On" : "Off"}</span>
      </button>
      <p id="room-ptt-hint" className="hint">
        Others hear you only while you hold Space, or a trigger in VR.
      </p>
      <button type="button" className="secondary" aria-pressed={plain} aria-describedby="room-stereo-hint" onClick={() => set({ plainStereo: !plain })}>
        Plain stereo <span className="on-off" aria-hidden="true">{plain ? "On" : "Off"}</span>
      </button>
      <p id="room-stereo-hint" className="hint">
        Every voice from the middle, instead of from where each person sits.
      </p>
    </>
  );
}
