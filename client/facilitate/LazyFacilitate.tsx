import { Component, lazy, Suspense, type ReactNode } from "react";

// Only people who open /facilitate download these pages (and zod); the calm space never does.
const FacilitatePage = lazy(() => import("./FacilitatePage"));

/** A failed download of the pages (offline, or a new version was deployed meanwhile) says so and offers a reload. */
class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.warn("The facilitator pages could not be shown.", error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section aria-labelledby="facilitate-failed" className="screen">
        <h1 id="facilitate-failed" className="screen-heading">
          Facilitating
        </h1>
        <p role="alert">This page couldn't be shown. Check your internet connection, then reload the page.</p>
        <p>
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
      </section>
    );
  }
}

/** /facilitate, loaded on demand. */
export function Facilitate() {
  return (
    <LoadBoundary>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <FacilitatePage />
      </Suspense>
    </LoadBoundary>
  );
}
