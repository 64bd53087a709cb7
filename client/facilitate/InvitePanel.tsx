import { useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { emailSchema, type InviteResponse } from "../../core/protocol/http";
import { api } from "./api";
import { COPY_BY_HAND, copyField } from "./clipboard";
import { Field, FormAlert } from "./Field";
import { formatWhen } from "./format";
import { InviteList } from "./InviteList";
import { useFacilitator } from "./useFacilitator";

/** The link a new facilitator opens: the invite rides in the fragment, which no server or log ever sees. */
export function inviteLink(invite: string, email: string | null): string {
  const params = new URLSearchParams({ invite });
  if (email) params.set("email", email);
  return new URL(`/facilitate#${params}`, location.origin).href;
}

type Created = InviteResponse & { email: string | null; link: string };

/** Admins invite other facilitators: an invite link, shown once, to send privately. */
export function InvitePanel() {
  const { token, report } = useFacilitator();
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [status, setStatus] = useState("");
  const [made, setMade] = useState(0);
  const busy = useRef(false);
  const sectionRef = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    if (created) sectionRef.current?.querySelector<HTMLElement>("#invite-ready")?.focus();
  }, [created]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    setFailure(null);
    const typed = email.trim();
    const parsed = typed ? emailSchema.safeParse(typed) : null;
    if (parsed && !parsed.success) {
      setEmailError("Enter an email address like name@example.org, or leave it empty.");
      sectionRef.current?.querySelector<HTMLElement>("#invite-email")?.focus();
      return;
    }
    setEmailError(null);
    busy.current = true;
    const forEmail = parsed?.success ? parsed.data : null;
    api.createInvite(token, forEmail ? { email: forEmail } : {}).then(
      (answer) => {
        busy.current = false;
        setStatus("");
        setEmail("");
        setCreated({ ...answer, email: forEmail, link: inviteLink(answer.invite, forEmail) });
        setMade((n) => n + 1);
      },
      (e: unknown) => {
        busy.current = false;
        setFailure(report(e, "invite"));
      },
    );
  };

  const copy = async () =>
    setStatus(
      (await copyField(sectionRef.current?.querySelector<HTMLInputElement>("#invite-link")))
        ? "Invite link copied. Send it privately, for example in a direct message."
        : COPY_BY_HAND,
    );

  return (
    <section ref={sectionRef} aria-labelledby="invite-heading" className="invite-panel">
      <h2 id="invite-heading" tabIndex={-1}>
        Invite a facilitator
      </h2>
      <p className="hint">An invite works once, for 7 days. It is shown only once: copy it and send it privately.</p>
      {created ? (
        <div className="invite-ready">
          <h3 id="invite-ready" tabIndex={-1}>
            Invite ready{created.email ? ` for ${created.email}` : ""}
          </h3>
          <p>
            It can be used once, until {formatWhen(created.expiresAt)}. You won't see it again after you close this.
          </p>
          <div className="form-field">
            <label htmlFor="invite-link">Invite link</label>
            <input id="invite-link" className="share-link" readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p className="hint">
            Or they can paste this invite into “Create an account”: <code className="invite-code">{created.invite}</code>
          </p>
          <p className="actions">
            <button type="button" onClick={copy}>
              Copy invite link
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setCreated(null);
                setStatus("");
                sectionRef.current?.querySelector<HTMLElement>("#invite-heading")?.focus();
              }}
            >
              Done
            </button>
          </p>
        </div>
      ) : (
        <form noValidate onSubmit={submit}>
          <Field
            id="invite-email"
            label="Their email (optional)"
            hint="If you give one, only that address can use the invite."
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
          />
          <FormAlert message={failure} />
          <p className="actions">
            <button type="submit" className="secondary">
              Create invite
            </button>
          </p>
        </form>
      )}
      <p role="status" className="card-status">
        {status}
      </p>
      <InviteList refresh={made} />
    </section>
  );
}
