import type { MomentStatus as Status } from "../roomStore";
import { useRoom } from "./RoomContext";

const MOMENT: Record<Exclude<Status, "none">, string> = {
  sending: "Telling the facilitators privately that you need a moment…",
  delivered: "The facilitators know you need a moment.",
  waiting: "No facilitator is connected right now. They will see it as soon as one is.",
  seen: "A facilitator has seen that you need a moment.",
};

const REPORT: Record<Exclude<Status, "none">, string> = {
  sending: "Sending your report privately to the facilitators…",
  delivered: "Your report reached the facilitators.",
  waiting: "No facilitator is connected right now. Your report waits for the first one.",
  seen: "A facilitator has read your report.",
};

/** Where this person's "I need a moment" and report are, in words (a status region, read politely). */
export function MomentStatus() {
  const moment = useRoom((s) => s.moment);
  const report = useRoom((s) => s.reportStatus);
  return (
    <div className="moment-status" role="status">
      {moment !== "none" && <p className={moment === "seen" ? "seen" : undefined}>{MOMENT[moment]}</p>}
      {report !== "none" && <p className={report === "seen" ? "seen" : undefined}>{REPORT[report]}</p>}
    </div>
  );
}
