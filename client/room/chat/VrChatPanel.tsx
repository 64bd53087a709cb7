import { Role } from "../../../core/protocol";
import { MSDF_CHARSET } from "../../ui/vr/kit/charset";
import { VrButton, VrList, VrPanel, VrRow, VrText } from "../../ui/vr/kit";
import { useRoomStore } from "../roomStore";
import { useChatStore } from "./chatStore";
import { QUICK_PHRASES } from "./words";

/** Messages shown on the headset panel: the latest few, so the text stays large. */
const VR_LINES = 6;
const GLYPHS = new Set(MSDF_CHARSET);

/** Characters the panel's font has no glyph for (emoji, other scripts) become a middle dot. */
export function vrSafe(text: string): string {
  let out = "";
  for (const ch of text) out += GLYPHS.has(ch) ? ch : "·";
  return out;
}

/**
 * Chat in a headset: the latest messages and four quick phrases ("Thank you", "Me too", "I'll
 * pass", "I'm here"), since typing with a controller is hard. No speech-to-text (it would send
 * audio to a third party). Mount inside a VrSurface.
 */
export function VrChatPanel() {
  const me = useRoomStore((s) => s.me);
  const hidden = useRoomStore((s) => s.hidden);
  const lead = useRoomStore((s) => (s.people[s.me]?.role ?? Role.participant) !== Role.participant);
  const lines = useChatStore((s) => s.lines);
  const muted = useChatStore((s) => s.chatMuted[me] === true);
  const on = useChatStore((s) => s.settings.on);
  const shown = lines.filter((l) => !hidden[l.from]).slice(-VR_LINES);
  const heldBack = muted ? "Your chat is paused by the facilitator." : !on && !lead ? "Chat is off right now." : "";
  const say = (text: string) => useChatStore.getState().say(text, useRoomStore.getState().send);
  return (
    <VrPanel title="Chat" width={760}>
      <VrList maxHeight={300}>
        {shown.length === 0 ? (
          <VrText muted>Nothing written yet.</VrText>
        ) : (
          shown.map((l) => <VrText key={l.id}>{vrSafe(`${l.from === me ? "You" : l.pseudonym}: ${l.text}`)}</VrText>)
        )}
      </VrList>
      {heldBack ? (
        <VrText role="small" muted>
          {heldBack}
        </VrText>
      ) : (
        <VrRow>
          {QUICK_PHRASES.map((phrase) => (
            <VrButton key={phrase} label={`Say "${phrase}"`} text={phrase} onSelect={() => say(phrase)} />
          ))}
        </VrRow>
      )}
    </VrPanel>
  );
}
