import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NOT_THERAPY_NOTICE } from "../../../core/care";
import { App } from "../../../client/app/App";
import { useAppStore, type Screen } from "../../../client/state/store";

const SCREENS: Screen[] = ["environment", "exercise", "length", "check-in", "practice", "check-out", "summary", "history"];

describe("crisis help", () => {
  it.each(SCREENS)("opens in one click from the %s screen and closes with Escape, returning focus", (name) => {
    useAppStore.getState().chooseExercise("box");
    useAppStore.setState({ screen: name });
    render(<App stage={false} />);
    const button = screen.getByRole("button", { name: "Need help now?" });
    button.focus();
    fireEvent.click(button);
    const dialog = screen.getByRole("dialog", { name: "Need help now?" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(within(dialog).getByText(NOT_THERAPY_NOTICE)).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(useAppStore.getState().screen).toBe(name);
  });

  it("is the first thing after the skip link in the tab order", () => {
    render(<App stage={false} />);
    const focusable = Array.from(document.querySelectorAll<HTMLElement>("a[href], button, input, select"));
    expect(focusable[0]?.textContent).toBe("Skip to content");
    expect(focusable[1]?.textContent).toBe("Need help now?");
  });

  it("shows the chosen region's lines as call and text links", () => {
    useAppStore.getState().updateSettings({ region: "INTL" });
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Need help now?" }));
    expect(screen.getByText(/findahelpline\.com/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Region"), { target: { value: "US" } });
    expect(useAppStore.getState().settings.region).toBe("US");
    const links = screen.getAllByRole("link").map((a) => a.getAttribute("href"));
    expect(links).toContain("tel:911");
    expect(links).toContain("tel:988");
    expect(links).toContain("sms:741741?body=HOME");
  });

  it("links the international directories, opening them in a new tab without referrer or opener", () => {
    useAppStore.getState().updateSettings({ region: "INTL" });
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Need help now?" }));
    for (const [name, href] of [
      ["findahelpline.com", "https://findahelpline.com"],
      ["iasp.info/crisis-centres-helplines", "https://iasp.info/crisis-centres-helplines"],
    ]) {
      const link = screen.getByRole("link", { name });
      expect(link.getAttribute("href")).toBe(href);
      expect(link.getAttribute("target")).toBe("_blank");
      expect(link.getAttribute("rel")?.split(" ").sort()).toEqual(["noopener", "noreferrer"]);
    }
  });

  it("keeps Tab inside the dialog", () => {
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Need help now?" }));
    const close = screen.getByRole("button", { name: "Close" });
    close.focus();
    fireEvent.keyDown(close, { key: "Tab" });
    expect(screen.getByRole("dialog").contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(close);
  });

  it("pauses a running practice, which stays paused after closing", () => {
    useAppStore.getState().chooseExercise("box");
    useAppStore.getState().checkIn(null);
    render(<App stage={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Need help now?" }));
    expect(useAppStore.getState().practice.status).toBe("paused");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.getByRole("button", { name: "Resume" })).toBeTruthy();
  });
});
