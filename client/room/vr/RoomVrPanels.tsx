import { useEffect, useState } from "react";
import { Role } from "../../../core/protocol";
import { useAppStore } from "../../state/store";
import { CrisisPanel } from "../../ui/vr/CrisisPanel";
import { VrButton, VrRow, VrSurface, VrText } from "../../ui/vr/kit";
import { bindPrimaryButton } from "../../xr/buttonActions";
import { xrStore } from "../../xr/xrStore";
import { useSharedCard } from "../chat/CardOverlay";
import { useChatStore } from "../chat/chatStore";
import { VrCardPanel } from "../chat/VrCardPanel";
import { VrChatPanel } from "../chat/VrChatPanel";
import { closedMessage } from "../messages";
import { useCheckInStep } from "../ui/CheckInCard";
import { useRoom, useRoomServices } from "../ui/RoomContext";
import { toggleCues } from "../ui/roomActions";
import { Board } from "./Board";
import { CheckInBoard } from "./CheckInBoard";
import { CircleBoard } from "./CircleBoard";
import { ConsoleBoard } from "./ConsoleBoard";
import { PeopleBoard } from "./PeopleBoard";
import { StatusLines } from "./StatusLines";
import { KnockingBoard } from "./WaitingBoard";
import { YouBoard } from "./YouBoard";

export type RoomBoardId = "You" | "Circle" | "People" | "Chat" | "Shared card" | "Console";

/**
 * Where the boards stand, relative to the eyes (m, inside ContentAnchor): the tab bar's lower
 * edge about 35° below straight ahead, within reach of a pinch; boards rise from it, tilted back
 * like a lectern, so a low board leaves the circle's centre and the faces across it in view, and
 * crisis help (taller) stands in front of the orb and everyone.
 */
export const BOARD_BASE: readonly [number, number, number] = [0, -0.64, -0.9];
/** Lean of the boards away from the viewer, rad. */
export const BOARD_TILT = 0.25;

/** The calm space's crisis help, and under it where this person's "I need a moment" is. */
function CrisisBoard() {
  const told = useRoom((s) => s.moment !== "none" || s.reportStatus !== "none" || s.notice !== "");
  return (
    <>
      <CrisisPanel />
      {told ? (
        <Board>
          <StatusLines />
        </Board>
      ) : null}
    </>
  );
}

/**
 * Out of the circle (removed, ended, declined, the connection lost…): the same words as the page,
 * with the way out of the headset to the page's next steps, and crisis help one press away.
 */
function ClosedBoard() {
  const reason = useRoom((s) => s.closedReason);
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  if (!reason) return null;
  const { title, body } = closedMessage(reason);
  return (
    <>
      {crisisOpen ? <CrisisPanel /> : null}
      <Board heading={title}>
        <VrText>{body}</VrText>
        <VrText muted>Take the headset off or choose Exit VR to see what you can do next on the page.</VrText>
        <VrRow>
          <VrButton label="Exit VR" variant="primary" onSelect={() => void xrStore.getState().session?.end()} />
          {crisisOpen ? null : <VrButton label="Need help now?" variant="help" onSelect={() => useAppStore.getState().openCrisis()} />}
        </VrRow>
      </Board>
    </>
  );
}

/** The tabs under every board, with crisis help always one press away. */
function Tabs({ board, choose, lead, card, unseen, asking }: { board: RoomBoardId | null; choose: (b: RoomBoardId) => void; lead: boolean; card: boolean; unseen: number; asking: boolean }) {
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  const tabs: RoomBoardId[] = ["You", "Circle", "People", "Chat"];
  if (card) tabs.push("Shared card");
  if (lead) tabs.push("Console");
  return (
    <VrRow>
      {tabs.map((t) => (
        <VrButton
          key={t}
          label={t}
          {...(t === "Console" && unseen > 0 ? { text: `Console · ${unseen} new` } : {})}
          {...(t === "You" && asking && board !== "You" ? { text: "You · check-in" } : {})}
          selected={!crisisOpen && board === t}
          onSelect={() => {
            if (crisisOpen) useAppStore.getState().closeCrisis();
            choose(t);
          }}
        />
      ))}
      {crisisOpen ? null : <VrButton label="Need help now?" variant="help" onSelect={() => useAppStore.getState().openCrisis()} />}
    </VrRow>
  );
}

