import { ENVIRONMENT_NAMES } from "../../../core/environments";
import { ENVIRONMENT_IDS, useAppStore, type EnvironmentId } from "../../state/store";
import { JoinCircleForm } from "../JoinCircleForm";
import { NotTherapyNote } from "../NotTherapyNote";
import { ScreenHeading } from "../ScreenHeading";

/** One line under each name; the 3D scene renders the chosen place behind this overlay, and each button has a preview. */
const DESCRIPTIONS: Record<EnvironmentId, string> = {
  shore: "Slow waves under a warm evening sky",
  forest: "Soft light through the trees, a light breeze",
  night: "Still air and a sky full of stars",
};

/** Step 1: choose where to be. */
export function EnvironmentScreen() {
  const current = useAppStore((s) => s.settings.environment);
  const choose = (environment: EnvironmentId) => {
    const { updateSettings, go } = useAppStore.getState();
    updateSettings({ environment });
    go("exercise");
  };
  return (
    <section aria-labelledby="environment-heading" className="screen">
      <ScreenHeading id="environment-heading">Choose a calm place</ScreenHeading>
      <NotTherapyNote />
      <ul className="choices" role="list">
        {ENVIRONMENT_IDS.map((id) => (
          <li key={id}>
            <button type="button" className="choice place-choice" aria-pressed={current === id} aria-describedby={`env-${id}-desc`} onClick={() => choose(id)}>
              {/* A small painted preview of the place (CSS only: nothing to fetch, no 3D needed). */}
              <span className={`place-preview ${id}`} aria-hidden="true" />
              {ENVIRONMENT_NAMES[id]}
            </button>
            <span id={`env-${id}-desc`} className="choice-description">
              {DESCRIPTIONS[id]}
            </span>
          </li>
        ))}
      </ul>
      <p className="actions">
        <button type="button" className="secondary" onClick={() => useAppStore.getState().go("learn")}>
          Learn
        </button>
        <button type="button" className="secondary" onClick={() => useAppStore.getState().openHistory()}>
          History
        </button>
      </p>
      <details className="join-entry">
        <summary>Join a circle</summary>
        <p className="hint">A facilitator gave you a code? Type it here to join their group.</p>
        <JoinCircleForm />
      </details>
    </section>
  );
}
