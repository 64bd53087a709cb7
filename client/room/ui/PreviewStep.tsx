import { ENVIRONMENT_NAMES } from "../../../core/environments";
import { ScreenHeading } from "../../ui/ScreenHeading";
import { useRoom, useRoomServices } from "./RoomContext";

const when = (at: number) => new Date(at).toLocaleString(undefined, { weekday: "long", hour: "numeric", minute: "2-digit", day: "numeric", month: "long" });

/**
 * The first thing a person sees from a circle link: what the circle is and where it meets, before
 * anything is asked of them. A signed-in facilitator may go straight in as the facilitator.
 */
export function PreviewStep() {
  const { store, facilitatorToken } = useRoomServices();
  const preview = useRoom((s) => s.preview);
  const code = useRoom((s) => s.code);
  if (!preview) {
    return (
      <section aria-labelledby="room-preview-heading" className="screen">
        <ScreenHeading id="room-preview-heading">Joining a circle</ScreenHeading>
        <p role="status">Looking up this circle…</p>
      </section>
    );
  }
  const token = facilitatorToken();
  return (
    <section aria-labelledby="room-preview-heading" className="screen">
      <p className="eyebrow">You're invited to a peer support circle</p>
      <ScreenHeading id="room-preview-heading">{preview.title}</ScreenHeading>
      <dl className="facts">
        <dt>Place</dt>
        <dd>{ENVIRONMENT_NAMES[preview.environment]}</dd>
        {preview.scheduledAt !== null && (
          <>
            <dt>When</dt>
            <dd>{when(preview.scheduledAt)}</dd>
          </>
        )}
        <dt>Code</dt>
        <dd className="code">{code}</dd>
      </dl>
      <p>
        Next you'll read the group agreement. Then you choose a name for this circle — never your real name — and a colour. Nobody needs
        to speak, and you can step out at any time.
      </p>
      <p className="actions">
        <button type="button" onClick={() => store.setState({ phase: "agreement", asFacilitator: false })}>
          Continue
        </button>
        {token && (
          <button type="button" className="secondary" onClick={() => store.setState({ phase: "identity", asFacilitator: true })}>
            Enter as facilitator
          </button>
        )}
      </p>
      <p>
        <a href="/">Back to the calm space</a>
      </p>
    </section>
  );
}
