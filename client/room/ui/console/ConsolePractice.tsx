import { useState } from "react";
import { PATTERNS, PATTERN_IDS, cyclesForMinutes, type BuiltInPatternId } from "../../../../core/breathing";
import { MAX_CYCLES, mayPerform, type Role } from "../../../../core/protocol";
import { useRoom, useRoomServices } from "../RoomContext";

/** Start a group exercise (a built-in pattern, some cycles) on the server's clock, or stop it. */
export function ConsolePractice({ role }: { role: Role }) {
  const { store } = useRoomServices();
  const running = useRoom((s) => s.practice.running);
  const open = useRoom((s) => s.session.status === "open");
  const [patternId, setPatternId] = useState<BuiltInPatternId>("box");
  const [cycles, setCycles] = useState(() => cyclesForMinutes(PATTERNS.box, 3));
  const valid = Number.isInteger(cycles) && cycles >= 1 && cycles <= MAX_CYCLES;
  const choose = (id: BuiltInPatternId) => {
    setPatternId(id);
    setCycles(Math.min(MAX_CYCLES, cyclesForMinutes(PATTERNS[id], 3)));
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
        <button
          type="button"
          disabled={!open || !valid || !mayPerform(role, "startPractice")}
          onClick={() => store.getState().send("startPractice", { patternId, cycles })}
        >
          {running ? "Start again with this" : "Start together"}
        </button>
        {running && (
          <button type="button" className="secondary" disabled={!mayPerform(role, "stopPractice")} onClick={() => store.getState().send("stopPractice")}>
            Stop
          </button>
        )}
      </p>
    </section>
  );
}
