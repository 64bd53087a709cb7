import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { toLocalInput } from "../../../client/facilitate/format";
import { installFakeApi, sessionFixture, type Forced } from "./fakeApi";
import { click, signedInPage, type } from "./helpers";

const card = (title: string) => screen.getByRole("article", { name: title });
const DAY = 24 * 3600_000;

describe("planning a session", () => {
  it("with nothing planned, the form is open; a new session shows its code, spelled out for screen readers", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    expect(screen.getByRole("heading", { name: "New session" })).toBeTruthy();
    const at = new Date(Date.now() + 2 * DAY);
    at.setHours(19, 0, 0, 0);
    type("Title", "  Tuesday evening circle ");
    fireEvent.change(screen.getByLabelText("Place"), { target: { value: "night" } });
    type("How many people can join", "10");
    type("Date and time (optional)", toLocalInput(at.getTime()));
    click("Create session");
    const created = await screen.findByRole("article", { name: "Tuesday evening circle" });
    expect(api.requests("POST", "/api/sessions")[0]?.body).toEqual({ title: "Tuesday evening circle", environment: "night", capacity: 10, scheduledAt: at.getTime() });
    expect(within(created).getByText(/Night sky · up to 10 people/)).toBeTruthy();
    expect(within(created).getByText("N1P-M2Q-XW9").getAttribute("aria-hidden")).toBe("true");
    expect(within(created).getByText("N 1 P, M 2 Q, X W 9")).toBeTruthy();
    expect((within(created).getByLabelText("Link to share") as HTMLInputElement).value).toBe(`${location.origin}/room/N1P-M2Q-XW9`);
    expect(screen.getByText("“Tuesday evening circle” is planned. Share its link or code with the group.")).toBeTruthy();
    // Focus follows the new session, and the form has closed.
    expect(document.activeElement).toBe(within(created).getByRole("heading", { name: "Tuesday evening circle" }));
    expect(screen.queryByRole("heading", { name: "New session" })).toBeNull();
  });

  it("refuses an empty title, a size out of range and a time that has passed, naming each", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    type("Title", "   ");
    type("How many people can join", "40");
    type("Date and time (optional)", toLocalInput(Date.now() - DAY));
    click("Create session");
    expect(screen.getByText("Give the session a title of 1 to 80 characters.")).toBeTruthy();
    expect(screen.getByText("Choose between 1 and 32 people.")).toBeTruthy();
    expect(screen.getByText("That time has already passed. Choose a later one, or leave it empty.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));
    expect(api.requests("POST", "/api/sessions")).toEqual([]);
  });

  it("refuses a time more than a year ahead, saying how far ahead a session can be", async () => {
    const api = installFakeApi();
    await signedInPage(api);
    type("Title", "Next spring");
    type("Date and time (optional)", toLocalInput(Date.now() + 400 * DAY));
    click("Create session");
    expect(screen.getByText("Choose a time within a year from now.")).toBeTruthy();
    expect(api.requests("POST", "/api/sessions")).toEqual([]);
  });

  it("opens and closes the form from the list, returning focus to the button", async () => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    click("Plan a session");
    expect(document.activeElement).toBe(screen.getByLabelText("Title"));
    click("Not now");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Plan a session" }));
  });

  it.each<[string, Forced, string]>([
    ["conflict", { status: 409, error: "conflict" }, "A join code couldn't be set aside just now. Please try again."],
    ["invalid_request", { status: 400, error: "invalid_request" }, "Some of the session details weren't accepted. Please check the form and try again."],
    ["a server fault", { status: 500, error: "internal" }, "Something went wrong on the server. Please try again in a moment."],
    ["no connection", "network", "Breathing Room can't be reached right now. Check your internet connection, then try again."],
  ])("keeps the form and says so on %s", async (_name, answer, message) => {
    const api = installFakeApi();
    await signedInPage(api);
    api.fail("POST /api/sessions", answer);
    type("Title", "Evening");
    click("Create session");
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Evening");
  });
});

