import { useState, type FormEvent } from "react";
import { PSEUDONYM_MAX, cleanPseudonym, suggestPseudonym } from "../../../core/protocol";
import { ScreenHeading } from "../../ui/ScreenHeading";
import { LookPicker } from "./LookPicker";
import { useRoom, useRoomServices } from "./RoomContext";

/** A name for this circle (suggested, never a real name asked for) and a colour, then in. */
export function IdentityStep() {
  const { store, enter, facilitatorToken } = useRoomServices();
  const asFacilitator = useRoom((s) => s.asFacilitator);
  const look = useRoom((s) => s.look);
  const [name, setName] = useState(() => store.getState().pseudonym || suggestPseudonym());
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const pseudonym = cleanPseudonym(name);
    setInvalid(pseudonym === null);
    if (pseudonym === null) return;
    const state = store.getState();
    state.resetCircle();
    state.set({ pseudonym });
    void enter(asFacilitator ? (facilitatorToken() ?? undefined) : undefined);
  };

  return (
    <section aria-labelledby="room-identity-heading" className="screen">
      <ScreenHeading id="room-identity-heading">How you'll appear</ScreenHeading>
      <form onSubmit={submit} noValidate>
        <p className="stack">
          <label htmlFor="room-pseudonym">A name for this circle</label>
          <span id="room-pseudonym-hint" className="hint">
            Not your real name: others see it beside your seat. Up to {PSEUDONYM_MAX} letters.
          </span>
          <span className="field">
            <input
              id="room-pseudonym"
              value={name}
              maxLength={PSEUDONYM_MAX * 2}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid}
              aria-describedby={invalid ? "room-pseudonym-error room-pseudonym-hint" : "room-pseudonym-hint"}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="button" className="secondary" onClick={() => setName(suggestPseudonym(Math.random, name))}>
              Suggest one
            </button>
          </span>
          {invalid && (
            <span id="room-pseudonym-error" className="error" role="alert">
              Please use 1 to {PSEUDONYM_MAX} letters, numbers or spaces.
            </span>
          )}
        </p>
        <LookPicker value={look} onChange={(l) => store.setState({ look: l })} />
        <p className="actions">
          <button type="submit">Enter the circle</button>
          <button type="button" className="secondary" onClick={() => store.setState({ phase: asFacilitator ? "preview" : "agreement" })}>
            Back
          </button>
        </p>
      </form>
    </section>
  );
}
