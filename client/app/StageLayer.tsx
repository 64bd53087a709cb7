import { lazy, Suspense } from "react";
import { StageBoundary } from "../scene/StageBoundary";

// three, R3F and @react-three/xr are most of the bundle: load them after the first screen is usable.
const Stage = lazy(() => import("../scene/Stage").then((m) => ({ default: m.Stage })));

/** The full-screen 3D scene behind the DOM overlay; hidden from assistive tech (the DOM carries the same content). */
export function StageLayer() {
  return (
    <div className="stage-layer" aria-hidden="true">
      <StageBoundary>
        <Suspense fallback={null}>
          <Stage />
        </Suspense>
      </StageBoundary>
    </div>
  );
}
