import type { SessionView } from "../../core/protocol/http";
import { api } from "./api";
import { SessionForm, type SessionValues } from "./SessionForm";
import { useFacilitator } from "./useFacilitator";

/** The form for a new session, in a card at the top of the upcoming list. */
export function NewSession({ onCreated, onClose }: { onCreated: (session: SessionView) => void; onClose: () => void }) {
  const { token, report } = useFacilitator();
  const save = async (values: SessionValues): Promise<string | null> => {
    try {
      onCreated(await api.createSession(token, values));
      return null;
    } catch (e) {
      return report(e, "createSession");
    }
  };
  return (
    <section aria-labelledby="new-heading" className="session-card new-session">
      <h3 id="new-heading">New session</h3>
      <SessionForm submitLabel="Create session" discardLabel="Not now" onSave={save} onDiscard={onClose} />
    </section>
  );
}
