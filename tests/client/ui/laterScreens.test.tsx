import { act, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

describe("the calm space's later screens", () => {
  it("load on their own when a later step is reached first, then every later step renders at once", async () => {
    // A fresh copy of the app's modules, as a page that has not fetched the later screens yet.
    vi.resetModules();
    const { CalmSpace, loadLaterScreens } = await import("../../../client/ui/CalmSpace");
    const { useAppStore } = await import("../../../client/state/store");
    useAppStore.getState().go("exercise");
    const first = render(<CalmSpace />);
    // Not there in the first turn: the step waits for its chunk, behind a busy screen.
    expect(screen.queryByRole("heading")).toBeNull();
    expect(first.container.querySelector("section.screen[aria-busy='true']")).toBeTruthy();
    first.unmount();
    await act(async () => void render(<CalmSpace />));
    expect(await screen.findByRole("heading", { name: "Choose an exercise" })).toBeTruthy();
    await loadLaterScreens();
    useAppStore.getState().chooseExercise("box");
    useAppStore.getState().go("length");
    render(<CalmSpace />);
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toContain("Box breathing: how long?");
  });
});
