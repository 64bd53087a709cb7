import { useState } from "react";
import { LEARNING_CARDS, getCard } from "../../../core/care";
import { useAppStore } from "../../state/store";
import { CardReader } from "../learn/CardReader";
import { NotTherapyNote } from "../NotTherapyNote";
import { ScreenHeading } from "../ScreenHeading";

/** Learn: short cards about anxiety, breathing, sleep, reaching out…, each with its sources. Nothing is fetched. */
export function LearnScreen() {
  const [open, setOpen] = useState<string | null>(null);
  const card = open ? getCard(open) : undefined;
  const back = () => useAppStore.getState().go("environment");
  if (card) {
    return (
      <section aria-labelledby="learn-heading" className="screen">
        <ScreenHeading id="learn-heading">Learn</ScreenHeading>
        <CardReader
          card={card}
          actions={
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              All cards
            </button>
          }
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="learn-heading" className="screen">
      <ScreenHeading id="learn-heading">Learn</ScreenHeading>
      <p>Short, plain-language cards. Each one lists where its facts come from.</p>
      <ul className="choices" role="list">
        {LEARNING_CARDS.map((c) => (
          <li key={c.id}>
            <button type="button" className="choice" aria-describedby={`learn-${c.id}-desc`} onClick={() => setOpen(c.id)}>
              {c.title}
            </button>
            <span id={`learn-${c.id}-desc`} className="choice-description">
              {c.summary}
            </span>
          </li>
        ))}
      </ul>
      <NotTherapyNote />
      <p>
        <button type="button" className="secondary" onClick={back}>
          Back
        </button>
      </p>
    </section>
  );
}
