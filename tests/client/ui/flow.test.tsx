import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../../../client/app/App";
import { tickPractice } from "../../../client/practice/ticker";
import { useAppStore } from "../../../client/state/store";

const click = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
const heading = () => screen.getByRole("heading", { level: 1 });

describe("solo flow", () => {
  it("goes from choosing a place to a summary of how the feeling changed", () => {
    render(<App stage={false} pathname="/" />);
    expect(screen.getByText(/not therapy/)).toBeTruthy();
    click("Forest clearing");
    expect(useAppStore.getState().settings.environment).toBe("forest");
    expect(document.activeElement).toBe(heading());
    expect(heading().textContent).toBe("Choose an exercise");

    click("Box breathing");
    expect(heading().textContent).toBe("Box breathing: how long?");
    expect(screen.getByText(/Balban et al\. 2023/)).toBeTruthy();
    expect(screen.getByText(/Long breath holds are not for everyone/)).toBeTruthy();

    click("3 minutes");
    expect(screen.getByText("How do you feel right now?")).toBeTruthy();
    const start = screen.getByRole("button", { name: "Start" }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "4" }));
    expect(screen.getByRole("radio", { name: "4" }).getAttribute("aria-checked")).toBe("true");
    expect(start.disabled).toBe(false);
    click("Start");

    act(() => tickPractice(performance.now()));
    expect(screen.getByRole("status").textContent).toContain("Breathe in");
    expect(screen.getByText("Cycle 1 of 11")).toBeTruthy();
    click("Pause");
    expect(screen.getByRole("button", { name: "Resume" })).toBeTruthy();
    click("Resume");
    click("Stop");

    expect(screen.getByText("How do you feel now?")).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "7" }));
    click("Done");
    expect(screen.getByText("4 to 7, up 3")).toBeTruthy();
    expect(screen.getByRole("button", { name: "History" })).toBeTruthy();
    click("Another session");
    expect(heading().textContent).toBe("Choose a calm place");
  });

  it("starts without a rating when the check-in is skipped, and says so at the end", () => {
    useAppStore.setState({ screen: "check-in" });
    useAppStore.getState().chooseExercise("resonance");
    render(<App stage={false} />);
    click("Skip");
    expect(useAppStore.getState().screen).toBe("practice");
    click("Stop");
    click("Skip");
    expect(screen.getByText(/No before-and-after rating/)).toBeTruthy();
  });

  it("shows what is wrong with a pattern of your own and only continues when it is valid", () => {
    useAppStore.setState({ screen: "exercise" });
    render(<App stage={false} />);
    click("Your own pattern");
    const inhale = screen.getByLabelText("Breathe in (seconds)");
    fireEvent.change(inhale, { target: { value: "1" } });
    expect(screen.getByText("Breathe in: choose between 2 and 10 seconds.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Breathe out (seconds)"), { target: { value: "" } });
    expect(screen.getByText("Breathe out: enter a number of seconds.")).toBeTruthy();
    click("Continue");
    expect(heading().textContent).toBe("Choose an exercise");
    fireEvent.change(inhale, { target: { value: "4" } });
    fireEvent.change(screen.getByLabelText("Breathe out (seconds)"), { target: { value: "6" } });
    click("Continue");
    expect(heading().textContent).toBe("Your own pattern: how long?");
  });

  it("counts a breathing practice in cycles when asked", () => {
    useAppStore.setState({ screen: "length" });
    useAppStore.getState().chooseExercise("478");
    render(<App stage={false} />);
    fireEvent.change(screen.getByLabelText("Number of cycles"), { target: { value: "4" } });
    click("Breathe 4 cycles");
    expect(useAppStore.getState().draft.length).toEqual({ kind: "cycles", cycles: 4 });
    expect(screen.getByText("How do you feel right now?")).toBeTruthy();
  });

  it("offers no cycle count for guided exercises", () => {
    useAppStore.setState({ screen: "length" });
    useAppStore.getState().chooseExercise("grounding-54321");
    render(<App stage={false} />);
    expect(screen.queryByLabelText("Number of cycles")).toBeNull();
    expect(screen.getByRole("button", { name: "10 minutes" })).toBeTruthy();
  });

  it("goes back one step from each choice screen", () => {
    useAppStore.setState({ screen: "check-in" });
    useAppStore.getState().chooseExercise("box");
    render(<App stage={false} />);
    click("Back");
    expect(useAppStore.getState().screen).toBe("length");
    click("Back");
    expect(useAppStore.getState().screen).toBe("exercise");
    click("Back");
    expect(useAppStore.getState().screen).toBe("environment");
  });

  it("moves the 0–10 choice with the arrow keys", () => {
    useAppStore.setState({ screen: "check-in" });
    render(<App stage={false} />);
    const five = screen.getByRole("radio", { name: "5" });
    expect(five.tabIndex).toBe(0);
    fireEvent.keyDown(five, { key: "ArrowRight" });
    expect(screen.getByRole("radio", { name: "6" }).getAttribute("aria-checked")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "6" }));
  });

  it("loads the room page for a circle link, with crisis help still there", async () => {
    // A code that cannot be one: the page says so without asking the server anything.
    render(<App stage={false} pathname="/room/ABC123" />);
    // The first import of the room page has vitest transform its whole module graph: seconds on a busy machine.
    expect(await screen.findByRole("heading", { name: "That doesn't look like a circle code" }, { timeout: 25_000 })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Need help now?" })).toBeTruthy();
  }, 30_000);

  it("says plainly that an unknown address is not found, with the way home and crisis help", () => {
    render(<App stage={false} pathname="/breathe/nowhere" />);
    const h = screen.getByRole("heading", { level: 1 });
    expect(h.textContent).toBe("Page not found");
    expect(document.activeElement).toBe(h);
    expect(screen.getByText("/breathe/nowhere")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to the calm space" }).getAttribute("href")).toBe("/");
    expect(screen.queryByText(/coming soon/)).toBeNull();
    expect(screen.getByRole("button", { name: "Need help now?" })).toBeTruthy();
  });
});
