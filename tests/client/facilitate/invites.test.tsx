import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { installFakeApi, type Forced } from "./fakeApi";
import { click, signedInPage, type } from "./helpers";

const panel = () => screen.getByRole("heading", { name: "Invite a facilitator" }).closest("section")!;

describe("inviting facilitators", () => {
  it("is for admins only", async () => {
    const api = installFakeApi({ facilitator: { id: "f2", email: "sam@example.org", isAdmin: false } });
    await signedInPage(api);
    expect(screen.queryByRole("heading", { name: "Invite a facilitator" })).toBeNull();
  });

  it("an admin creates an invite for one email; it is shown once, as a link to copy", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText } as unknown as Clipboard);
    const api = installFakeApi();
    await signedInPage(api);
    type("Their email (optional)", "Sam@Example.org", panel());
    click("Create invite");
    const ready = await screen.findByRole("heading", { name: "Invite ready for sam@example.org" });
    expect(document.activeElement).toBe(ready);
    expect(api.requests("POST", "/api/invites")[0]).toMatchObject({ body: { email: "sam@example.org" }, auth: `Bearer ${api.token}` });
    const link = `${location.origin}/facilitate#invite=inv_abc-123&email=sam%40example.org`;
    expect((within(panel()).getByLabelText("Invite link") as HTMLInputElement).value).toBe(link);
    expect(within(panel()).getByText("inv_abc-123")).toBeTruthy();
    expect(within(panel()).getByText(/You won't see it again after you close this/)).toBeTruthy();
    click("Copy invite link");
    await within(panel()).findByText(/Invite link copied/);
    expect(writeText).toHaveBeenCalledWith(link);
    click("Done");
    expect(within(panel()).queryByLabelText("Invite link")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Invite a facilitator" }));
  });

  it("without an email, anyone with the link can use it", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    click("Create invite");
    await screen.findByRole("heading", { name: "Invite ready" });
    expect(api.requests("POST", "/api/invites")[0]?.body).toEqual({});
    expect((within(panel()).getByLabelText("Invite link") as HTMLInputElement).value).toBe(`${location.origin}/facilitate#invite=inv_abc-123`);
  });

  it("checks the email first", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    type("Their email (optional)", "sam at example", panel());
    click("Create invite");
    expect(within(panel()).getByText("Enter an email address like name@example.org, or leave it empty.")).toBeTruthy();
    expect(document.activeElement).toBe(within(panel()).getByLabelText("Their email (optional)"));
    expect(api.requests("POST", "/api/invites")).toEqual([]);
  });

  it.each<[string, Forced, string]>([
    ["forbidden", { status: 403, error: "forbidden" }, "Only an admin can invite new facilitators."],
    ["invalid_request", { status: 400, error: "invalid_request" }, "Please check the email address, or leave it empty."],
    ["too_many_attempts", { status: 429, error: "too_many_attempts", retryAfter: "60" }, "Too many attempts in a short time. To keep accounts safe, please wait about a minute and try again."],
  ])("says so kindly on %s", async (_name, answer, message) => {
    const api = installFakeApi();
    await signedInPage(api);
    api.fail("POST /api/invites", answer);
    fireEvent.click(screen.getByRole("button", { name: "Create invite" }));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
  });

  describe("the list of recent invites", () => {
    const DAY = 24 * 3600_000;
    const now = Date.now();
    const invites = [
      { id: "h1", email: "sam@example.org", createdAt: now - DAY, expiresAt: now + 6 * DAY, usedAt: null },
      { id: "h2", email: null, createdAt: now - 2 * DAY, expiresAt: now + 5 * DAY, usedAt: now - DAY },
      { id: "h3", email: "old@example.org", createdAt: now - 9 * DAY, expiresAt: now - 2 * DAY, usedAt: null },
    ];
    const item = (text: string) => within(panel()).getByText(text).closest("li")!;

    it("says for whom each is and whether it was used, expired or still works; only a waiting one can be withdrawn", async () => {
      const api = installFakeApi({ invites });
      await signedInPage(api);
      await within(panel()).findByText("For sam@example.org");
      expect(item("For sam@example.org").textContent).toMatch(/Not used yet · works until/);
      expect(item("For anyone with the link").textContent).toMatch(/Used /);
      expect(item("For old@example.org").textContent).toMatch(/Expired /);
      expect(within(panel()).getAllByRole("button", { name: /^Withdraw/ }).map((b) => b.getAttribute("aria-label"))).toEqual([
        "Withdraw the invite for sam@example.org",
      ]);
    });

    it("withdraws one, says so, and keeps focus in the list", async () => {
      const api = installFakeApi({ invites });
      await signedInPage(api);
      fireEvent.click(await within(panel()).findByRole("button", { name: "Withdraw the invite for sam@example.org" }));
      await within(panel()).findByText("The invite for sam@example.org is withdrawn: it no longer works.");
      expect(api.requests("DELETE", "/api/invites/h1")[0]?.auth).toBe(`Bearer ${api.token}`);
      expect(within(panel()).queryByText("For sam@example.org")).toBeNull();
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Invites from the last 30 days" }));
    });

    it("a new invite appears in the list", async () => {
      const api = installFakeApi();
      await signedInPage(api);
      await within(panel()).findByText("No invites yet.");
      type("Their email (optional)", "kim@example.org", panel());
      click("Create invite");
      await within(panel()).findByText("For kim@example.org");
    });

    it.each<[string, Forced, string]>([
      ["conflict", { status: 409, error: "conflict" }, "This invite has just been used, so it can't be withdrawn. The list has been refreshed."],
      ["not_found", { status: 404, error: "not_found" }, "This invite was already withdrawn. The list has been refreshed."],
      ["forbidden", { status: 403, error: "forbidden" }, "Only an admin can manage invites."],
    ])("a withdrawal refused with %s says why and reloads the list", async (_name, answer, message) => {
      const api = installFakeApi({ invites });
      await signedInPage(api);
      api.fail("DELETE /api/invites/h1", answer);
      fireEvent.click(await within(panel()).findByRole("button", { name: "Withdraw the invite for sam@example.org" }));
      expect((await within(panel()).findByRole("alert")).textContent).toBe(message);
      await waitFor(() => expect(api.requests("GET", "/api/invites")).toHaveLength(2));
    });

    it("a list that cannot load says so and loads on request", async () => {
      const api = installFakeApi({ invites });
      api.fail("GET /api/invites", { status: 500, error: "internal" });
      await signedInPage(api);
      await within(panel()).findByText(/Something went wrong on the server/);
      click("Try again");
      await within(panel()).findByText("For sam@example.org");
    });
  });
});
