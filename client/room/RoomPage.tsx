import { exposeTestHooks } from "../state/testHooks";
import { roomClock } from "./clockSync";
import "./ui/room.css";
import { useEffect, useState, type ReactElement } from "react";
import { createPortal } from "react-dom";
import { normalizeJoinCode } from "../../core/protocol";
import { silenceCuesWhile } from "../practice/cues/installCues";
import { practiceTicker } from "../practice/ticker";
import { useAppStore } from "../state/store";
import { FocusHeadingContext } from "../ui/ScreenHeading";
import { circlePractice } from "./circlePractice";
import { eventLogFor } from "./eventLog";
import { useChatStore } from "./chat/chatStore";
import { RoomStageLayer } from "./RoomStageLayer";
import type { RoomPhase } from "./roomStore";
import { AgreementStep } from "./ui/AgreementStep";
import { ClosedScreen } from "./ui/ClosedScreen";
import { IdentityStep } from "./ui/IdentityStep";
import { InCircle } from "./ui/InCircle";
import { PreviewStep } from "./ui/PreviewStep";
import { RoomViewContext } from "./ui/ViewContext";
import { RoomContext, appRoomServices, useRoom, useRoomServices, type RoomServices } from "./ui/RoomContext";
import { ScreenHeading } from "../ui/ScreenHeading";

function Joining() {
  return (
    <section aria-labelledby="room-joining-heading" className="screen">
      <ScreenHeading id="room-joining-heading">Joining the circle…</ScreenHeading>
      <p role="status">Finding your seat.</p>
    </section>
  );
}

const SCREENS: Record<RoomPhase, () => ReactElement> = {
  preview: () => <PreviewStep />,
  agreement: () => <AgreementStep />,
  identity: () => <IdentityStep />,
  joining: () => <Joining />,
  in: () => <InCircle />,
  reconnecting: () => <InCircle />,
  closed: () => <ClosedScreen />,
};

/** Look the code up (any spelling) unless this page is already in, or on its way into, that circle. */
function useJoinCode(raw: string) {
  const { store, fetchPreview } = useRoomServices();
  useEffect(() => {
    const code = normalizeJoinCode(raw);
    const state = store.getState();
    if (!code) return state.close("bad-code");
    // Already past the lookup of this circle (in it, joining, or out of it): a remount changes nothing.
    if (state.code === code && (state.preview || state.phase !== "preview")) return;
    store.setState({ code, phase: "preview", preview: null, closedReason: null });
    let live = true;
    void fetchPreview(code).then((result) => {
      if (!live) return;
      if ("preview" in result) store.setState({ preview: result.preview });
      else store.getState().close(result.refused);
    });
    return () => {
      live = false;
    };
  }, [raw, store, fetchPreview]);
}

/** What runs beside the room's screens while the page is open: the pacer's source, cue silencing, the event log. */
function useRoomRuntime(): void {
  const { store } = useRoomServices();
  // The pacer follows the circle: its shared exercise on the server clock, or breathing alone while waiting.
  useEffect(() => practiceTicker.use(circlePractice(store)), [store]);
  useEffect(() => silenceCuesWhile(() => store.getState().cuesSilenced), [store]);
  // Reports carry the last minute of what this device saw: start keeping it from the first moment.
  useEffect(() => void eventLogFor(store), [store]);
  // Tests and benchmarks read the circle's state, clock and words, also in the simple view (no 3D).
  useEffect(() => exposeTestHooks({ roomStore: store, roomClock, chatStore: useChatStore }), [store]);
}

function Room({ code, stage }: { code: string; stage: boolean }) {
  useJoinCode(code);
  useRoomRuntime();
  const phase = useRoom((s) => s.phase);
  const simple = useRoom((s) => s.simpleView);
  // Set when the 3D canvas has started (a WebGL failure never sets it: the DOM circle stays the room).
  const stageReady = useAppStore((s) => s.stageReady);
  const view = { stage, drawing: stage && !simple && stageReady };
  const [firstPhase] = useState(phase);
  const [moved, setMoved] = useState(false);
  if (!moved && phase !== firstPhase) setMoved(true);
  return (
    <>
      {/* The 3D circle, behind everything (outside the DOM overlay); the DOM circle stays for screen readers. */}
      {stage && !simple && createPortal(<RoomStageLayer />, document.body)}
      <RoomViewContext.Provider value={view}>
        <FocusHeadingContext.Provider value={moved}>{SCREENS[phase]()}</FocusHeadingContext.Provider>
      </RoomViewContext.Provider>
    </>
  );
}

/**
 * /room/CODE: joining a circle (what it is, the agreement, a name and a colour), being in it, and
 * every way of being out of it. Loaded lazily: the calm space's first screen does not carry it.
 */
export default function RoomPage({ code, services = appRoomServices, stage = true }: { code: string; services?: RoomServices; stage?: boolean }) {
  return (
    <RoomContext.Provider value={services}>
      <Room code={code} stage={stage} />
    </RoomContext.Provider>
  );
}
