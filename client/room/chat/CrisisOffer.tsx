import { useEffect, useRef } from "react";
import { CrisisLines } from "../../ui/crisis/CrisisLines";
import { useChatStore } from "./chatStore";

/**
 * Shown only to the person who wrote words that suggest they may be in crisis, right where they
 * wrote them. Their message went out unchanged; nobody else in the circle sees this.
 */
export function CrisisOffer() {
  const open = useChatStore((s) => s.crisisOffer);
  const support = useChatStore((s) => s.supportStatus);
  const ref = useRef<HTMLElement>(null);
  // On a small screen the chat scrolls: bring the lines into view, not just the heading.
  useEffect(() => {
    if (open) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [open]);
  if (!open) return null;
  return (
    <section ref={ref} className="crisis-offer" role="region" aria-labelledby="crisis-offer-heading">
      <h3 id="crisis-offer-heading">It sounds like things are really hard right now</h3>
      <p>You don't have to go through this alone. People at these lines are there to listen, day and night.</p>
      <CrisisLines />
      {(support === "delivered" || support === "seen") && <p className="hint">A facilitator has been told privately that you may need support. Nobody else was told.</p>}
      {support === "waiting" && <p className="hint">A facilitator will be told privately as soon as one is here. Nobody else was told.</p>}
      <button type="button" className="secondary" onClick={() => useChatStore.getState().closeCrisisOffer()}>
        Close
      </button>
    </section>
  );
}
