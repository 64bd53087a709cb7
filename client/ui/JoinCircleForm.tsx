import { useId, useState, type FormEvent } from "react";
// The module itself, not core/protocol's index: the index brings zod, which the first screen does not need.
import { joinPath, normalizeJoinCode } from "../../core/protocol/joinCode";

/**
 * "Join a circle": type the code a facilitator shared (any case, spaces or dashes) and go to
 * its page. A code that cannot be one says so here, before anything is asked of the server.
 */
export function JoinCircleForm({ go = (path: string) => location.assign(path), label = "Circle code" }: { go?: (path: string) => void; label?: string }) {
  const id = useId();
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeJoinCode(value);
    setInvalid(code === null);
    if (code) go(joinPath(code));
  };
  return (
    <form className="join-circle" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-code`}>{label}</label>
      <span className="field">
        <input
          id={`${id}-code`}
          name="code"
          value={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          size={13}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error ${id}-hint` : `${id}-hint`}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit">Join</button>
      </span>
      {invalid && (
        <span id={`${id}-error`} className="error" role="alert">
          That doesn't look like a circle code.
        </span>
      )}
      <span id={`${id}-hint`} className="hint">
        Nine letters and numbers, like K7P-M2Q-XW9. Spaces and dashes don't matter.
      </span>
    </form>
  );
}