describe("the list", () => {
  it("shows upcoming sessions soonest first (unscheduled after), and past ones apart", async () => {
    const now = Date.now();
    const api = installFakeApi({
      sessions: [
        sessionFixture({ id: "a", title: "Later", scheduledAt: now + 3 * DAY }),
        sessionFixture({ id: "b", title: "Any time" }),
        sessionFixture({ id: "c", title: "Sooner", scheduledAt: now + DAY }),
        sessionFixture({ id: "d", title: "Last week", status: "ended", endedAt: now - 7 * DAY }),
      ],
    });
    await signedInPage(api);
    const upcoming = screen.getByRole("heading", { name: "Upcoming sessions" }).closest("section")!;
    expect(within(upcoming).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Sooner", "Later", "Any time"]);
    const past = screen.getByRole("heading", { name: "Past sessions" }).closest("section")!;
    expect(within(past).getByText("Last week")).toBeTruthy();
    expect(within(card("Any time")).getByText(/No set time/)).toBeTruthy();
  });

  it("says so when the list cannot load, and loads it on request", async () => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    api.fail("GET /api/sessions", { status: 500, error: "internal" });
    const { setFacilitatorToken } = await import("../../../client/facilitate/auth");
    setFacilitatorToken(api.token, false);
    const { render } = await import("@testing-library/react");
    const { default: FacilitatePage } = await import("../../../client/facilitate/FacilitatePage");
    render(<FacilitatePage />);
    expect((await screen.findByRole("alert")).textContent).toBe("Something went wrong on the server. Please try again in a moment.");
    click("Try again");
    await screen.findByRole("article", { name: "Tuesday circle" });
  });
});

