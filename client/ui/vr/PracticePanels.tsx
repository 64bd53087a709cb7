import { useAppStore } from "../../state/store";
import { describeChange, describeDuration } from "../screens/change";
import { VrButton, VrPanel, VrRow, VrText } from "./kit";
import { RatingPanel } from "./RatingPanel";

/** Before: how do you feel? Starting practice is the check-in itself. */
export function CheckInPanel() {
  return (
    <RatingPanel title="How do you feel right now?" confirm="Start" onDone={(v) => useAppStore.getState().checkIn(v)} onBack={() => useAppStore.getState().go("length")} />
  );
}

/** While practising: a small, low bar, so the orb stays the centre of attention. */
export function PracticeControls() {
  const paused = useAppStore((s) => s.practice.status === "paused");
  return (
    <VrPanel title={paused ? "Paused" : "Practising"} width={520}>
      <VrRow>
        <VrButton label={paused ? "Resume" : "Pause"} variant={paused ? "primary" : "secondary"} grow onSelect={() => useAppStore.getState().togglePause()} />
        <VrButton label="Stop" grow onSelect={() => useAppStore.getState().stop()} />
      </VrRow>
    </VrPanel>
  );
}

/** After: how do you feel now? */
export function CheckOutPanel() {
  return <RatingPanel title="How do you feel now?" confirm="Done" onDone={(v) => useAppStore.getState().checkOut(v)} />;
}

/** The summary: the change, and another round. */
export function SummaryPanel() {
  const draft = useAppStore((s) => s.draft);
  return (
    <VrPanel title="Well done" width={600}>
      <VrText role="h3" textAlign="center">{`${describeDuration(draft.practisedMs)} practised`}</VrText>
      <VrText textAlign="center">{describeChange(draft.before, draft.after) ?? "You took some time for yourself."}</VrText>
      <VrRow>
        <VrButton label="Again" variant="primary" width={240} onSelect={() => useAppStore.getState().restart()} />
      </VrRow>
    </VrPanel>
  );
}

/** History lives on the 2D screen; in a headset offer the way back into the flow. */
export function HistoryPanel() {
  return (
    <VrPanel title="Your history is on the 2D screen" width={600}>
      <VrRow>
        <VrButton label="Start a session" variant="primary" onSelect={() => useAppStore.getState().go("environment")} />
      </VrRow>
    </VrPanel>
  );
}
