import { lazy, Suspense } from "react";
import { Facilitate } from "../facilitate/LazyFacilitate";
import { useAppStore } from "../state/store";
import { CalmSpace } from "../ui/CalmSpace";
import { CrisisButton } from "../ui/crisis/CrisisButton";
import { CrisisDialog } from "../ui/crisis/CrisisDialog";
import { LoadBoundary } from "../ui/LoadBoundary";
import { Toolbar } from "../ui/Toolbar";
import { NotFound } from "./NotFound";
import { routeFor, type Route } from "./route";
import { StageLayer } from "./StageLayer";
import { useDocumentClasses } from "./useDocumentClasses";

// Only people who open a circle link download the room (and zod, and the Colyseus client).
const RoomPage = lazy(() => import("../room/RoomPage"));

function Page({ route, pathname, stage }: { route: Route; pathname: string; stage: boolean }) {
  switch (route.name) {
    case "calm":
      return <CalmSpace />;
    case "room":
      return (
        <LoadBoundary title="The circle">
          <Suspense fallback={<p role="status">Opening the circle…</p>}>
            <RoomPage code={route.code} stage={stage} />
          </Suspense>
        </LoadBoundary>
      );
    case "facilitate":
      return <Facilitate />;
    case "not-found":
      return <NotFound pathname={pathname} />;
  }
}

/**
 * The shell: skip link, crisis help first in the tab order, toolbar, the
 * current page over the 3D stage. While crisis help is open everything else
 * is inert, so the dialog is truly modal for every input method.
 */
export function App({ pathname = location.pathname, stage = true }: { pathname?: string; stage?: boolean }) {
  const crisisOpen = useAppStore((s) => s.crisisOpen);
  const route = routeFor(pathname);
  useDocumentClasses();
  return (
    <>
      {stage && route.name === "calm" && <StageLayer />}
      <div className="overlay" inert={crisisOpen}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <CrisisButton />
        <header className="app-header">
          <p className="app-name">Breathing Room</p>
          <Toolbar />
        </header>
        <main id="main" tabIndex={-1} className={`main route-${route.name}`}>
          <Page route={route} pathname={pathname} stage={stage} />
        </main>
      </div>
      {crisisOpen && <CrisisDialog />}
    </>
  );
}
