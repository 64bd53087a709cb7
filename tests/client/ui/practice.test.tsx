import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../../client/app/App";
import { tickPractice } from "../../../client/practice/ticker";
import { useAppStore } from "../../../client/state/store";
import { resetKeyboardHint, showKeyboardHint } from "../../../client/ui/screens/keyboardHint";
import { IDLE_MS } from "../../../client/ui/screens/useFadeWhenIdle";

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
    expect(status.textContent).toBe("Breathe in");
    tickPractice(4000);
    expect(screen.getByRole("status")).toBe(status);
    expect(status.textContent).toBe("Hold");
    tickPractice(8000);
    expect(status.textContent).toBe("Breathe out");
    tickPractice(16_000);
    expect(screen.getByText("Cycle 2 of 2")).toBeTruthy();
  });

  it("announces only the caption: the count and cycle progress are shown but not in the live region", () => {
    practise();
    const status = screen.getByRole("status");
    const announced: string[] = [];
    const observer = new MutationObserver(() => undefined);
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    expect(screen.getByText("Cycle 1 of 2")).toBeTruthy();
    expect(screen.getByText("4")).toBeTruthy();
    for (let t = 500; t <= 8000; t += 500) {
      tickPractice(t);
      // Any change to the region is something a screen reader would speak.
      if (observer.takeRecords().length > 0) announced.push(status.textContent ?? "");
    }
    observer.disconnect();
    expect(screen.getByText("4").getAttribute("aria-hidden")).toBe("true");
    expect(status.contains(screen.getByText("Cycle 1 of 2"))).toBe(false);
    // Two phase changes, two announcements: none for the seconds ticking by.
    expect(announced).toEqual(["Hold", "Breathe out"]);
  });

  it("announces the pause, and the caption again on resume", () => {
    practise();
    const status = screen.getByRole("status");
    act(() => tickPractice(4500));
    // The page's driver ticks on every change of the practice (see the DOM driver's tests).
    fireEvent.keyDown(document.body, { key: " " });
    act(() => tickPractice(4600));
    expect(status.textContent).toBe("Paused");
    fireEvent.keyDown(document.body, { key: " " });
    act(() => tickPractice(4700));
    expect(status.textContent).toBe("Hold");
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

  it("leaves Space and Escape alone while typing in a field", async () => {
    practise();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const slider = await screen.findByLabelText("Tone volume");
    fireEvent.keyDown(slider, { key: " " });
    fireEvent.keyDown(slider, { key: "Escape" });
    expect(useAppStore.getState().practice.status).toBe("running");
  });

  it("lets Escape close settings without ending the practice, returning focus to the Settings button", async () => {
    practise();
    const toggle = screen.getByRole("button", { name: "Settings" });
    fireEvent.click(toggle);
    const close = await screen.findByRole("button", { name: "Close settings" });
    close.focus();
    fireEvent.keyDown(close, { key: "Escape" });
    expect(useAppStore.getState().screen).toBe("practice");
    expect(useAppStore.getState().practice.status).toBe("running");
    expect(screen.queryByRole("button", { name: "Close settings" })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it("lets Escape on the Settings button close the open panel without ending the practice", () => {
    practise();
    const toggle = screen.getByRole("button", { name: "Settings" });
    fireEvent.click(toggle);
    toggle.focus();
    fireEvent.keyDown(toggle, { key: "Escape" });
    expect(useAppStore.getState().practice.status).toBe("running");
    expect(screen.queryByRole("button", { name: "Close settings" })).toBeNull();
    // With the panel closed, Escape stops the practice again.
    fireEvent.keyDown(toggle, { key: "Escape" });
    expect(useAppStore.getState().screen).toBe("check-out");
  });

  it("leaves Space inside the settings panel to the panel", async () => {
    practise();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.keyDown(await screen.findByRole("heading", { name: "Settings" }), { key: " " });
    expect(useAppStore.getState().practice.status).toBe("running");
    expect(screen.getByRole("button", { name: "Pause" })).toBeTruthy();
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
    expect(screen.getByText("1:00 left")).toBeTruthy();
  });
});

describe("practice screen, quiet when left alone", () => {
  it("fades its controls after a few seconds without input and brings them back on any key, pointer or touch", () => {
    vi.useFakeTimers();
    try {
      practise();
      const section = document.querySelector("section.practice")!;
      const pause = screen.getByRole("button", { name: "Pause" });
      expect(section.classList.contains("idle")).toBe(false);
      act(() => vi.advanceTimersByTime(IDLE_MS + 10));
      expect(section.classList.contains("idle")).toBe(true);
      // Faded, not gone: still a button a screen reader and the keyboard can reach.
      expect(screen.getByRole("button", { name: "Pause" })).toBe(pause);
      for (const wake of [() => fireEvent.keyDown(window, { key: "Tab" }), () => fireEvent.pointerMove(window), () => fireEvent.touchStart(window)]) {
        act(() => vi.advanceTimersByTime(IDLE_MS + 10));
        expect(section.classList.contains("idle")).toBe(true);
        wake();
        expect(section.classList.contains("idle")).toBe(false);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the keyboard hint on a device's first practice only", () => {
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage;
    resetKeyboardHint();
    expect(showKeyboardHint(fake)).toBe(true);
    // The same page keeps its decision (no hint vanishing mid-practice)…
    expect(showKeyboardHint(fake)).toBe(true);
    // …and the next visit does not show it again.
    resetKeyboardHint();
    expect(showKeyboardHint(fake)).toBe(false);
    resetKeyboardHint();
  });
});
