import { useId, useRef, useState, type FormEvent } from "react";
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_IDS, ENVIRONMENT_NAMES } from "../../core/environments";
import { createSessionBody, MAX_SCHEDULE_AHEAD_MS, type CreateSessionBody, type SessionView } from "../../core/protocol/http";
import { DEFAULT_CAPACITY, MAX_CAPACITY, MAX_TITLE_LENGTH } from "../../core/protocol/rules";
import { Field, FormAlert } from "./Field";
import { fromLocalInput, timeZone, toLocalInput } from "./format";

/** What the form produces: a complete session body (the caller sends only what changed, when editing). */
export type SessionValues = Required<Pick<CreateSessionBody, "title" | "environment" | "capacity">> & { scheduledAt: number | null };

type FieldName = "title" | "capacity" | "when";
const ORDER: readonly FieldName[] = ["title", "capacity", "when"];
const MESSAGES: Record<Exclude<FieldName, "when">, string> = {
  title: `Give the session a title of 1 to ${MAX_TITLE_LENGTH} characters.`,
  capacity: `Choose between 1 and ${MAX_CAPACITY} people.`,
};

interface Props {
  /** the session being edited; a new one otherwise */
  session?: SessionView;
  submitLabel: string;
  /** label of the button that leaves without saving */
  discardLabel?: string;
  /** resolves to an error message to show, or null when saved */
  onSave: (values: SessionValues) => Promise<string | null>;
  onDiscard?: () => void;
  now?: () => number;
}

/** Title, place, size and (optionally) a date and time, checked with the same schema the server uses. */
export function SessionForm({ session, submitLabel, discardLabel = "Discard changes", onSave, onDiscard, now = Date.now }: Props) {
  const id = useId();
  const [title, setTitle] = useState(session?.title ?? "");
  const [environment, setEnvironment] = useState(session?.environment ?? DEFAULT_ENVIRONMENT);
  const [capacity, setCapacity] = useState(String(session?.capacity ?? DEFAULT_CAPACITY));
  const initialWhen = session?.scheduledAt != null ? toLocalInput(session.scheduledAt) : "";
  const [when, setWhen] = useState(initialWhen);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (): { values: SessionValues | null; found: Partial<Record<FieldName, string>> } => {
    const found: Partial<Record<FieldName, string>> = {};
    let scheduledAt: number | null = null;
    if (when.trim()) {
      scheduledAt = fromLocalInput(when);
      if (scheduledAt === null) found.when = "Enter a date and a time, or leave both empty.";
      // An unchanged time may have passed (a session running late); a new one must be ahead.
      else if (when !== initialWhen && scheduledAt < now()) found.when = "That time has already passed. Choose a later one, or leave it empty.";
      else if (scheduledAt > now() + MAX_SCHEDULE_AHEAD_MS) found.when = "Choose a time within a year from now.";
    }
    const parsed = createSessionBody.safeParse({ title, environment, capacity: Number(capacity), scheduledAt });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "title" || field === "capacity") found[field] = MESSAGES[field];
      }
    }
    if (!parsed.success || Object.keys(found).length > 0) return { values: null, found };
    const { data } = parsed;
    return { values: { title: data.title, environment: data.environment, capacity: data.capacity, scheduledAt }, found };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    setFailure(null);
    const { values, found } = validate();
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (!values) {
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      else setFailure("Some of the session details weren't accepted. Please check the form and try again.");
      return;
    }
    busyRef.current = true;
    setBusy(true);
    onSave(values).then((message) => {
      busyRef.current = false;
      setBusy(false);
      setFailure(message);
    });
  };

  return (
    <form ref={formRef} className="session-form" noValidate onSubmit={submit}>
      <Field
        id={`${id}-title`}
        name="title"
        label="Title"
        hint="Participants see it before they join."
        maxLength={MAX_TITLE_LENGTH}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
      />
      <div className="form-field">
        <label htmlFor={`${id}-environment`}>Place</label>
        <select id={`${id}-environment`} name="environment" value={environment} onChange={(e) => setEnvironment(e.currentTarget.value)}>
          {ENVIRONMENT_IDS.map((env) => (
            <option key={env} value={env}>
              {ENVIRONMENT_NAMES[env]}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={`${id}-capacity`}
        name="capacity"
        label="How many people can join"
        hint={`Not counting you; up to ${MAX_CAPACITY}.`}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_CAPACITY}
        value={capacity}
        onChange={(e) => setCapacity(e.currentTarget.value)}
        error={errors.capacity}
      />
      <Field
        id={`${id}-when`}
        name="when"
        label="Date and time (optional)"
        hint={`In your time zone (${timeZone()}). Without one, the session is open whenever you start it.`}
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.currentTarget.value)}
        error={errors.when}
      />
      {when && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setWhen("");
              formRef.current?.querySelector<HTMLElement>('[name="when"]')?.focus();
            }}
          >
            No set time
          </button>
        </p>
      )}
      <FormAlert message={failure} />
      <p className="actions">
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? "Saving…" : submitLabel}
        </button>
        {onDiscard && (
          <button type="button" className="secondary" onClick={onDiscard}>
            {discardLabel}
          </button>
        )}
      </p>
    </form>
  );
}
