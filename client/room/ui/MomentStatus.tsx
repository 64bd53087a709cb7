import { useRoom } from "./RoomContext";
import { MOMENT_WORDS, REPORT_STATUS_WORDS } from "./words";

/** Where this person's "I need a moment" and report are, in words (a status region, read politely). */
export function MomentStatus() {
  const moment = useRoom((s) => s.moment);
  const report = useRoom((s) => s.reportStatus);
  return (
    <div className="moment-status" role="status">
      {moment !== "none" && <p className={moment === "seen" ? "seen" : undefined}>{MOMENT_WORDS[moment]}</p>}
      {report !== "none" && <p className={report === "seen" ? "seen" : undefined}>{REPORT_STATUS_WORDS[report]}</p>}
    </div>
  );
}
