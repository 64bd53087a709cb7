import { cardSpeech } from "../../../core/care";
import { Role } from "../../../core/protocol";
import { useReadAloud } from "../../ui/learn/useReadAloud";
import { VrCardBoard } from "../../ui/vr/LearnPanels";
import { VrButton } from "../../ui/vr/kit";
import { useRoomStore } from "../roomStore";
import { useChatStore } from "./chatStore";
import { useSharedCard } from "./CardOverlay";

/**
 * The learning card a facilitator shared, on a headset panel: readable, read aloud where the
 * device has voices, closed for everyone by the facilitator (put away by anyone else). Renders
 * nothing while no card is shared. Mount inside a VrSurface.
 */
export function VrCardPanel() {
  const card = useSharedCard();
  const lead = useRoomStore((s) => (s.people[s.me]?.role ?? Role.participant) !== Role.participant);
  const { voices, reading, toggle: toggleReading } = useReadAloud(card ? cardSpeech(card) : "");
  if (!card) return null;
  return (
    <VrCardBoard
      card={card}
      subtitle="Shared with the circle"
      actions={
        <>
          {voices && <VrButton label={reading ? "Stop reading" : "Read aloud"} onSelect={toggleReading} />}
          {lead ? (
            <VrButton label="Close for everyone" variant="primary" onSelect={() => useRoomStore.getState().send("closeCard")} />
          ) : (
            <VrButton label="Put the card away" onSelect={() => useChatStore.setState({ cardHidden: true })} />
          )}
        </>
      }
    />
  );
}
