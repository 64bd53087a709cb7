import { useXR } from "@react-three/xr";
import type { ComponentType } from "react";
import { useAppStore, type Screen } from "../../state/store";
import { requestRecenter } from "../../xr/comfort";
import { xrStore } from "../../xr/xrStore";
import { EnvironmentPanel, ExercisePanel, LengthPanel } from "./ChoicePanels";
import { CrisisPanel } from "./CrisisPanel";
import { CheckInPanel, CheckOutPanel, HistoryPanel, PracticeControls, SummaryPanel } from "./PracticePanels";
import { VrButton } from "./VrButton";

/** Each screen's panel and its height, m (the bar goes under it). */
const PANELS: Record<Screen, readonly [ComponentType, number]> = {
  environment: [EnvironmentPanel, 0.42],
  exercise: [ExercisePanel, 0.62],
  length: [LengthPanel, 0.42],
  "check-in": [CheckInPanel, 0.5],
  practice: [PracticeControls, 0.17],
  "check-out": [CheckOutPanel, 0.5],
  summary: [SummaryPanel, 0.34],
  history: [HistoryPanel, 0.22],
};
const CRISIS: readonly [ComponentType, number] = [CrisisPanel, 0.66];

/** Distance to the panels, m: within comfortable reading distance, below the orb's line of sight. */
const DISTANCE = 1.1;
/** Tilt of the panel towards the eyes, rad: it sits below eye level, like a lectern. */
const TILT = 0.35;

/**
 * Every action of the flow on panels reachable by ray and pinch, shown only
 * in a headset (on a screen the DOM interface does this). A bar with crisis
 * help, recenter and exit stays under every screen. Place inside ContentAnchor.
 */
export function VrPanels() {
  const inXR = useXR((s) => s.session != null);
  const screen = useAppStore((s) => s.screen);
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  if (!inXR) return null;
  const [Panel, height] = crisisOpen ? CRISIS : PANELS[screen];
  // The panel's top edge sits just under the line of sight; while practising
  // it drops below the orb's caption so the orb stays unobstructed.
  const top = screen === "practice" && !crisisOpen ? -0.36 : -0.06;
  return (
    <group position={[0, top - height / 2, -DISTANCE]} rotation-x={-TILT}>
      <Panel />
      <group position-y={-height / 2 - 0.06}>
        {crisisOpen ? null : <VrButton label="Need help now?" tone="help" width={0.24} position={[-0.26, 0, 0]} onSelect={() => useAppStore.getState().openCrisis()} />}
        <VrButton label="Recenter" width={0.2} position={[crisisOpen ? -0.11 : 0, 0, 0]} onSelect={requestRecenter} />
        <VrButton label="Exit VR" width={0.2} position={[crisisOpen ? 0.11 : 0.24, 0, 0]} onSelect={() => void xrStore.getState().session?.end()} />
      </group>
    </group>
  );
}
