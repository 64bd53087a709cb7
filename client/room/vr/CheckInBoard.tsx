import { useState } from "react";
import type { CheckInPhase } from "../../../core/protocol";
import { describeChange } from "../../ui/screens/change";
import { VrButton, VrRow, VrText } from "../../ui/vr/kit";
import type { FinishedPractice } from "../roomStore";
import { QUESTION, useSaveToHistory, type CheckInStep } from "../ui/CheckInCard";
import { useRoomServices } from "../ui/RoomContext";
import { Board } from "./Board";

const VALUES = Array.from({ length: 11 }, (_, i) => i);
/** Each number 8 cm wide at the board's distance: an easy ray or pinch target. */
const NUMBER_WIDTH = 80;

/** 0–10 or skip, as on the page: only the answer's count and sum reach the server. */
function Question({ phase }: { phase: CheckInPhase }) {
  const { store } = useRoomServices();
  const [value, setValue] = useState<number | null>(null);
  const number = (v: number) => <VrButton key={v} label={String(v)} width={NUMBER_WIDTH} selected={v === value} onSelect={() => setValue(v)} />;
  return (
    <Board heading={QUESTION[phase]}>
      <VrText>0 = very bad · 10 = very good. Only the group's numbers are kept, never who answered what.</VrText>
      <VrRow>{VALUES.slice(0, 6).map(number)}</VrRow>
      <VrRow>{VALUES.slice(6).map(number)}</VrRow>
      <VrRow>
        <VrButton label="Skip" grow onSelect={() => store.getState().checkIn(phase, null)} />
        <VrButton label="Answer" variant="primary" grow disabled={value === null} onSelect={() => store.getState().checkIn(phase, value)} />
      </VrRow>
    </Board>
  );
}

/** This person's own change, seen only on their device, and kept in its history if they choose. */
function Change({ finished, before, after, onClose }: { finished: FinishedPractice; before: number | null; after: number | null; onClose: () => void }) {
  const { saved, save } = useSaveToHistory(finished, before, after);
  const change = describeChange(before, after);
  return (
    <Board heading={change ? `How you feel: ${change}` : "Thank you for breathing with the circle."}>
      {saved === "yes" ? <VrText>Saved to your history. It stays on this device.</VrText> : null}
      {saved === "failed" ? <VrText>This browser could not save it. Nothing was lost from the circle.</VrText> : null}
      <VrRow>
        {saved !== "yes" ? <VrButton label="Save to my history on this device" grow disabled={saved === "saving"} onSelect={save} /> : null}
        <VrButton label="Close" variant="primary" grow onSelect={onClose} />
      </VrRow>
    </Board>
  );
}

/**
 * The group check-in in a headset, above whichever board is open: the same steps as the page's
 * card (client/room/ui/CheckInCard), so nobody has to take the headset off to answer.
 */
export function CheckInBoard({ step, onClose }: { step: NonNullable<CheckInStep>; onClose: () => void }) {
  if (step.kind === "question") return <Question key={step.phase} phase={step.phase} />;
  return <Change finished={step.finished} before={step.before} after={step.after} onClose={onClose} />;
}
