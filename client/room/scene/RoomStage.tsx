import { lazy, Suspense, useEffect } from "react";
import { ContentAnchor } from "../../xr/ContentAnchor";
import { Scenery, Stage } from "../../scene/Stage";
import { useAppStore } from "../../state/store";
import { exposeTestHooks } from "../../state/testHooks";
import { circleFrame } from "../circleFrame";
import { useRoomStore } from "../roomStore";
import { Avatars } from "./Avatars";
import { Billboards } from "./Billboards";
import { CircleOrb } from "./CircleOrb";
import { CircleWorld } from "./CircleWorld";
import { SeatCushions } from "./SeatCushions";
import { TalkingPiece } from "./TalkingPiece";
import { usePoseSending } from "./usePoseSending";
import { VoiceSpace } from "../voice/VoiceSpace";

// The in-VR boards (uikit, yoga and their fonts) load only once a headset session runs.
const RoomVrPanels = lazy(() => import("../vr/RoomVrPanels"));

function HeadsetBoards() {
  const inXr = useAppStore((s) => s.xrMode !== null);
  return inXr ? (
    <Suspense fallback={null}>
      <RoomVrPanels />
    </Suspense>
  ) : null;
}

function PoseSending() {
  const sender = usePoseSending();
  useEffect(() => exposeTestHooks({ poseSender: sender }), [sender]);
  return null;
}

/**
 * The circle in 3D: the session's place, a cushion at every seat, everyone else's avatar with
 * their name and presence, the talking stone, and the shared orb in the middle. This person sits
 * at their own seat facing the centre; in a headset, their boards hang in front of them. Renders on slow changes only (the place, the orb on or
 * off); poses and labels move in the frame loop.
 */
export function RoomStage() {
  const place = useRoomStore((s) => (s.phase === "in" || s.phase === "reconnecting" ? s.session.environment : (s.preview?.environment ?? s.session.environment)));
  const me = useRoomStore((s) => s.me);
  const bubble = useRoomStore((s) => s.bubble);
  useEffect(() => {
    circleFrame.bubble = bubble;
  }, [bubble]);
  useEffect(() => exposeTestHooks({ circle: circleFrame }), []);
  useEffect(() => {
    // People who are not there, for benchmarks and screenshots; never in a production build.
    if (!(import.meta.env.DEV || import.meta.env.MODE === "test")) return;
    let off = () => {};
    void import("../simulatedCircle").then((m) => (off = exposeTestHooks({ simulateCircle: m.simulateCircle })));
    return () => off();
  }, []);
  return (
    <Stage place={place}>
      <Scenery id={place} />
      <CircleWorld>
        <SeatCushions />
        <Avatars />
        <Billboards />
        <TalkingPiece me={me} />
        <CircleOrb />
        <VoiceSpace />
      </CircleWorld>
      <ContentAnchor>
        <HeadsetBoards />
      </ContentAnchor>
      <PoseSending />
    </Stage>
  );
}

export default RoomStage;
