import { useXR } from "@react-three/xr";
import { useState, type ComponentType } from "react";
import { useAppStore, type Screen } from "../../state/store";
import { requestRecenter } from "../../xr/comfort";
import { xrStore } from "../../xr/xrStore";
import { EnvironmentPanel, ExercisePanel } from "./ChoicePanels";
import { ComfortPanel } from "./ComfortPanel";
import { CrisisPanel } from "./CrisisPanel";
import { LengthPanel } from "./LengthPanel";
import { CheckInPanel, CheckOutPanel, HistoryPanel, PracticeControls, SummaryPanel } from "./PracticePanels";
import { VrButton } from "./VrButton";
import { VrBarContext } from "./VrPanel";
import { rowPositions } from "./theme";

/** Each screen's board. */
const PANELS: Record<Screen, ComponentType> = {
  environment: EnvironmentPanel,
  exercise: ExercisePanel,
  length: LengthPanel,
  "check-in": CheckInPanel,
  practice: PracticeControls,
  "check-out": CheckOutPanel,
  summary: SummaryPanel,
  history: HistoryPanel,
};

/** Distance to the panels, m: within comfortable reading distance, below the orb's line of sight. */
const DISTANCE = 1.1;
/** Tilt of the panel towards the eyes, rad: it sits below eye level, like a lectern. */
const TILT = 0.35;

const FULL_BAR = rowPositions([0.28, 0.18, 0.18, 0.18]);
const CRISIS_BAR = rowPositions([0.2, 0.2]);

/** Help, settings, recenter and exit: under every board, so each is one press away. */
function VrBar({ crisisOpen, settingsOpen, toggleSettings }: { crisisOpen: boolean; settingsOpen: boolean; toggleSettings: () => void }) {
  const ar = useXR((s) => s.mode === "immersive-ar");
  const exit = <VrButton label={ar ? "Exit AR" : "Exit VR"} width={crisisOpen ? 0.2 : 0.18} position={[crisisOpen ? CRISIS_BAR[1]! : FULL_BAR[3]!, 0, 0]} onSelect={() => void xrStore.getState().session?.end()} />;
  if (crisisOpen) {
    return (
      <>
        <VrButton label="Recenter" width={0.2} position={[CRISIS_BAR[0]!, 0, 0]} onSelect={requestRecenter} />
        {exit}
      </>
    );
  }
  return (
    <>
      <VrButton label="Need help now?" tone="help" width={0.28} position={[FULL_BAR[0]!, 0, 0]} onSelect={() => useAppStore.getState().openCrisis()} />
      <VrButton label="Settings" width={0.18} selected={settingsOpen} position={[FULL_BAR[1]!, 0, 0]} onSelect={toggleSettings} />
      <VrButton label="Recenter" width={0.18} position={[FULL_BAR[2]!, 0, 0]} onSelect={requestRecenter} />
      {exit}
    </>
  );
}

/**
 * Every action of the flow on panels reachable by ray and pinch, shown only
 * in a headset (on a screen the DOM interface does this). A bar with crisis
 * help, settings, recenter and exit stays under every board. Place inside
 * ContentAnchor.
 */
export function VrPanels() {
  const inXR = useXR((s) => s.session != null);
  const screen = useAppStore((s) => s.screen);
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  // Which board is up is the headset's own business: the DOM has its own settings dialog.
  const [settingsOpen, setSettingsOpen] = useState(false);
  if (!inXR) return null;
  const closeSettings = () => setSettingsOpen(false);
  const Panel = PANELS[screen];
  const board = crisisOpen ? <CrisisPanel /> : settingsOpen ? <ComfortPanel onDone={closeSettings} /> : <Panel />;
  // Boards hang from their top edge just under the line of sight; while
  // practising it drops below the orb's caption so the orb stays unobstructed.
  const top = screen === "practice" && !crisisOpen && !settingsOpen ? -0.36 : -0.06;
  const bar = <VrBar crisisOpen={crisisOpen} settingsOpen={settingsOpen} toggleSettings={() => setSettingsOpen((o) => !o)} />;
  return (
    <group position={[0, top, -DISTANCE]} rotation-x={-TILT}>
      <VrBarContext.Provider value={bar}>{board}</VrBarContext.Provider>
    </group>
  );
}
