import { useState, type ReactNode } from "react";
import { LEARNING_CARDS, getCard, type LearningCard } from "../../../core/care";
import { useAppStore } from "../../state/store";
import { VrButton, VrList, VrPanel, VrRow, VrText } from "./kit";

/** Panel width for reading, mm: about 40 characters of body text a line. */
const READ_WIDTH = 760;

/**
 * One learning card on a panel: its paragraphs in a scrolling list (long cards stay within a
 * comfortable glance), its sources in small type, and `actions` under it.
 */
export function VrCardBoard({ card, subtitle, actions }: { card: LearningCard; subtitle?: string; actions: ReactNode }) {
  return (
    <VrPanel title={card.title} {...(subtitle ? { subtitle } : {})} width={READ_WIDTH}>
      <VrList maxHeight={420}>
        {card.body.map((p) => (
          <VrText key={p}>
            {p}
          </VrText>
        ))}
        <VrText role="small" muted>
          {`Sources: ${card.sources.map((s) => `${s.publisher} (${s.year})`).join("; ")}`}
        </VrText>
      </VrList>
      <VrRow>{actions}</VrRow>
    </VrPanel>
  );
}

/** Learn, in a headset: the list of cards, then one card to read. */
export function LearnPanel() {
  const [open, setOpen] = useState<string | null>(null);
  const card = open ? getCard(open) : undefined;
  if (card) return <VrCardBoard card={card} actions={<VrButton label="All cards" onSelect={() => setOpen(null)} />} />;
  return (
    <VrPanel title="Learn" subtitle="Short cards, each with its sources" width={READ_WIDTH}>
      <VrList maxHeight={420}>
        {LEARNING_CARDS.map((c) => (
          <VrButton key={c.id} label={c.title} onSelect={() => setOpen(c.id)} />
        ))}
      </VrList>
      <VrRow>
        <VrButton label="Back to places" onSelect={() => useAppStore.getState().go("environment")} />
      </VrRow>
    </VrPanel>
  );
}
