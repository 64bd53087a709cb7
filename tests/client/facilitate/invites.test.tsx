import { fireEvent, screen, within } from "@testing-library/react";
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
});
