import { useState } from "react";
import { toneCue } from "../../practice/cues/installCues";
import { useAppStore } from "../../state/store";
import { ScreenHeading } from "../ScreenHeading";
import { FeelingScale } from "./FeelingScale";

/** Check-in before practising ("Start") or check-out after ("Done"); both can be skipped. */
export function CheckScreen({ stage }: { stage: "check-in" | "check-out" }) {
  const [value, setValue] = useState<number | null>(null);
  const before = stage === "check-in";
  const question = before ? "How do you feel right now?" : "How do you feel now?";

  const answer = (v: number | null) => {
    const state = useAppStore.getState();
    if (before) {
      // This click is the user gesture that lets the tone cues' audio start.
      if (state.settings.cues.tones) toneCue.prepare();
      state.checkIn(v);
    } else state.checkOut(v);
  };

  return (
    <section aria-labelledby={`${stage}-heading`} className="screen">
      <ScreenHeading id={`${stage}-heading`}>{before ? "Check in" : "Check out"}</ScreenHeading>
      <p id={`${stage}-question`} className="question">
        {question}
      </p>
      <FeelingScale labelledBy={`${stage}-question`} value={value} onChange={setValue} />
      <p className="actions">
        <button type="button" disabled={value === null} onClick={() => answer(value)}>
          {before ? "Start" : "Done"}
        </button>
        <button type="button" className="secondary" onClick={() => answer(null)}>
          Skip
        </button>
      </p>
      {before && (
        <p>
          <button type="button" className="secondary" onClick={() => useAppStore.getState().go("length")}>
            Back
          </button>
        </p>
      )}
    </section>
  );
}
