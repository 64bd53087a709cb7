import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../../client/app/App";
import { JoinCircleForm } from "../../../client/ui/JoinCircleForm";

describe("Join a circle", () => {
  it("is on the first screen, folded away under its own name", () => {
    render(<App stage={false} />);
    const summary = screen.getByText("Join a circle");
    expect(summary.tagName).toBe("SUMMARY");
    expect(summary.closest("details")!.open).toBe(false);
    expect(screen.getByLabelText("Circle code")).toBeTruthy();
  });

  it("goes to the circle's page for a code typed in any spelling", () => {
    const go = vi.fn();
    render(<JoinCircleForm go={go} />);
    fireEvent.change(screen.getByLabelText("Circle code"), { target: { value: " k7p m2q-xw9 " } });
    fireEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(go).toHaveBeenCalledWith("/room/K7P-M2Q-XW9");
  });

  it("says so at once when what was typed cannot be a code, and goes nowhere", () => {
    const go = vi.fn();
    render(<JoinCircleForm go={go} />);
    fireEvent.change(screen.getByLabelText("Circle code"), { target: { value: "K7P-M2Q-XW" } });
    fireEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(screen.getByRole("alert").textContent).toBe("That doesn't look like a circle code.");
    expect(screen.getByLabelText("Circle code").getAttribute("aria-invalid")).toBe("true");
    expect(go).not.toHaveBeenCalled();
  });
});
