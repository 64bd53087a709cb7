import { Component, type ReactNode } from "react";

/**
 * Around a part of the app that loads on its own: if its download fails (offline, or a new
 * version was deployed meanwhile) it says so in place and offers a reload, and everything else,
 * crisis help first, keeps working.
 */
export class LoadBoundary extends Component<{ title: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.warn(`${this.props.title} could not be shown.`, error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section aria-labelledby="load-failed" className="screen">
        <h1 id="load-failed" className="screen-heading">
          {this.props.title}
        </h1>
        <p role="alert">This couldn't be shown. Check your internet connection, then reload the page.</p>
        <p>
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
      </section>
    );
  }
}
