import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../../client/app/App";
import { clearHistory, saveSession } from "../../../client/practice/history";
import { useAppStore } from "../../../client/state/store";

afterEach(() => {
  vi.unstubAllGlobals();
  return clearHistory();
});

async function twoSessionsShown() {
  await saveSession({ date: Date.UTC(2026, 0, 1), exerciseId: "box", exerciseName: "Box breathing", minutes: 3, before: 3, after: 6 });
  await saveSession({ date: Date.UTC(2026, 0, 2), exerciseId: "pmr", exerciseName: "Progressive muscle relaxation", minutes: 5, before: 5, after: 4 });
  useAppStore.setState({ screen: "history" });
  render(<App stage={false} />);
  await screen.findByRole("button", { name: "Delete all history" });
}

describe("history screen", () => {
  it("states a short session in seconds, as the summary did, and asks plainly about deleting one", async () => {
    await saveSession({ date: Date.UTC(2026, 0, 3), exerciseId: "box", exerciseName: "Box breathing", minutes: 22 / 60, before: 4, after: 6 });
    useAppStore.setState({ screen: "history" });
    render(<App stage={false} />);
    const item = (await screen.findAllByRole("listitem")).find((li) => li.closest("ol"))!;
    expect(item.textContent).toContain("22 s");
    expect(item.textContent).not.toContain("min");
    // Each session's day is on the chart.
    const day = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" }).format(Date.UTC(2026, 0, 3));
    expect(screen.getByRole("img", { name: /^How you felt before and after your last session / }).textContent).toContain(day);
    fireEvent.click(screen.getByRole("button", { name: "Delete all history" }));
    expect(screen.getByText(/Delete your one session from this device\?/)).toBeTruthy();
  });

  it("is reachable from the first screen and says when it is empty", async () => {
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "History" }));
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("History");
    expect(await screen.findByText("No sessions yet.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(useAppStore.getState().screen).toBe("environment");
  });

  it("lists sessions newest first with a chart, and deletes all after confirming", async () => {
    await saveSession({ date: Date.UTC(2026, 0, 1), exerciseId: "box", exerciseName: "Box breathing", minutes: 3, before: 3, after: 6 });
    await saveSession({ date: Date.UTC(2026, 0, 2), exerciseId: "pmr", exerciseName: "Progressive muscle relaxation", minutes: 5, before: 5, after: 4 });
    useAppStore.setState({ screen: "history" });
    render(<App stage={false} />);
    const items = await screen.findAllByRole("listitem");
    const sessions = items.filter((li) => li.closest("ol"));
    expect(sessions[0]?.textContent).toContain("Progressive muscle relaxation");
    expect(sessions[0]?.textContent).toContain("5 to 4, down 1");
    expect(sessions[1]?.textContent).toContain("3 to 6, up 3");
    const chart = screen.getByRole("img", { name: /before and after your last 2 sessions/ });
    expect(chart.querySelectorAll("circle")).toHaveLength(4);
    expect(chart.textContent).toContain("before 3, after 6");

    fireEvent.click(screen.getByRole("button", { name: "Delete all history" }));
    expect(screen.getByText(/Delete all 2 sessions/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Keep history" }));
    expect(screen.getAllByRole("listitem").length).toBeGreaterThan(1);
    fireEvent.click(screen.getByRole("button", { name: "Delete all history" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete all" }));
    expect(await screen.findByText("No sessions yet.")).toBeTruthy();
  });

  it("after deleting, puts focus on the History heading and says the history is gone", async () => {
    await twoSessionsShown();
    fireEvent.click(screen.getByRole("button", { name: "Delete all history" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete all" }));
    await screen.findByText("No sessions yet.");
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "History" }));
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("History deleted.");
  });

  it("says why when deleting fails and keeps the choice open", async () => {
    await twoSessionsShown();
    fireEvent.click(screen.getByRole("button", { name: "Delete all history" }));
    vi.stubGlobal("indexedDB", {
      open: () => {
        throw new Error("The database is locked.");
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete all" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Could not delete history: The database is locked.");
    expect(screen.getAllByRole("listitem").filter((li) => li.closest("ol"))).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Yes, delete all" }));
    vi.unstubAllGlobals();
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete all" }));
    expect(await screen.findByText("No sessions yet.")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
