import { useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, emailSchema, type AuthResponse } from "../../core/protocol/http";
import { ScreenHeading } from "../ui/ScreenHeading";
import { api } from "./api";
import { messageFor } from "./errorMessages";
import { Field, FormAlert } from "./Field";
import { asFailure } from "./useFacilitator";

export type AuthMode = "signIn" | "signUp";

interface Props {
  initialMode: AuthMode;
  /** from an invite link (#invite=…&email=…) */
  invite?: string;
  inviteEmail?: string;
  /** why the person is here (signed out, sign-in ended), shown above the form */
  notice?: string;
  onSignedIn: (auth: AuthResponse, remember: boolean) => void;
}

type Errors = Partial<Record<"email" | "password", string>>;

function check(mode: AuthMode, email: string, password: string): Errors {
  const errors: Errors = {};
  if (!emailSchema.safeParse(email).success) errors.email = "Enter your email address, like name@example.org.";
  if (password.length === 0) errors.password = mode === "signIn" ? "Enter your password." : `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if (mode === "signUp" && password.length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters — a few words together are easy to remember.`;
  else if (password.length > PASSWORD_MAX_LENGTH) errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return errors;
}

/** Sign in, or create an account (the first one of an install is the admin; later ones need an invite). */
export function AuthScreen({ initialMode, invite: invited = "", inviteEmail = "", notice, onSignedIn }: Props) {
  const [mode, setMode] = useState<AuthMode>(initialMode);
  const [email, setEmail] = useState(inviteEmail);
  const [password, setPassword] = useState("");
  const [invite, setInvite] = useState(invited);
  const [remember, setRemember] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const switched = useRef(false);
  const signUp = mode === "signUp";

  // The heading names the new form: land there, as after any screen change.
  useLayoutEffect(() => {
    if (switched.current) document.getElementById("auth-heading")?.focus();
  }, [mode]);

  const switchMode = () => {
    switched.current = true;
    setMode(signUp ? "signIn" : "signUp");
    setErrors({});
    setFailure(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    const found = check(mode, email, password);
    setErrors(found);
    setFailure(null);
    const first = (["email", "password"] as const).find((k) => found[k]);
    if (first) {
      formRef.current?.querySelector<HTMLInputElement>(`#auth-${first}`)?.focus();
      return;
    }
    busyRef.current = true;
    setBusy(true);
    const body = { email, password };
    const request = signUp ? api.signUp(invite.trim() ? { ...body, invite: invite.trim() } : body) : api.signIn(body);
    request.then(
      (auth) => onSignedIn(auth, remember),
      (e: unknown) => {
        busyRef.current = false;
        setBusy(false);
        setFailure(messageFor(asFailure(e), mode));
      },
    );
  };

  return (
    <section aria-labelledby="auth-heading" className="screen facilitate-auth">
      <ScreenHeading id="auth-heading">{signUp ? "Create a facilitator account" : "Sign in to facilitate"}</ScreenHeading>
      <p>Facilitators plan sessions and lead circles. People who join a circle never need an account: they come in with a code.</p>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <form ref={formRef} noValidate onSubmit={submit} aria-describedby={failure ? "auth-failure" : undefined}>
        <Field
          id="auth-email"
          label="Email"
          type="email"
          autoComplete={signUp ? "email" : "username"}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <Field
          id="auth-password"
          label="Password"
          type={showPassword ? "text" : "password"}
          autoComplete={signUp ? "new-password" : "current-password"}
          hint={signUp ? `At least ${PASSWORD_MIN_LENGTH} characters.` : undefined}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        <p className="check-field">
          <input id="auth-show-password" type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.currentTarget.checked)} />
          <label htmlFor="auth-show-password">Show password</label>
        </p>
        {signUp && (
          <Field
            id="auth-invite"
            label="Invite"
            hint="Paste the invite an admin sent you. The very first account on a new Breathing Room needs none: it becomes the admin."
            autoComplete="off"
            spellCheck={false}
            value={invite}
            onChange={(e) => setInvite(e.currentTarget.value)}
          />
        )}
        <p className="check-field">
          <input id="auth-remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
          <label htmlFor="auth-remember">Keep me signed in on this device</label>
        </p>
        <p className="hint">Leave this off on a shared computer: you are then signed out when you close the tab.</p>
        <FormAlert id="auth-failure" message={failure} />
        <p className="actions">
          <button type="submit" aria-disabled={busy || undefined}>
            {busy ? (signUp ? "Creating account…" : "Signing in…") : signUp ? "Create account" : "Sign in"}
          </button>
        </p>
      </form>
      <p>
        {signUp ? "Already have an account? " : "New facilitator? "}
        <button type="button" className="secondary" onClick={switchMode}>
          {signUp ? "Sign in instead" : "Create an account"}
        </button>
      </p>
    </section>
  );
}
