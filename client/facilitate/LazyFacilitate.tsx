import { lazy, Suspense } from "react";
import { LoadBoundary } from "../ui/LoadBoundary";

// Only people who open /facilitate download these pages (and zod); the calm space never does.
const FacilitatePage = lazy(() => import("./FacilitatePage"));

/** /facilitate, loaded on demand. */
export function Facilitate() {
  return (
    <LoadBoundary title="Facilitating">
      <Suspense fallback={<p role="status">Loading…</p>}>
        <FacilitatePage />
      </Suspense>
    </LoadBoundary>
  );
}
