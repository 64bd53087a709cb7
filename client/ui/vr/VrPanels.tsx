import { useXR } from "@react-three/xr";
import { useState, type ComponentType } from "react";
import { useAppStore, type Screen } from "../../state/store";
import { requestRecenter } from "../../xr/comfort";
import { xrStore } from "../../xr/xrStore";
import { EnvironmentPanel, ExercisePanel } from "./ChoicePanels";
import { ComfortPanel } from "./ComfortPanel";
import { CrisisPanel } from "./CrisisPanel";
import { PANEL_DISTANCE, VrButton, VrRow, VrSurface } from "./kit";
import { LearnPanel } from "./LearnPanels";
import { LengthPanel } from "./LengthPanel";
import { CheckInPanel, CheckOutPanel, HistoryPanel, PracticeControls, SummaryPanel } from "./PracticePanels";

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
  learn: LearnPanel,
};

/** Tilt of the panels towards the eyes, rad: they sit below eye level, like a lectern. */
const TILT = 0.35;
/** Where boards hang from, m below eye level: just under the line of sight… */
const TOP = -0.06;
/** …or, while practising, below the orb and its caption so nothing covers them… */
const PRACTICE_TOP = -0.46;
/**
 * …or, for the tall boards (crisis help, settings), above eye level, so that
 * their last row and the bar under them stay within a comfortable downward
 * glance (about 35°) instead of running off the bottom of the view.
 */
const TALL_TOP = 0.22;

/** Help, settings, recenter and exit: under every board, so each is one press away. */
function VrBar({ crisisOpen, settingsOpen, toggleSettings }: { crisisOpen: boolean; settingsOpen: boolean; toggleSettings: () => void }) {
  const ar = useXR((s) => s.mode === "immersive-ar");
  return (
    <VrRow>
      {crisisOpen ? null : <VrButton label="Need help now?" variant="help" onSelect={() => useAppStore.getState().openCrisis()} />}
      {crisisOpen ? null : <VrButton label="Settings" selected={settingsOpen} onSelect={toggleSettings} />}
      <VrButton label="Recenter" onSelect={requestRecenter} />
      <VrButton label={ar ? "Exit AR" : "Exit VR"} onSelect={() => void xrStore.getState().session?.end()} />
    </VrRow>
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
  const Panel = PANELS[screen];
  const board = crisisOpen ? <CrisisPanel /> : settingsOpen ? <ComfortPanel onDone={() => setSettingsOpen(false)} /> : <Panel />;
  const top = crisisOpen || settingsOpen ? TALL_TOP : screen === "practice" ? PRACTICE_TOP : TOP;
  return (
    <group position={[0, top, -PANEL_DISTANCE]} rotation-x={-TILT}>
      <VrSurface>
        {board}
        <VrBar crisisOpen={crisisOpen} settingsOpen={settingsOpen} toggleSettings={() => setSettingsOpen((o) => !o)} />
      </VrSurface>
    </group>
  );
}
