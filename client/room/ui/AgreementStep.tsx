import { useState } from "react";
import { GROUP_AGREEMENT, NOT_THERAPY_NOTICE } from "../../../core/care";
import { ScreenHeading } from "../../ui/ScreenHeading";
import { useRoomServices } from "./RoomContext";

/** The group agreement and the not-therapy notice, accepted before a participant chooses a name. */
export function AgreementStep() {
  const { store } = useRoomServices();
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const next = () => {
    if (!agreed) return setMissing(true);
    store.setState({ phase: "identity" });
  };
  return (
    <section aria-labelledby="room-agreement-heading" className="screen">
      <ScreenHeading id="room-agreement-heading">Our group agreement</ScreenHeading>
      <p>Everyone in this circle agrees to this, so that it stays a safe place:</p>
      <ol className="agreement">
        {GROUP_AGREEMENT.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <p className="not-therapy" id="room-not-therapy">
        {NOT_THERAPY_NOTICE}
      </p>
      <p className="agree">
        <label>
          <input
            type="checkbox"
            checked={agreed}
            aria-invalid={missing && !agreed}
            aria-describedby={missing && !agreed ? "room-agree-error" : undefined}
            onChange={(e) => setAgreed(e.target.checked)}
          />{" "}
          I have read the agreement and the notice, and I agree to them
        </label>
      </p>
      {missing && !agreed && (
        <p id="room-agree-error" className="error" role="alert">
          Please tick the box to agree before you go on.
        </p>
      )}
      <p className="actions">
        <button type="button" onClick={next}>
          I agree, continue
        </button>
        <button type="button" className="secondary" onClick={() => store.setState({ phase: "preview" })}>
          Back
        </button>
      </p>
    </section>
  );
}
