import { Container } from "@react-three/uikit";
import { useState } from "react";
import { REACTIONS } from "../../../core/protocol";
import { VrButton, VrRow, VrText, VrToggle, space } from "../../ui/vr/kit";
import { requestRecenter } from "../../xr/comfort";
import { xrStore } from "../../xr/xrStore";
import { ordinal } from "../presence";
import { REACTION_NAMES } from "../ui/icons";
import { useRoom, useRoomServices } from "../ui/RoomContext";
import { needMoment, react, toggleAway, toggleBubble, toggleCues, toggleHand } from "../ui/roomActions";
import { Board, BOARD_INNER } from "./Board";
import { StatusLines } from "./StatusLines";
import { CircleWaitsLines } from "./WaitingBoard";

const HALF = (BOARD_INNER - space("md")) / 2;

/** Leaving asks first: one stray pull of the trigger must not take someone out of the circle. */
function LeaveQuestion({ onStay }: { onStay: () => void }) {
  const { leave } = useRoomServices();
  return (
    <Board heading="Leave the circle?">
      <VrText>Your seat will be free for someone else. You can join again with the code while the circle is open.</VrText>
      <VrRow>
        <VrButton label="Leave" variant="destructive" width={260} onSelect={leave} />
        <VrButton label="Stay" variant="primary" width={260} onSelect={onStay} />
      </VrRow>
    </Board>
  );
}

/**
 * This person's own board: while the circle waits to open, that it will (and breathing alone
 * meanwhile); raise or lower a hand (with the place in line), react, step away and
 * back, "I need a moment" (crisis help opens at once), silence their own cues, personal space,
 * recenter, leave the headset, leave the circle (asks first).
 */
export function YouBoard({ onBreatheAlone }: { onBreatheAlone?: () => void } = {}) {
  const { store } = useRoomServices();
  const handUp = useRoom((s) => Boolean(s.people[s.me]?.handRaised));
  const place = useRoom((s) => s.handQueue.indexOf(s.me) + 1);
  const away = useRoom((s) => Boolean(s.people[s.me]?.away));
  const cuesSilenced = useRoom((s) => s.cuesSilenced);
  const bubble = useRoom((s) => s.bubble);
  const [leaving, setLeaving] = useState(false);
  if (leaving) return <LeaveQuestion onStay={() => setLeaving(false)} />;
  return (
    <Board>
      <CircleWaitsLines {...(onBreatheAlone ? { onBreathe: onBreatheAlone } : {})} />
      <VrRow>
        <VrButton
          label={handUp ? "Lower hand" : "Raise hand"}
          {...(handUp && place > 0 ? { text: `Lower hand · ${ordinal(place)} in line` } : {})}
          selected={handUp}
          onSelect={() => toggleHand(store)}
        />
        <VrButton label={away ? "I'm back" : "Step away"} onSelect={() => toggleAway(store)} />
        <VrButton label="I need a moment" variant="help" onSelect={() => needMoment(store)} />
      </VrRow>
      <StatusLines />
      <VrRow>
        {REACTIONS.map((kind) => (
          <VrButton key={kind} label={REACTION_NAMES[kind]} width={180} onSelect={() => react(store, kind)} />
        ))}
      </VrRow>
      <Container flexDirection="row" gap={space("md")}>
        <Container width={HALF} flexDirection="column">
          <VrToggle label="Silence my cues" on={cuesSilenced} onToggle={() => toggleCues(store)} />
        </Container>
        <Container width={HALF} flexDirection="column">
          <VrToggle label="Personal space" on={bubble} onToggle={() => toggleBubble(store)} />
        </Container>
      </Container>
      <VrRow>
        <VrButton label="Recenter" onSelect={requestRecenter} />
        <VrButton label="Exit VR" onSelect={() => void xrStore.getState().session?.end()} />
        <VrButton label="Leave the circle" variant="destructive" onSelect={() => setLeaving(true)} />
      </VrRow>
    </Board>
  );
}
