import { Component, type ReactNode } from "react";

interface State {
  failed: boolean;
}

/**
 * Keeps the DOM interface usable when the 3D stage cannot start (no WebGL,
 * a lost context): every exercise works from the captions alone.
 */
export class StageBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.warn("The 3D scene could not start; continuing without it.", error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