describe("a planned session", () => {
  it("copies its link and says so", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue({ writeText } as unknown as Clipboard);
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Copy link" }));
    await within(card("Tuesday circle")).findByText("Link copied. Paste it into a message to the group.");
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/room/K7P-M2Q-XW9`);
  });

  it("where copying is not allowed, selects the link for copying by hand", async () => {
    vi.spyOn(navigator, "clipboard", "get").mockReturnValue(undefined as unknown as Clipboard);
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Copy link" }));
    await within(card("Tuesday circle")).findByText(/This browser didn't allow copying. The link is selected/);
    expect(document.activeElement).toBe(within(card("Tuesday circle")).getByLabelText("Link to share"));
  });

  it("opens the circle with a link to its room, where the room client finds the sign-in", async () => {
    const api = installFakeApi({ sessions: [sessionFixture(), sessionFixture({ id: "s2", title: "Later circle", code: "M2Q-K7P-XW9", scheduledAt: Date.now() + 9 * DAY })] });
    await signedInPage(api);
    const open = within(card("Later circle")).getByRole("link", { name: "Open the circle" });
    expect(open.getAttribute("href")).toBe("/room/M2Q-K7P-XW9");
    // The soonest session's is the page's one accented action; the others are quiet.
    expect(open.className).toBe("button-link");
    expect(within(card("Tuesday circle")).getByRole("link", { name: "Open the circle" }).className).toBe("button-link secondary");
    expect(screen.getByRole("button", { name: "Plan a session" }).className).toContain("secondary");
    const { getFacilitatorToken } = await import("../../../client/facilitate/auth");
    expect(getFacilitatorToken()).toBe(api.token);
  });

  it("edits only what changed; clearing the time sends null", async () => {
    const at = Date.now() + DAY;
    const api = installFakeApi({ sessions: [sessionFixture({ scheduledAt: at - (at % 60_000) })] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Edit" }));
    const form = card("Tuesday circle");
    expect(document.activeElement).toBe(within(form).getByLabelText("Title"));
    expect((within(form).getByLabelText("Place") as HTMLSelectElement).value).toBe("forest");
    type("Title", "Thursday circle", form);
    fireEvent.click(within(form).getByRole("button", { name: "No set time" }));
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));
    const edited = await screen.findByRole("article", { name: "Thursday circle" });
    expect(api.requests("PATCH", "/api/sessions/s1")[0]?.body).toEqual({ title: "Thursday circle", scheduledAt: null });
    expect(within(edited).getByText("Changes saved.")).toBeTruthy();
    expect(within(edited).getByText(/No set time/)).toBeTruthy();
    expect(document.activeElement).toBe(within(edited).getByRole("heading", { name: "Thursday circle" }));
  });

  it("an unchanged time that has passed does not block other edits (a session running late)", async () => {
    const api = installFakeApi({ sessions: [sessionFixture({ scheduledAt: Date.now() - 3600_000 - (Date.now() % 60_000) })] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Edit" }));
    type("How many people can join", "8", card("Tuesday circle"));
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Save changes" }));
    await within(card("Tuesday circle")).findByText("Changes saved.");
    expect(api.requests("PATCH", "/api/sessions/s1")[0]?.body).toEqual({ capacity: 8 });
  });

  it("discarding an edit changes nothing and returns focus to Edit", async () => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Edit" }));
    type("Title", "Something else", card("Tuesday circle"));
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Discard changes" }));
    expect(document.activeElement).toBe(within(card("Tuesday circle")).getByRole("button", { name: "Edit" }));
    expect(api.requests("PATCH", "/api/sessions/s1")).toEqual([]);
  });

  it.each<[string, Forced, string]>([
    ["conflict", { status: 409, error: "conflict" }, "This session has already ended or been cancelled, so it can't be changed. Your list has been refreshed."],
    ["not_found", { status: 404, error: "not_found" }, "This session can't be found any more. Your list has been refreshed."],
  ])("an edit refused with %s says why and refreshes the list", async (_name, answer, message) => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Edit" }));
    type("Title", "Thursday circle", card("Tuesday circle"));
    api.fail("PATCH /api/sessions/s1", answer);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Save changes" }));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
    await waitFor(() => expect(api.requests("GET", "/api/sessions")).toHaveLength(2));
  });

  it("cancels after asking, and moves to past sessions", async () => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Cancel session" }));
    const question = within(card("Tuesday circle")).getByRole("group");
    expect(question.textContent).toContain("Its code and link stop working, and if the circle is open it ends for everyone in it.");
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Yes, cancel session" }));
    fireEvent.click(within(question).getByRole("button", { name: "Keep session" }));
    expect(document.activeElement).toBe(within(card("Tuesday circle")).getByRole("button", { name: "Cancel session" }));
    expect(api.requests("POST", "/api/sessions/s1/cancel")).toEqual([]);

    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Cancel session" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, cancel session" }));
    await screen.findByText("“Tuesday circle” is cancelled. It is listed under past sessions.");
    expect(screen.queryByRole("article", { name: "Tuesday circle" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Upcoming sessions" }));
    const past = screen.getByRole("heading", { name: "Past sessions" }).closest("section")!;
    expect(within(past).getByText(/^Cancelled /)).toBeTruthy();
  });

  it.each<[string, Forced, string]>([
    ["conflict", { status: 409, error: "conflict" }, "This session has already ended or been cancelled, so it can't be changed. Your list has been refreshed."],
    ["no connection", "network", "Breathing Room can't be reached right now. Check your internet connection, then try again."],
  ])("a cancel that fails with %s keeps the question open and says why", async (_name, answer, message) => {
    const api = installFakeApi({ sessions: [sessionFixture()] });
    await signedInPage(api);
    fireEvent.click(within(card("Tuesday circle")).getByRole("button", { name: "Cancel session" }));
    api.fail("POST /api/sessions/s1/cancel", answer);
    fireEvent.click(screen.getByRole("button", { name: "Yes, cancel session" }));
    expect((await screen.findByRole("alert")).textContent).toBe(message);
  });
});

describe("past sessions", () => {
  const ended = (id: string, title: string) => sessionFixture({ id, title, status: "ended", endedAt: Date.UTC(2026, 0, 6) });

  it("show the group's before and after as a chart from five answers, and 'not enough' below", async () => {
    const api = installFakeApi({
      sessions: [ended("a", "Big circle"), ended("b", "Small circle"), ended("c", "Odd answer")],
      aggregates: {
        a: { available: true, n: 7, meanBefore: 4.2857, meanAfter: 6.1428 },
        b: { available: false, minimum: 5 },
        // Never drawn below the minimum, whatever the server says.
        c: { available: true, n: 3, meanBefore: 4, meanAfter: 5 },
      },
    });
    await signedInPage(api);
    const big = (await screen.findByText("Big circle")).closest("li")!;
    await within(big).findByRole("img", { name: "Average feeling out of 10: 4.3 before, 6.1 after" });
    expect(within(big).getByText("7 people answered both check-ins. On average they felt 4.3 out of 10 before and 6.1 after (up 1.9).")).toBeTruthy();
    for (const title of ["Small circle", "Odd answer"]) {
      const item = screen.getByText(title).closest("li")!;
      await within(item).findByText(/Not enough answers to show/);
      expect(within(item).queryByRole("img")).toBeNull();
    }
  });

  it("a failed load of the figures says so and tries again on request", async () => {
    const api = installFakeApi({ sessions: [ended("a", "Big circle")], aggregates: { a: { available: true, n: 5, meanBefore: 5, meanAfter: 4 } } });
    api.fail("GET /api/sessions/a/aggregate", "network");
    await signedInPage(api);
    const item = screen.getByText("Big circle").closest("li")!;
    await within(item).findByText("Breathing Room can't be reached right now. Check your internet connection, then try again.");
    fireEvent.click(within(item).getByRole("button", { name: "Try loading the figures again" }));
    await within(item).findByText(/felt 5.0 out of 10 before and 4.0 after \(down 1.0\)/);
  });

  it("shows the ten newest, and older ones on request", async () => {
    const sessions = Array.from({ length: 12 }, (_, i) => sessionFixture({ id: `p${i}`, title: `Circle ${i}`, status: "ended", endedAt: Date.UTC(2026, 0, 1 + i) }));
    const api = installFakeApi({ sessions });
    await signedInPage(api);
    expect(screen.getByText("Circle 11")).toBeTruthy();
    expect(screen.queryByText("Circle 1")).toBeNull();
    click("Show 2 older sessions");
    expect(screen.getByText("Circle 0")).toBeTruthy();
  });
});
