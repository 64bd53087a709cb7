import { useState, type FormEvent } from "react";
import { REPORT_REASONS, type ReportReason } from "../../../core/protocol";
import { REPORT_REASON_CHOICES } from "../consoleActions";
import type { Person } from "../roomStore";
import { useRoom, useRoomServices } from "./RoomContext";
import { report } from "./roomActions";

/**
 * Report someone to the facilitators: a reason from a short list — no free text, so nothing
 * personal can be written into it — and the last minute of room events this device saw (who
 * joined, raised a hand, reacted…; never words or sound). Offers to hide them too.
 */
export function ReportForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { store } = useRoomServices();
  const hidden = useRoom((s) => Boolean(s.hidden[person.id]));
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [sent, setSent] = useState(false);
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) return;
    report(store, person.id, reason);
    setSent(true);
  };
  if (sent) {
    return (
      <div className="report-sent">
        <p>Thank you. Your report about {person.pseudonym} goes privately to the facilitators; they do not tell {person.pseudonym} who sent it.</p>
        <p className="actions">
          {!hidden && (
            <button type="button" className="secondary" onClick={() => store.getState().hide(person.id)}>
              Hide {person.pseudonym} too
            </button>
          )}
          <button type="button" onClick={onDone}>
            Done
          </button>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={send}>
      <fieldset>
        <legend>Why are you reporting {person.pseudonym}?</legend>
        {REPORT_REASONS.map((r) => (
          <label key={r} className="reason">
            <input type="radio" name="report-reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {REPORT_REASON_CHOICES[r]}
          </label>
        ))}
      </fieldset>
      <p className="hint">The facilitators also see what happened in the circle in the last minute (who joined, hands, reactions) — never anything anyone said.</p>
      <p className="actions">
        <button type="submit" disabled={!reason}>
          Send report
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}