/**
 * The group room in a headset: one board at a time above a row of tabs — this person's own
 * actions, what is happening in the circle, the people (hide, report), chat's quick phrases, a
 * shared card (which comes up by itself when the facilitator shares it), and for facilitators
 * the console — and crisis help, which takes the board's place in front of everything. Pressing the open tab folds the board away to see the whole
 * circle. A/X silences this person's cues; B/Y opens crisis help. Mounted only in a session.
 */
export function RoomVrPanels() {
  const { store } = useRoomServices();
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  const lead = useRoom((s) => (s.people[s.me]?.role ?? Role.participant) !== Role.participant);
  const unseen = useRoom((s) => s.alerts.filter((a) => !a.seen).length) + useChatStore((s) => s.alerts.filter((a) => !a.seen).length);
  const cardId = useChatStore((s) => (s.cardHidden ? "" : s.card));
  const card = useSharedCard() !== undefined;
  const [board, setBoard] = useState<RoomBoardId | null>(card ? "Shared card" : "You");
  const [checkInClosed, setCheckInClosed] = useState(false);
  const phase = useRoom((s) => s.phase);
  const knocking = useRoom((s) => s.knocking);
  const checkIn = useCheckInStep(checkInClosed);
  // A card the facilitator shares opens for everyone: its board comes up in front (crisis help stays first).
  const [cardShown, setCardShown] = useState(cardId);
  if (cardId !== cardShown) {
    setCardShown(cardId);
    if (card) setBoard("Shared card");
  }
  useEffect(() => bindPrimaryButton(() => toggleCues(store)), [store]);
  // A board that is no longer offered (the card was closed, a role changed) gives way to "You".
  const shown = (board === "Shared card" && !card) || (board === "Console" && !lead) ? "You" : board;
  const choose = (b: RoomBoardId) => setBoard((open) => (open === b ? null : b));
  if (phase === "closed") {
    return (
      <group position={BOARD_BASE as [number, number, number]} rotation-x={-BOARD_TILT}>
        <VrSurface hang="bottom">
          <ClosedBoard />
        </VrSurface>
      </group>
    );
  }
  return (
    <group position={BOARD_BASE as [number, number, number]} rotation-x={-BOARD_TILT}>
      <VrSurface hang="bottom">
        {phase === "reconnecting" ? (
          <Board>
            <VrText bold>Reconnecting to the circle…</VrText>
          </Board>
        ) : null}
        {/* Waiting to be let in: nothing of the circle to act on yet, only the waiting board. */}
        {knocking ? (
          <KnockingBoard />
        ) : (
          <>
            {crisisOpen ? <CrisisBoard /> : null}
            {/* A pending check-in takes this person's own board until it is answered or skipped. */}
            {!crisisOpen && shown === "You" && checkIn ? <CheckInBoard step={checkIn} onClose={() => setCheckInClosed(true)} /> : null}
            {!crisisOpen && shown === "You" && !checkIn ? <YouBoard onBreatheAlone={() => setBoard(null)} /> : null}
            {!crisisOpen && shown === "Circle" ? <CircleBoard /> : null}
            {!crisisOpen && shown === "People" ? <PeopleBoard /> : null}
            {!crisisOpen && shown === "Chat" ? <VrChatPanel /> : null}
            {!crisisOpen && shown === "Shared card" ? <VrCardPanel /> : null}
            {!crisisOpen && shown === "Console" ? <ConsoleBoard /> : null}
            <Tabs board={shown} choose={choose} lead={lead} card={card} unseen={unseen} asking={checkIn?.kind === "question"} />
          </>
        )}
      </VrSurface>
    </group>
  );
}

export default RoomVrPanels;
