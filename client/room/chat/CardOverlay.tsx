import { getCard, type LearningCard } from "../../../core/care";
import { Role } from "../../../core/protocol";
import { CardReader } from "../../ui/learn/CardReader";
import { useRoomStore } from "../roomStore";
import { useChatStore } from "./chatStore";

/** Who may close a shared card for everyone: the facilitator and co-facilitators. */
const useIsLead = () => useRoomStore((s) => (s.people[s.me]?.role ?? Role.participant) !== Role.participant);

/** The card the facilitator shared, or undefined (also while this person has hidden it). */
export function useSharedCard(): LearningCard | undefined {
  const id = useChatStore((s) => (s.cardHidden ? "" : s.card));
  return id ? getCard(id) : undefined;
}

/**
 * The learning card a facilitator shared, open for everyone in the circle. The facilitator closes
 * it for everyone; anyone else can put it away for themselves.
 */
export function CardOverlay() {
  const card = useSharedCard();
  const lead = useIsLead();
  if (!card) return null;
  const close = lead ? (
    <button type="button" onClick={() => useRoomStore.getState().send("closeCard")}>
      Close for everyone
    </button>
  ) : (
    <button type="button" className="secondary" onClick={() => useChatStore.setState({ cardHidden: true })}>
      Put away
    </button>
  );
  return (
    <aside className="card-overlay" aria-label="A card the facilitator shared">
      <p className="hint">Shared with the circle</p>
      <CardReader card={card} headingLevel={2} actions={close} />
    </aside>
  );
}
