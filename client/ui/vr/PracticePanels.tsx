import { Text } from "@react-three/drei";
import { FONT_REGULAR } from "../../scene/font";
import { useAppStore } from "../../state/store";
import { RatingPanel } from "./RatingPanel";
import { VrButton } from "./VrButton";
import { VrPanel } from "./VrPanel";
import { describeChange, describeDuration } from "../screens/change";
import { useVrTheme } from "./useVrTheme";

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
    <VrPanel title={paused ? "Paused" : ""} width={0.52} height={0.17}>
      <group position-y={-0.025}>
        <VrButton label={paused ? "Resume" : "Pause"} position={[-0.12, 0, 0]} onSelect={() => useAppStore.getState().togglePause()} />
        <VrButton label="Stop" position={[0.12, 0, 0]} onSelect={() => useAppStore.getState().stop()} />
      </group>
    </VrPanel>
  );
}

/** After: how do you feel now? */
export function CheckOutPanel() {
  return <RatingPanel title="How do you feel now?" confirm="Done" onDone={(v) => useAppStore.getState().checkOut(v)} />;
}

/** The summary: the change, and another round. */
export function SummaryPanel() {
  const theme = useVrTheme();
  const draft = useAppStore((s) => s.draft);
  return (
    <VrPanel title="Well done" width={0.6} height={0.34}>
      <Text font={FONT_REGULAR} fontSize={theme.bodySize * 1.2} position={[0, 0.04, 0]} color={theme.text} anchorX="center" anchorY="middle" maxWidth={0.54} textAlign="center">
        {`${describeDuration(draft.practisedMs)} practised\n${describeChange(draft.before, draft.after) ?? "You took some time for yourself."}`}
      </Text>
      <VrButton label="Again" position={[0, -0.11, 0]} onSelect={() => useAppStore.getState().restart()} />
    </VrPanel>
  );
}

/** History lives on the 2D screen; in a headset offer the way back into the flow. */
export function HistoryPanel() {
  return (
    <VrPanel title="Your history is on the 2D screen" width={0.6} height={0.22}>
      <VrButton label="Start a session" width={0.26} position={[0, -0.03, 0]} onSelect={() => useAppStore.getState().go("environment")} />
    </VrPanel>
  );
}
