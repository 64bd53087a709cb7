import { Role } from "../../../core/protocol";
import { useAppStore } from "../../state/store";
import { CrisisPanel } from "../../ui/vr/CrisisPanel";
import { VrButton, VrRow, VrText } from "../../ui/vr/kit";
import { xrStore } from "../../xr/xrStore";
import { breatheAlone } from "../ui/roomActions";
import { useRoom, useRoomServices } from "../ui/RoomContext";
import { WAITING_WORDS } from "../ui/words";
import { Board, VrConfirm } from "./Board";
import { StatusLines } from "./StatusLines";

/**
 * Breathing alone while the circle waits: one button that starts it (the orb in the middle, with
 * its own caption in a headset) and stops it. `onStart` may fold the board out of the orb's way.
 */
function BreatheAloneButton({ onStart }: { onStart?: () => void }) {
  const { store } = useRoomServices();
  const alone = useRoom((s) => s.waitingSince >= 0);
  return alone ? (
    <VrButton label={WAITING_WORDS.stopBreathing} onSelect={() => breatheAlone(store, false)} />
  ) : (
    <VrButton
      label={WAITING_WORDS.breathe}
      variant="primary"
      onSelect={() => {
        breatheAlone(store, true);
        onStart?.();
      }}
    />
  );
}

/** While breathing alone: what it is (the orb carries its own caption). */
function AloneLine() {
  const alone = useRoom((s) => s.waitingSince >= 0);
  return alone ? <VrText muted>Breathing on your own — follow the orb in the middle of the circle.</VrText> : null;
}

/**
 * Waiting to be let in (admission is on): the same words as the page, breathing alone with the
 * orb meanwhile, stopping the wait (asks first), leaving the headset, and crisis help one press
 * away. Nothing of the circle is offered: the server refuses it until this person is let in.
 * While breathing alone the board folds down to its buttons, so it does not stand in front of
 * the orb and the orb's own caption.
 */
export function KnockingBoard() {
  const { leave } = useRoomServices();
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  const alone = useRoom((s) => s.waitingSince >= 0);
  // Crisis help takes the board's place, in front of everything; closing it brings the board back.
  if (crisisOpen) return <CrisisPanel />;
  const ways = (
    <>
      <VrButton label="Exit VR" onSelect={() => void xrStore.getState().session?.end()} />
      <VrConfirm label={WAITING_WORDS.stopWaiting} question="Stop waiting to be let in? You can knock again with the same code." yes={WAITING_WORDS.stopWaiting} onConfirm={leave} />
      <VrButton label="Need help now?" variant="help" onSelect={() => useAppStore.getState().openCrisis()} />
    </>
  );
  if (alone) {
    return (
      <Board>
        <StatusLines />
        <VrRow>
          <BreatheAloneButton />
          {ways}
        </VrRow>
      </Board>
    );
  }
  return (
    <Board heading={WAITING_WORDS.knocking.title}>
      <VrText>{WAITING_WORDS.knocking.body}</VrText>
      <StatusLines />
      <VrRow>
        <BreatheAloneButton />
      </VrRow>
      <VrRow>{ways}</VrRow>
    </Board>
  );
}

/**
 * At the top of this person's own board while the facilitator has not opened the circle: that
 * this is expected, and (for a participant) breathing alone with the orb meanwhile — `onBreathe`
 * folds the board away as it starts, so the board does not stand in front of the orb.
 */
export function CircleWaitsLines({ onBreathe }: { onBreathe?: () => void }) {
  const waiting = useRoom((s) => s.session.status === "waiting");
  const leading = useRoom((s) => (s.people[s.me]?.role ?? Role.participant) !== Role.participant);
  if (!waiting) return null;
  if (leading) {
    return (
      <>
        <VrText bold>{WAITING_WORDS.leading.title}</VrText>
        <VrText muted>People can arrive and settle. Open the circle from the Console tab when you're ready.</VrText>
      </>
    );
  }
  return (
    <>
      <VrText bold>{WAITING_WORDS.opening.title}</VrText>
      <VrText muted>{WAITING_WORDS.opening.body}</VrText>
      <AloneLine />
      <VrRow justify="flex-start">
        <BreatheAloneButton {...(onBreathe ? { onStart: onBreathe } : {})} />
      </VrRow>
    </>
  );
}
