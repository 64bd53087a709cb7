import { useState, type ReactElement } from "react";
import { useAppStore, type Screen } from "../state/store";
import { HistoryScreen } from "./history/HistoryScreen";
import { CheckScreen } from "./screens/CheckScreen";
import { EnvironmentScreen } from "./screens/EnvironmentScreen";
import { ExerciseScreen } from "./screens/ExerciseScreen";
import { LengthScreen } from "./screens/LengthScreen";
import { PracticeScreen } from "./screens/PracticeScreen";
import { SummaryScreen } from "./screens/SummaryScreen";
import { LearnScreen } from "./screens/LearnScreen";
import { FocusHeadingContext } from "./ScreenHeading";

const SCREENS: Record<Screen, () => ReactElement> = {
  environment: () => <EnvironmentScreen />,
  exercise: () => <ExerciseScreen />,
  length: () => <LengthScreen />,
  "check-in": () => <CheckScreen key="check-in" stage="check-in" />,
  practice: () => <PracticeScreen />,
  "check-out": () => <CheckScreen key="check-out" stage="check-out" />,
  summary: () => <SummaryScreen />,
  history: () => <HistoryScreen />,
  learn: () => <LearnScreen />,
};

/** The solo flow: one screen at a time, driven by the store (so in-VR panels move it too). */
export function CalmSpace() {
  const screen = useAppStore((s) => s.screen);
  const [firstScreen] = useState(screen);
  const [navigated, setNavigated] = useState(false);
  // Adjusting state during render (not in an effect) so the very first paint already knows.
  if (!navigated && screen !== firstScreen) setNavigated(true);
  return <FocusHeadingContext.Provider value={navigated}>{SCREENS[screen]()}</FocusHeadingContext.Provider>;
}
