import type { ReactElement } from "react";
import { useAppStore } from "../../state/store";
import { JoinCircleForm } from "../../ui/JoinCircleForm";
import { ScreenHeading } from "../../ui/ScreenHeading";
import { closedMessage } from "../messages";
import type { ClosedReason, RoomStore } from "../roomStore";
import { useRoom, useRoomServices, type RoomServices } from "./RoomContext";

/** The next step that makes sense after each way of being out of a circle. */
type NextStep = "try-again" | "join-again" | "rename" | "reload" | "new-code" | "sign-in" | "as-participant" | "talk";

const NEXT: Record<ClosedReason, NextStep[]> = {
  "unknown-code": ["new-code"],
  "too-many-tries": ["try-again"],
  "bad-code": ["new-code"],
  ended: [],
  locked: ["join-again"],
  full: ["join-again"],
  "agreement-outdated": ["reload"],
  invalid: ["rename"],
  "not-signed-in": ["sign-in", "as-participant"],
  "not-your-session": ["as-participant"],
  removed: ["talk"],
  declined: ["talk", "join-again"],
  "signed-out": ["sign-in"],
  flooded: ["reload"],
  left: ["join-again"],
  lost: ["join-again"],
  unreachable: ["try-again"],
};

/** Back to where joining left off: the preview is fetched again if it never came. */
function retry(store: RoomStore, services: RoomServices) {
  const { preview } = store.getState();
  if (preview) return store.setState({ phase: "identity", closedReason: null });
  store.setState({ phase: "preview", closedReason: null });
  void services.fetchPreview(store.getState().code).then((r) => {
    if ("preview" in r) store.setState({ preview: r.preview });
    else store.getState().close(r.refused);
  });
}

function Step({ step, services }: { step: NextStep; services: RoomServices }): ReactElement {
  const { store } = services;
  switch (step) {
    case "try-again":
      return (
        <button type="button" onClick={() => retry(store, services)}>
          Try again
        </button>
      );
    case "join-again":
      return (
        <button type="button" onClick={() => retry(store, services)}>
          Join again
        </button>
      );
    case "rename":
      return (
        <button type="button" onClick={() => store.setState({ phase: "identity", closedReason: null })}>
          Choose another name
        </button>
      );
    case "reload":
      return (
        <button type="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      );
    case "new-code":
      return <JoinCircleForm label="Type the code again" />;
    case "sign-in":
      return <a href="/facilitate">Sign in again</a>;
    case "as-participant":
      return (
        <button type="button" className="secondary" onClick={() => store.setState({ phase: "agreement", asFacilitator: false, closedReason: null })}>
          Join as a participant instead
        </button>
      );
    case "talk":
      return (
        <button type="button" onClick={() => useAppStore.getState().openCrisis()}>
          Talk to someone now
        </button>
      );
  }
}

/** Why the person is not (or no longer) in the circle, kindly, with what they can do next. */
export function ClosedScreen() {
  const services = useRoomServices();
  const reason = useRoom((s) => s.closedReason) ?? "lost";
  const message = closedMessage(reason);
  return (
    <section aria-labelledby="room-closed-heading" className="screen room-closed">
      <ScreenHeading id="room-closed-heading">{message.title}</ScreenHeading>
      <p>{message.body}</p>
      <div className="actions">
        {NEXT[reason].map((step) => (
          <Step key={step} step={step} services={services} />
        ))}
      </div>
      <p>
        <a href="/">Back to the calm space</a>
      </p>
    </section>
  );
}
