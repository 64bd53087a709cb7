import { lazy, Suspense, useEffect, useState, type ReactElement } from "react";
import { useAppStore, type Screen } from "../state/store";
import { CheckScreen } from "./screens/CheckScreen";
import { EnvironmentScreen } from "./screens/EnvironmentScreen";
import { ExerciseScreen } from "./screens/ExerciseScreen";
import { LengthScreen } from "./screens/LengthScreen";
import { PracticeScreen } from "./screens/PracticeScreen";
import { SummaryScreen } from "./screens/SummaryScreen";
import { LoadBoundary } from "./LoadBoundary";
import { FocusHeadingContext } from "./ScreenHeading";
import { whenIdle } from "./whenIdle";

// History (its chart) and Learn (fourteen cards of text) are a few steps away from the first
// screen: they load on their own, fetched while the person is still choosing a place.
const loadHistory = () => import("./history/HistoryScreen").then((m) => ({ default: m.HistoryScreen }));
const loadLearn = () => import("./screens/LearnScreen").then((m) => ({ default: m.LearnScreen }));
const HistoryScreen = lazy(loadHistory);
const LearnScreen = lazy(loadLearn);

/** A screen that loads on its own: an empty busy screen while it arrives, a reload if it cannot. */
function LazyScreen({ title, children }: { title: string; children: ReactElement }) {
  return (
    <LoadBoundary title={title}>
      <Suspense fallback={<section className="screen" aria-busy="true" />}>{children}</Suspense>
    </LoadBoundary>
  );
}

const SCREENS: Record<Screen, () => ReactElement> = {
  environment: () => <EnvironmentScreen />,
  exercise: () => <ExerciseScreen />,
  length: () => <LengthScreen />,
  "check-in": () => <CheckScreen key="check-in" stage="check-in" />,
  practice: () => <PracticeScreen />,
  "check-out": () => <CheckScreen key="check-out" stage="check-out" />,
  summary: () => <SummaryScreen />,
  history: () => (
    <LazyScreen title="History">
      <HistoryScreen />
    </LazyScreen>
  ),
  learn: () => (
    <LazyScreen title="Learn">
      <LearnScreen />
    </LazyScreen>
  ),
};

/** Fetch the lazy screens once the browser is idle after the first screen. */
function usePrefetchScreens() {
  useEffect(() => whenIdle(() => void Promise.all([loadHistory(), loadLearn()]).catch(() => undefined)), []);
}

/** The solo flow: one screen at a time, driven by the store (so in-VR panels move it too). */
export function CalmSpace() {
  const screen = useAppStore((s) => s.screen);
  const [firstScreen] = useState(screen);
  const [navigated, setNavigated] = useState(false);
  usePrefetchScreens();
  // Adjusting state during render (not in an effect) so the very first paint already knows.
  if (!navigated && screen !== firstScreen) setNavigated(true);
  return <FocusHeadingContext.Provider value={navigated}>{SCREENS[screen]()}</FocusHeadingContext.Provider>;
}
