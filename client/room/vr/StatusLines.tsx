import { VrText } from "../../ui/vr/kit";
import { useRoom } from "../ui/RoomContext";
import { MOMENT_WORDS, REPORT_STATUS_WORDS } from "../ui/words";

/** Where this person's "I need a moment" and report are, and the last refused action, in words. */
export function StatusLines() {
  const moment = useRoom((s) => s.moment);
  const report = useRoom((s) => s.reportStatus);
  const notice = useRoom((s) => s.notice);
  return (
    <>
      {moment !== "none" ? <VrText role="small">{MOMENT_WORDS[moment]}</VrText> : null}
      {report !== "none" ? <VrText role="small">{REPORT_STATUS_WORDS[report]}</VrText> : null}
      {notice ? <VrText role="small">{notice}</VrText> : null}
    </>
  );
}
