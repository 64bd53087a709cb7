import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../../../client/app/App";
import { tickPractice } from "../../../client/practice/ticker";
import { useAppStore } from "../../../client/state/store";

function practise(exerciseId = "box") {
  useAppStore.getState().chooseExercise(exerciseId);
  useAppStore.getState().chooseLength({ kind: "cycles", cycles: 2 });
  useAppStore.getState().checkIn(null, 0);
  render(<App stage={false} />);
  act(() => tickPractice(0));
}

describe("practice screen", () => {
  it("updates the live caption in place at each phase change", () => {
    practise();
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toContain("Breathe in");
    tickPractice(4000);
    expect(screen.getByRole("status")).toBe(status);
    expect(status.textContent).toContain("Hold");
    tickPractice(8000);
    expect(status.textContent).toContain("Breathe out");
    tickPractice(16_000);
    expect(status.textContent).toContain("Cycle 2 of 2");
  });

  it("pauses and resumes with Space and stops with Escape", () => {
    practise();
    const body = document.body;
    fireEvent.keyDown(body, { key: " " });
    expect(useAppStore.getState().practice.status).toBe("paused");
    expect(screen.getByRole("button", { name: "Resume" })).toBeTruthy();
    fireEvent.keyDown(body, { key: " " });
    expect(useAppStore.getState().practice.status).toBe("running");
    fireEvent.keyDown(body, { key: "Escape" });
    expect(useAppStore.getState().screen).toBe("check-out");
  });

  it("leaves Space and Escape alone while typing in a field", () => {
    practise();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const slider = screen.getByLabelText("Tone volume");
    fireEvent.keyDown(slider, { key: " " });
    fireEvent.keyDown(slider, { key: "Escape" });
    expect(useAppStore.getState().practice.status).toBe("running");
  });

  it("lets Escape close crisis help without ending the practice", () => {
    practise();
    fireEvent.click(screen.getByRole("button", { name: "Need help now?" }));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(useAppStore.getState().screen).toBe("practice");
  });

  it("shows a guided exercise's instruction and time left", () => {
    useAppStore.getState().chooseExercise("grounding-54321");
    useAppStore.getState().chooseLength({ kind: "minutes", minutes: 1 });
    useAppStore.getState().checkIn(null, 0);
    render(<App stage={false} />);
    act(() => tickPractice(0));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("5-4-3-2-1 grounding");
    expect(screen.getByRole("status").textContent).toContain("Settle where you are");
    expect(screen.getByRole("status").textContent).toContain("1:00 left");
  });
});
