import { mayPerform, type Role } from "../../../../core/protocol";
import { knockActions, knocksSentence, runAction } from "../../consoleActions";
import { useRoom, useRoomServices } from "../RoomContext";

/**
 * The waiting area: who is knocking, each with Admit and Decline, and the Admission switch
 * (the facilitator's; off lets whoever waits in, and removing someone turns it back on).
 */
export function ConsoleKnocks({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const knocks = useRoom((s) => s.knocks);
  const admission = useRoom((s) => s.admission);
  return (
    <section aria-labelledby="console-knocks" className="console-section">
      <h3 id="console-knocks">Waiting to be let in</h3>
      <p className="field">
        <label>
          <input
            type="checkbox"
            role="switch"
            checked={admission}
            disabled={!mayPerform(role, "setAdmission")}
            onChange={(e) => store.getState().send("setAdmission", { on: e.target.checked })}
          />{" "}
          Admission
        </label>
      </p>
      <p className="hint" role="status">
        {knocksSentence(knocks, admission)}
      </p>
      {knocks.length > 0 && (
        <ul className="knocks" aria-label="Waiting to be let in">
          {knocks.map((k) => (
            <li key={k.id}>
              <span>{k.pseudonym}</span>{" "}
              {knockActions(role, k).map((a) => (
                <button key={a.key} type="button" className={a.primary ? "small" : "secondary small"} aria-label={a.name} disabled={!a.enabled} onClick={() => runAction(store, a)}>
                  {a.label}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
