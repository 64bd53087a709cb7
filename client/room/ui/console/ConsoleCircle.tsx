import { useState } from "react";
import { ENVIRONMENT_IDS, ENVIRONMENT_NAMES, type EnvironmentId } from "../../../../core/environments";
import { mayPerform, type Role } from "../../../../core/protocol";
import { circleActions, circleSentence, runAction } from "../../consoleActions";
import { useRoom, useRoomServices } from "../RoomContext";
import { ConfirmButton } from "./ConfirmButton";

/** The circle as a whole: open it, lock it, mute everyone, change the place, end the session. */
export function ConsoleCircle({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const send = store.getState().send;
  const session = useRoom((s) => s.session);
  const [place, setPlace] = useState<EnvironmentId>(session.environment);
  return (
    <section aria-labelledby="console-circle" className="console-section">
      <h3 id="console-circle">The circle</h3>
      <p className="hint">{circleSentence(session)}</p>
      <p className="actions">
        {circleActions(role, session)
          .filter((a) => !a.confirm)
          .map((a) => (
            <button key={a.key} type="button" className={a.primary ? undefined : "secondary"} disabled={!a.enabled} onClick={() => runAction(store, a)}>
              {a.label}
            </button>
          ))}
      </p>
      <p className="field">
        <label htmlFor="console-place">Place</label>
        <select id="console-place" value={place} onChange={(e) => setPlace(e.target.value as EnvironmentId)}>
          {ENVIRONMENT_IDS.map((id) => (
            <option key={id} value={id}>
              {ENVIRONMENT_NAMES[id]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="secondary small"
          disabled={!mayPerform(role, "setEnvironment") || place === session.environment}
          onClick={() => send("setEnvironment", { environment: place })}
        >
          Change place
        </button>
      </p>
      {circleActions(role, session)
        .filter((a) => a.confirm)
        .map((a) => (
          <p key={a.key}>
            <ConfirmButton label={a.label} question={a.confirm!.question} confirm={a.confirm!.yes} onConfirm={() => runAction(store, a)} />
          </p>
        ))}
    </section>
  );
}
