import { useState } from "react";
import { ENVIRONMENT_IDS, ENVIRONMENT_NAMES, type EnvironmentId } from "../../../../core/environments";
import { mayPerform, type Role } from "../../../../core/protocol";
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
      <p className="hint">
        {session.status === "waiting" ? "Waiting: people can arrive and settle." : "Open."} {session.locked ? "Locked to new people." : "New people can join."}
      </p>
      <p className="actions">
        {session.status === "waiting" && mayPerform(role, "openCircle") && (
          <button type="button" onClick={() => send("openCircle")}>
            Open the circle
          </button>
        )}
        {session.locked ? (
          <button type="button" className="secondary" disabled={!mayPerform(role, "unlock")} onClick={() => send("unlock")}>
            Unlock
          </button>
        ) : (
          <button type="button" className="secondary" disabled={!mayPerform(role, "lock")} onClick={() => send("lock")}>
            Lock to new people
          </button>
        )}
        <button type="button" className="secondary" disabled={!mayPerform(role, "muteAll")} onClick={() => send("muteAll")}>
          Mute all participants
        </button>
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
      {mayPerform(role, "endSession") && (
        <p>
          <ConfirmButton
            label="End the session"
            question="End the session for everyone? Everyone leaves the circle, and it cannot be opened again."
            confirm="End session"
            onConfirm={() => send("endSession")}
          />
        </p>
      )}
    </section>
  );
}
