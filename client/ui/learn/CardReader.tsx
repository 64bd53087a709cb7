import type { ReactNode } from "react";
import { cardSpeech, type LearningCard } from "../../../core/care";
import { useReadAloud } from "./useReadAloud";

/**
 * One learning card to read: title, paragraphs, and where it comes from. "Read aloud" appears
 * where the device has voices. `actions` go beside it (e.g. "Close for everyone").
 */
export function CardReader({ card, headingLevel = 2, actions }: { card: LearningCard; headingLevel?: 2 | 3; actions?: ReactNode }) {
  const { voices, reading, toggle } = useReadAloud(cardSpeech(card));
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="learn-card" aria-labelledby={`card-${card.id}`}>
      <Heading id={`card-${card.id}`}>{card.title}</Heading>
      {card.body.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <div className="actions">
        {voices && (
          <button type="button" onClick={toggle} aria-pressed={reading}>
            {reading ? "Stop reading" : "Read aloud"}
          </button>
        )}
        {actions}
      </div>
      <div className="learn-sources">
        <p className="source">Sources</p>
        <ul>
          {card.sources.map((s) => (
            <li key={s.title} className="source">
              {s.title}. {s.publisher}, {s.year}. <span className="learn-where">{s.where}</span>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
