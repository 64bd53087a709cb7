import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { markCheckInCounted } from "../../../client/room/checkIns";
import { listSessions } from "../../../client/practice/history";
import { person, renderInCircle } from "./helpers";

const PEOPLE = [person("f", 0, "River", "facilitator"), person("me", 1, "Quiet Heron")];

describe("the group check-in", () => {
  it("asks before, sends only the number, then asks after the exercise and shows this person's own change", async () => {
    const { store, link } = renderInCircle(PEOPLE);
    expect(screen.getByText("Before we breathe together: how do you feel right now?")).toBeTruthy();
    const answer = screen.getByRole("button", { name: "Answer" }) as HTMLButtonElement;
    expect(answer.disabled).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "4" }));
    fireEvent.click(answer);
    expect(link.sent).toEqual([{ type: "checkIn", payload: { phase: "before", value: 4 } }]);
    act(() => markCheckInCounted(store, "before"));
    expect(screen.queryByRole("radiogroup")).toBeNull();
    // The exercise runs and ends.
    act(() => store.setState({ finished: { patternId: "box", practisedMs: 64_000, endedAt: Date.UTC(2026, 0, 5) } }));
    expect(screen.getByText("How do you feel now?")).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "7" }));
    fireEvent.click(screen.getByRole("button", { name: "Answer" }));
    expect(link.sent.at(-1)).toEqual({ type: "checkIn", payload: { phase: "after", value: 7 } });
    expect(screen.getByText("4 to 7, up 3")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save to my history on this device" }));
    await waitFor(() => expect(screen.getByText(/Saved to your history/)).toBeTruthy());
    const [saved] = await listSessions();
    expect(saved).toMatchObject({ exerciseId: "box", exerciseName: "Box breathing, in a circle", minutes: 1.1, before: 4, after: 7 });
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByText(/How you feel/)).toBeNull();
  });

  it("can be skipped: nothing is sent, and no change is shown", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "Skip" }));
    act(() => store.setState({ finished: { patternId: "box", practisedMs: 16_000, endedAt: 1 } }));
    fireEvent.click(screen.getByRole("button", { name: "Skip" }));
    expect(link.sent).toEqual([]);
    expect(screen.queryByRole("radiogroup")).toBeNull();
    expect(screen.queryByText(/How you feel/)).toBeNull();
  });

  it("is not asked of the facilitator, nor before the circle opens", () => {
    renderInCircle([person("me", 0, "River", "facilitator")]);
    expect(screen.queryByRole("radiogroup")).toBeNull();
  });

  it("waits for the circle to open", () => {
    const { store } = renderInCircle(PEOPLE, { session: { title: "T", status: "waiting", environment: "shore", locked: false, capacity: 8 } });
    expect(screen.queryByRole("radiogroup")).toBeNull();
    act(() => store.setState((s) => ({ session: { ...s.session, status: "open" } })));
    expect(screen.getByRole("radiogroup")).toBeTruthy();
  });
});
