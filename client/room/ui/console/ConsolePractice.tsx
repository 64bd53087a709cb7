import { useState } from "react";
import { PATTERNS, PATTERN_IDS, type BuiltInPatternId } from "../../../../core/breathing";
import { MAX_CYCLES, type Role } from "../../../../core/protocol";
import { defaultCycles, practiceActions, runAction, validCycles } from "../../consoleActions";
import { useRoom, useRoomServices } from "../RoomContext";

/** Start a group exercise (a built-in pattern, some cycles) on the server's clock, or stop it. */
export function ConsolePractice({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const running = useRoom((s) => s.practice.running);
  const open = useRoom((s) => s.session.status === "open");
  const [patternId, setPatternId] = useState<BuiltInPatternId>("box");
  const [cycles, setCycles] = useState(() => defaultCycles("box"));
  const valid = validCycles(cycles);
  const choose = (id: BuiltInPatternId) => {
    setPatternId(id);
    setCycles(defaultCycles(id));
  };
  return (
    <section aria-labelledby="console-practice" className="console-section">
      <h3 id="console-practice">Group exercise</h3>
      {!open && <p className="hint">Open the circle first.</p>}
      <p className="field">
        <label htmlFor="console-pattern">Pattern</label>
        <select id="console-pattern" value={patternId} onChange={(e) => choose(e.target.value as BuiltInPatternId)}>
          {PATTERN_IDS.map((id) => (
            <option key={id} value={id}>
              {PATTERNS[id].name}
            </option>
          ))}
        </select>
      </p>
      <p className="field">
        <label htmlFor="console-cycles">Cycles</label>
        <input
          id="console-cycles"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_CYCLES}
          value={Number.isNaN(cycles) ? "" : cycles}
          aria-invalid={!valid}
          aria-describedby="console-cycles-hint"
          onChange={(e) => setCycles(e.target.valueAsNumber)}
        />
        <span id="console-cycles-hint" className="hint">
          1 to {MAX_CYCLES}
        </span>
      </p>
      <p className="actions">
        {practiceActions(role, { patternId, cycles }, { open, running }).map((a) => (
          <button key={a.key} type="button" className={a.primary ? undefined : "secondary"} disabled={!a.enabled} onClick={() => runAction(store, a)}>
            {a.label}
          </button>
        ))}
      </p>
    </section>
  );
}
