import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LEARNING_CARDS } from "../../../core/care";
import { CalmSpace } from "../../../client/ui/CalmSpace";
import { LearnPanel } from "../../../client/ui/vr/LearnPanels";
import { press, renderVr, words } from "../vr/helpers";

describe("Learn", () => {
  it("opens from the first screen, lists every card, and shows one with its sources", async () => {
    render(<CalmSpace />);
    fireEvent.click(screen.getByRole("button", { name: "Learn" }));
    expect(await screen.findByRole("heading", { name: "Learn" })).toBeTruthy();
    for (const c of LEARNING_CARDS) expect(screen.getByRole("button", { name: c.title })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "When a friend is struggling" }));
    expect(screen.getByRole("heading", { name: "When a friend is struggling" })).toBeTruthy();
    expect(screen.getByText(/5 Action Steps to Help Someone Having Thoughts of Suicide/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "All cards" }));
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("heading", { name: "Choose a calm place" })).toBeTruthy();
  });

  it("in a headset: the list, then a card to read", async () => {
    const r = await renderVr(<LearnPanel />);
    await press(r, "Grounding: coming back to now");
    expect(words()).toContain("slowly press your feet into the floor");
    expect(words()).toContain("Sources: World Health Organization (2020)");
    await r.unmount();
  });
});
