import { lazy, Suspense } from "react";
import { StageBoundary } from "../scene/StageBoundary";

// three, R3F and @react-three/xr load only once the room's page is up.
const RoomStage = lazy(() => import("./scene/RoomStage"));

/**
 * The 3D circle behind the room's DOM, hidden from assistive tech (the DOM circle view carries
 * the same). If WebGL cannot start, the DOM view is the whole experience.
 */
export function RoomStageLayer() {
  return (
    <div className="stage-layer" aria-hidden="true">
      <StageBoundary>
        <Suspense fallback={null}>
          <RoomStage />
        </Suspense>
      </StageBoundary>
    </div>
  );
}
