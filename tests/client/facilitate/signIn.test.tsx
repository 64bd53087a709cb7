import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../../../client/app/App";
import FacilitatePage from "../../../client/facilitate/FacilitatePage";
import { getFacilitatorToken, setFacilitatorToken } from "../../../client/facilitate/auth";
import { installFakeApi, sessionFixture, type Forced } from "./fakeApi";
import { click, signedInPage, signedOutPage, TOKEN_KEY, type } from "./helpers";

const PASSWORD = "slow breath, long walk";

function fillSignIn(email = "robin@example.org", password = PASSWORD) {
  type("Email", email);
  type("Password", password);
}

describe("signing in", () => {
  it("/facilitate loads its pages lazily and starts at sign-in", async () => {
    installFakeApi();
    render(<App stage={false} pathname="/facilitate" />);
    expect(await screen.findByRole("heading", { name: "Sign in to facilitate", level: 1 })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Need help now?" })).toBeTruthy();
  });

  it("signs in for this tab only by default, and shows the facilitator's sessions", async () => {
    const api = installFakeApi();
    await signedOutPage();
    fillSignIn("Robin@Example.org");
    click("Sign in");
    await screen.findByRole("heading", { name: "Your sessions", level: 1 });
    expect(api.requests("POST", "/api/auth/signin")[0]?.body).toEqual({ email: "Robin@Example.org", password: PASSWORD });
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(api.token);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    // What follows the change of screen (its effects, the sessions' request) settles within a moment,
    // however busy the machine: waited for, not read in the same tick as the heading's first render.
    await waitFor(() => {
      expect(screen.getByText("robin@example.org")).toBeTruthy();
      // The heading takes focus after the change of screen, for keyboard and screen-reader users.
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Your sessions", level: 1 }));
      expect(api.requests("GET", "/api/sessions")[0]?.auth).toBe(`Bearer ${api.token}`);
    });
  });

  it("keeps the sign-in on this device when asked", async () => {
    const api = installFakeApi();
    await signedOutPage();
    fillSignIn();
    fireEvent.click(screen.getByLabelText("Keep me signed in on this device"));
    click("Sign in");
    await screen.findByRole("heading", { name: "Your sessions", level: 1 });
    expect(localStorage.getItem(TOKEN_KEY)).toBe(api.token);
  });

  it("checks the form before asking the server, and focuses the first problem", async () => {
    const api = installFakeApi();
    await signedOutPage();
    type("Email", "robin");
    click("Sign in");
    expect(screen.getByText("Enter your email address, like name@example.org.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
    const email = screen.getByLabelText("Email");
    expect(document.activeElement).toBe(email);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    // The error is part of the field's description, so a screen reader reads it with the field.
    expect(email.getAttribute("aria-describedby")).toContain("auth-email-error");
    expect(api.seen).toEqual([]);
  });

  it("shows the password when asked", async () => {
    installFakeApi();
    await signedOutPage();
    const password = screen.getByLabelText("Password");
    expect(password.getAttribute("type")).toBe("password");
    fireEvent.click(screen.getByLabelText("Show password"));
    expect(password.getAttribute("type")).toBe("text");
  });

  it.each<[string, Forced, string]>([
    ["wrong_credentials", { status: 401, error: "wrong_credentials" }, "That email and password don't match an account. Check them and try again (passwords are case-sensitive)."],
    ["invalid_request", { status: 400, error: "invalid_request" }, "Please check the email address and password, then try again."],
    ["too_many_attempts (minutes)", { status: 429, error: "too_many_attempts", retryAfter: "240" }, "Too many attempts in a short time. To keep accounts safe, please wait about 4 minutes and try again."],
    ["too_many_attempts (seconds)", { status: 429, error: "too_many_attempts", retryAfter: "30" }, "please wait 30 seconds and try again."],
    ["too_many_attempts (no Retry-After)", { status: 429, error: "too_many_attempts" }, "please wait a few minutes and try again."],
    ["a server fault", { status: 500, raw: "<html>oops</html>" }, "Something went wrong on the server. Please try again in a moment."],
    ["no connection", "network", "Breathing Room can't be reached right now. Check your internet connection, then try again."],
    ["an answer it cannot read", { status: 418, raw: "teapot" }, "The server's answer wasn't what this page expected. Reloading the page usually fixes this."],
  ])("says so kindly on %s, and can try again", async (_name, answer, message) => {
    const api = installFakeApi();
    await signedOutPage();
    api.fail("POST /api/auth/signin", answer);
    fillSignIn();
    click("Sign in");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(message);
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(getFacilitatorToken()).toBeNull();
    click("Sign in");
    await screen.findByRole("heading", { name: "Your sessions", level: 1 });
  });
});

describe("creating an account", () => {
  it("the first account needs no invite; the invite field says so", async () => {
    const api = installFakeApi();
    await signedOutPage();
    click("Create an account");
    const heading = screen.getByRole("heading", { name: "Create a facilitator account", level: 1 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/The very first account on a new Breathing Room needs none/)).toBeTruthy();
    type("Email", "robin@example.org");
    type("Password", "short");
    click("Create account");
    expect(screen.getByText(/Use at least 10 characters/)).toBeTruthy();
    expect(api.seen).toEqual([]);
    type("Password", PASSWORD);
    click("Create account");
    await screen.findByRole("heading", { name: "Your sessions", level: 1 });
    expect(api.requests("POST", "/api/auth/signup")[0]?.body).toEqual({ email: "robin@example.org", password: PASSWORD });
    expect(screen.getByText("(admin)", { exact: false })).toBeTruthy();
  });

  it("an invite link opens account creation with the invite and email filled in, then leaves the address bar", async () => {
    const api = installFakeApi({ facilitator: { id: "f2", email: "sam@example.org", isAdmin: false } });
    history.replaceState(null, "", "/facilitate#invite=inv_abc-123&email=sam%40example.org");
    render(<FacilitatePage />);
    await screen.findByRole("heading", { name: "Create a facilitator account" });
    expect(location.hash).toBe("");
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("sam@example.org");
    expect((screen.getByLabelText("Invite") as HTMLInputElement).value).toBe("inv_abc-123");
    type("Password", PASSWORD);
    click("Create account");
    await screen.findByRole("heading", { name: "Your sessions", level: 1 });
    expect(api.requests("POST", "/api/auth/signup")[0]?.body).toEqual({ email: "sam@example.org", password: PASSWORD, invite: "inv_abc-123" });
    expect(screen.queryByText(/opened with an invite/)).toBeNull();
    expect(screen.queryByRole("heading", { name: "Invite a facilitator" })).toBeNull();
  });

  it("an invite link opened while signed in says how to use it", async () => {
    const api = installFakeApi();
    history.replaceState(null, "", "/facilitate#invite=inv_abc-123");
    await signedInPage(api);
    expect(screen.getByText(/opened with an invite for a new account/)).toBeTruthy();
  });

  it.each<[string, Forced, string]>([
    ["invite_required", { status: 403, error: "invite_required" }, "This Breathing Room already has an admin, so a new account needs an invite. Ask an admin for one and paste it in the Invite field."],
    ["invite_invalid", { status: 403, error: "invite_invalid" }, "This invite can't be used. It may have been used already, have expired (invites last 7 days) or be meant for another email address. Ask your admin for a new one."],
    ["email_taken", { status: 409, error: "email_taken" }, "There's already an account with this email address. Sign in instead, or use another address."],
    ["too_many_attempts", { status: 429, error: "too_many_attempts", retryAfter: "900" }, "Too many sign-ups from this network in a short time. Please wait about 15 minutes and try again."],
    ["invalid_request", { status: 400, error: "invalid_request" }, "Please check the email address and password, then try again."],
  ])("says so kindly on %s", async (_name, answer, message) => {
    const api = installFakeApi();
    await signedOutPage();
    click("Create an account");
    api.fail("POST /api/auth/signup", answer);
    type("Email", "sam@example.org");
    type("Password", PASSWORD);
    type("Invite", "inv_old");
    click("Create account");
    expect((await screen.findByRole("alert")).textContent).toBe(message);
  });
});

describe("a kept sign-in", () => {
  it("goes straight to the sessions when the server still accepts it", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    expect(api.requests("GET", "/api/auth/me")[0]?.auth).toBe(`Bearer ${api.token}`);
    // The page's first screen keeps the browser's natural focus.
    expect(document.activeElement).toBe(document.body);
  });

  it.each<[string, string]>([
    ["token_expired", "Sign-ins last 12 hours, and yours has ended. Please sign in again."],
    ["unauthenticated", "You've been signed out on this device. Please sign in again."],
  ])("the server refuses it (%s): back to sign-in, saying why, token gone", async (code, message) => {
    const api = installFakeApi();
    setFacilitatorToken(api.token, true);
    api.fail("GET /api/auth/me", { status: 401, error: code });
    render(<FacilitatePage />);
    await screen.findByRole("heading", { name: "Sign in to facilitate" });
    expect(screen.getByRole("status").textContent).toBe(message);
    expect(getFacilitatorToken()).toBeNull();
  });

  it("a refused sign-in later on (any call) also returns to sign-in", async () => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    api.fail("POST /api/sessions", { status: 401, error: "token_expired" });
    click("Plan a session");
    type("Title", "Evening");
    click("Create session");
    await screen.findByRole("heading", { name: "Sign in to facilitate" });
    expect(screen.getByText("Sign-ins last 12 hours, and yours has ended. Please sign in again.")).toBeTruthy();
    expect(getFacilitatorToken()).toBeNull();
  });

  it("when the server cannot be reached, keeps the token and offers to try again", async () => {
    const api = installFakeApi();
    setFacilitatorToken(api.token, false);
    api.fail("GET /api/auth/me", "network");
    render(<FacilitatePage />);
    expect((await screen.findByRole("alert")).textContent).toContain("can't be reached right now");
    expect(getFacilitatorToken()).toBe(api.token);
    click("Try again");
    await screen.findByRole("heading", { name: "Your sessions", level: 1 });
  });
});

describe("signing out", () => {
  it("clears the token at once and asks the server to revoke it", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    click("Sign out");
    expect(getFacilitatorToken()).toBeNull();
    await screen.findByRole("heading", { name: "Sign in to facilitate" });
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Sign in to facilitate" }));
    await waitFor(() => expect(api.requests("POST", "/api/auth/signout")).toHaveLength(1));
    expect(api.requests("POST", "/api/auth/signout")[0]?.auth).toBe(`Bearer ${api.token}`);
    expect(screen.getByRole("status").textContent).toBe("You're signed out.");
  });

  it.each<[string, Forced]>([
    ["no connection", "network"],
    ["a server without sign-out", { status: 404, error: "not_found" }],
  ])("is signed out on this device even with %s, and says what that means", async (_name, answer) => {
    const api = installFakeApi();
    await signedInPage(api);
    api.fail("POST /api/auth/signout", answer);
    click("Sign out");
    expect(getFacilitatorToken()).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "You're signed out on this device. The server couldn't be told, so this sign-in ends by itself within 12 hours.",
      ),
    );
  });

  it("an already-refused token needs no caveat", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    api.fail("POST /api/auth/signout", { status: 401, error: "token_expired" });
    await act(async () => click("Sign out"));
    await waitFor(() => expect(api.requests("POST", "/api/auth/signout")).toHaveLength(1));
    expect(screen.getByRole("status").textContent).toBe("You're signed out.");
  });
});
