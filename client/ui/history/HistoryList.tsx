import type { SessionRecord } from "../../practice/history";
import { describeChange, describeDuration } from "../screens/change";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every stored session, newest first. */
export function HistoryList({ sessions }: { sessions: readonly SessionRecord[] }) {
  return (
    <ol className="history-list" aria-label="Past sessions, newest first">
      {sessions.map((s) => (
        <li key={s.id ?? s.date}>
          <span className="when">{dateFormat.format(s.date)}</span> — <span className="what">{s.exerciseName || s.exerciseId}</span>,{" "}
          {describeDuration(s.minutes * 60_000)}.{" "}
          <span className="feel">{describeChange(s.before, s.after) ?? `Before ${s.before ?? "skipped"}, after ${s.after ?? "skipped"}`}</span>
        </li>
      ))}
    </ol>
  );
}
