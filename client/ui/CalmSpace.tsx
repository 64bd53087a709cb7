import { lazy, Suspense, use, useEffect, useState, type ReactElement } from "react";
import { useAppStore, type Screen } from "../state/store";
import { EnvironmentScreen } from "./screens/EnvironmentScreen";
import { LoadBoundary } from "./LoadBoundary";
import type * as LaterScreens from "./screens/laterScreens";
import { FocusHeadingContext } from "./ScreenHeading";
import { whenIdle } from "./whenIdle";

// History (its chart) and Learn (fourteen cards of text) are a few steps away from the first
// screen: they load on their own, fetched while the person is still choosing a place.
const loadHistory = () => import("./history/HistoryScreen").then((m) => ({ default: m.HistoryScreen }));
const loadLearn = () => import("./screens/LearnScreen").then((m) => ({ default: m.LearnScreen }));
const HistoryScreen = lazy(loadHistory);
const LearnScreen = lazy(loadLearn);

// The steps after choosing a place (exercise, length, check-in, practice, summary) arrive the
// same way, as one chunk. Once it is here they render at once, with no busy screen in between.
type Later = typeof LaterScreens;
type Loading = Promise<Later> & { status?: string; value?: Later };
let loadingLater: Loading | null = null;
/** Fetch the later screens (once; a failed fetch may be tried again). */
export function loadLaterScreens(): Promise<Later> {
  if (loadingLater) return loadingLater;
  const loading: Loading = import("./screens/laterScreens").then(
    (m) => {
      // What `use` reads: a promise marked fulfilled renders in the same turn, never suspending.
      loading.status = "fulfilled";
      loading.value = m;
      return m;
    },
    (error: unknown) => {
      loadingLater = null;
      throw error;
    },
  );
  loadingLater = loading;
  return loading;
}

/** One of the later screens: drawn at once when its chunk is here, otherwise suspends until it is. */
function LaterScreen({ draw }: { draw: (screens: Later) => ReactElement }) {
  return draw(use(loadLaterScreens()));
}

/** A screen that loads on its own: an empty busy screen while it arrives, a reload if it cannot. */
function LazyScreen({ title, children }: { title: string; children: ReactElement }) {
  return (
    <LoadBoundary title={title}>
      <Suspense fallback={<section className="screen" aria-busy="true" />}>{children}</Suspense>
    </LoadBoundary>
  );
}

/** A later screen, behind the same load boundary and busy screen as History and Learn. */
const laterScreen = (title: string, draw: (screens: Later) => ReactElement) => (
  <LazyScreen title={title}>
    <LaterScreen draw={draw} />
  </LazyScreen>
);

const SCREENS: Record<Screen, () => ReactElement> = {
  environment: () => <EnvironmentScreen />,
  exercise: () => laterScreen("Choose an exercise", ({ ExerciseScreen }) => <ExerciseScreen />),
  length: () => laterScreen("How long", ({ LengthScreen }) => <LengthScreen />),
  "check-in": () => laterScreen("Check-in", ({ CheckScreen }) => <CheckScreen key="check-in" stage="check-in" />),
  practice: () => laterScreen("Practice", ({ PracticeScreen }) => <PracticeScreen />),
  "check-out": () => laterScreen("Check-in", ({ CheckScreen }) => <CheckScreen key="check-out" stage="check-out" />),
  summary: () => laterScreen("Summary", ({ SummaryScreen }) => <SummaryScreen />),
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

/** Fetch the lazy screens once the browser is idle after the first screen (the next steps first). */
function usePrefetchScreens() {
  useEffect(() => whenIdle(() => void Promise.all([loadLaterScreens(), loadHistory(), loadLearn()]).catch(() => undefined)), []);
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
