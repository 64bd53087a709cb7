import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { closedMessage } from "../../../client/room/messages";
import RoomPage from "../../../client/room/RoomPage";
import type { ClosedReason } from "../../../client/room/roomStore";
import { useAppStore } from "../../../client/state/store";
import { CODE, fakeServices } from "./helpers";

/** Each way of being out of a circle, with the next step a person is offered besides going back to the calm space. */
const CASES: [ClosedReason, string[]][] = [
  ["unknown-code", ["Join"]],
  ["too-many-tries", ["Try again"]],
  ["bad-code", ["Join"]],
  ["ended", []],
  ["locked", ["Join again"]],
  ["full", ["Join again"]],
  ["agreement-outdated", ["Reload the page"]],
  ["invalid", ["Choose another name"]],
  ["not-signed-in", ["Sign in again", "Join as a participant instead"]],
  ["not-your-session", ["Join as a participant instead"]],
  ["removed", ["Talk to someone now"]],
  ["declined", ["Talk to someone now", "Join again"]],
  ["signed-out", ["Sign in again"]],
  ["flooded", ["Reload the page"]],
  ["left", ["Join again"]],
  ["lost", ["Join again"]],
  ["unreachable", ["Try again"]],
];

/** Every ClosedReason (the compiler checks this list is complete and has nothing else). */
const EVERY: Record<ClosedReason, true> = {
  "unknown-code": true,
  "too-many-tries": true,
  "bad-code": true,
  ended: true,
  locked: true,
  full: true,
  "agreement-outdated": true,
  invalid: true,
  "not-signed-in": true,
  "not-your-session": true,
  removed: true,
  declined: true,
  "signed-out": true,
  flooded: true,
  left: true,
  lost: true,
  unreachable: true,
};
const ALL_REASONS = Object.keys(EVERY) as ClosedReason[];

function renderClosed(reason: ClosedReason) {
  const services = fakeServices();
  services.store.setState({ code: CODE, phase: "closed", closedReason: reason, preview: { title: "T", environment: "shore", scheduledAt: null } });
  render(<RoomPage code={CODE} services={services} />);
  return services;
}

describe("out of the circle", () => {
  it("covers every way of being out of a circle", () => {
    expect(CASES.map(([reason]) => reason).sort()).toEqual([...ALL_REASONS].sort());
  });

  it.each(CASES)("%s: the kind words, and what to do next", (reason, next) => {
    renderClosed(reason);
    const { title, body } = closedMessage(reason);
    expect(screen.getByRole("heading", { name: title })).toBeTruthy();
    expect(screen.getByText(body)).toBeTruthy();
    const actions = screen.getByRole("heading", { name: title }).closest("section")!.querySelector(".actions")!;
    const offered = Array.from(actions.querySelectorAll("button, a")).map((el) => el.textContent);
    expect(offered).toEqual(next);
    expect(screen.getByRole("link", { name: "Back to the calm space" })).toBeTruthy();
    // Crisis help is one press away here too.
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("someone removed is offered people to talk to, in one press", () => {
    renderClosed("removed");
    fireEvent.click(screen.getByRole("button", { name: "Talk to someone now" }));
    expect(useAppStore.getState().crisisOpen).toBe(true);
  });

  it("after a locked or full circle, 'Join again' goes back to the name and colour, keeping them", () => {
    const { store } = renderClosed("locked");
    store.setState({ pseudonym: "Quiet Heron", look: "plum" });
    fireEvent.click(screen.getByRole("button", { name: "Join again" }));
    expect((screen.getByLabelText("A name for this circle") as HTMLInputElement).value).toBe("Quiet Heron");
    expect((screen.getByRole("radio", { name: "Plum" }) as HTMLInputElement).checked).toBe(true);
  });

  it("a facilitator whose session it is not may join as a participant, through the agreement", () => {
    const { store } = renderClosed("not-your-session");
    store.setState({ asFacilitator: true });
    fireEvent.click(screen.getByRole("button", { name: "Join as a participant instead" }));
    expect(store.getState().asFacilitator).toBe(false);
    expect(screen.getByRole("heading", { name: "Our group agreement" })).toBeTruthy();
  });
});
