import { ScreenHeading } from "../../ui/ScreenHeading";
import { CardOverlay } from "../chat";
import { CheckInCard } from "./CheckInCard";
import { FacilitatorConsole } from "./console/FacilitatorConsole";
import { CircleCentre } from "./CircleCentre";
import { CircleView } from "./CircleView";
import { useRoom } from "./RoomContext";
import { RoomAnnouncer } from "./RoomAnnouncer";
import { RoomToolbar } from "./RoomToolbar";
import { useRoomView } from "./ViewContext";
import { NoticeBar, ReconnectingBanner } from "./StatusBars";
import { WaitingCard } from "./WaitingCard";
import { VoiceNote } from "../voice/VoiceControls";

/** Seated in the circle (or reconnecting to it): the circle, what to do, and what happens. */
export function InCircle() {
  const title = useRoom((s) => s.session.title || s.preview?.title || "The circle");
  const waiting = useRoom((s) => s.session.status === "waiting");
  const knocking = useRoom((s) => s.knocking);
  const { drawing } = useRoomView();
  // Waiting to be let in: nobody to show, nothing to do in the circle yet (the server refuses it).
  if (knocking) {
    return (
      <div className="room">
        <ReconnectingBanner />
        <section className="room-circle" aria-labelledby="room-circle-heading">
          <ScreenHeading id="room-circle-heading">{title}</ScreenHeading>
          <WaitingCard />
          <CircleCentre />
        </section>
      </div>
    );
  }
  return (
    <div className={drawing ? "room with-stage" : "room"}>
      <ReconnectingBanner />
      <section className="room-circle" aria-labelledby="room-circle-heading">
        <ScreenHeading id="room-circle-heading">{title}</ScreenHeading>
        <CardOverlay />
        {waiting && <WaitingCard />}
        <CheckInCard />
        <CircleView />
      </section>
      <FacilitatorConsole />
      <div className="room-dock">
        <NoticeBar />
        <VoiceNote />
        <RoomToolbar />
      </div>
      <RoomAnnouncer />
    </div>
  );
}
