import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useAppStore } from "../../../client/state/store";
import { person, renderInCircle } from "./helpers";

const PEOPLE = [person("f", 0, "River", "facilitator"), person("a", 1, "Gentle Fern"), person("me", 2, "Quiet Heron")];
const key = (k: string, target: Element = document.body) => fireEvent.keyDown(target, { key: k });
const sent = (link: { sent: { type: string; payload: unknown }[] }) => link.sent.map((m) => m.type);

describe("the room's toolbar", () => {
  it("raises the hand, then shows the place in line and lowers it", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "Raise hand" }));
    expect(sent(link)).toEqual(["raiseHand"]);
    act(() => store.setState((s) => ({ people: { ...s.people, me: { ...s.people.me!, handRaised: true } }, handQueue: ["a", "me"] })));
    fireEvent.click(screen.getByRole("button", { name: "Lower hand 2nd in line" }));
    expect(sent(link)).toEqual(["raiseHand", "lowerHand"]);
  });

  it("sends a reaction from its menu, which closes and gives focus back", () => {
    const { link } = renderInCircle(PEOPLE);
    const toggle = screen.getByRole("button", { name: "React" });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const menu = screen.getByRole("group", { name: "Reactions" });
    expect(within(menu).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Close", "Heart", "Wave", "Me too", "Clap"]);
    expect(document.activeElement?.textContent?.trim()).toBe("Heart");
    fireEvent.click(within(menu).getByRole("button", { name: "Me too" }));
    expect(link.sent).toEqual([{ type: "react", payload: { kind: "metoo" } }]);
    expect(screen.queryByRole("group", { name: "Reactions" })).toBeNull();
  });

  it("steps away and back", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "Step away" }));
    act(() => store.setState((s) => ({ people: { ...s.people, me: { ...s.people.me!, away: true } } })));
    fireEvent.click(screen.getByRole("button", { name: "I'm back" }));
    expect(sent(link)).toEqual(["stepAway", "stepBack"]);
  });

  it("'I need a moment' tells the facilitators, opens crisis help at once, and shows when it was seen", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "I need a moment" }));
    expect(sent(link)).toEqual(["needMoment"]);
    expect(useAppStore.getState().crisisOpen).toBe(true);
    expect(screen.getByText(/Telling the facilitators privately/)).toBeTruthy();
    act(() => store.setState({ moment: "waiting" }));
    expect(screen.getByText(/No facilitator is connected right now/)).toBeTruthy();
    // Asking again before it is seen opens help again without a second alert.
    act(() => useAppStore.getState().closeCrisis());
    fireEvent.click(screen.getByRole("button", { name: "I need a moment" }));
    expect(sent(link)).toEqual(["needMoment"]);
    expect(useAppStore.getState().crisisOpen).toBe(true);
    act(() => store.setState({ moment: "seen" }));
    expect(screen.getByText("A facilitator has seen that you need a moment.")).toBeTruthy();
  });

  it("silences this person's cues and switches the personal-space bubble from 'More'", () => {
    const { store } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "More" }));
    const cues = screen.getByRole("button", { name: "Silence my cues" });
    expect(cues.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(cues);
    expect(store.getState().cuesSilenced).toBe(true);
    expect(cues.getAttribute("aria-pressed")).toBe("true");
    const bubble = screen.getByRole("button", { name: "Personal space" });
    expect(bubble.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(bubble);
    expect(store.getState().bubble).toBe(false);
  });

  it("leaves only after asking", () => {
    const { services } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "More" }));
    fireEvent.click(screen.getByRole("button", { name: "Leave the circle" }));
    fireEvent.click(screen.getByRole("button", { name: "Stay" }));
    expect(services.leave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "More" }));
    fireEvent.click(screen.getByRole("button", { name: "Leave the circle" }));
    fireEvent.click(screen.getByRole("button", { name: "Leave" }));
    expect(services.leave).toHaveBeenCalledTimes(1);
  });

  it("closes a menu with Escape and puts focus back on its button", () => {
    renderInCircle(PEOPLE);
    const toggle = screen.getByRole("button", { name: "People" });
    fireEvent.click(toggle);
    const panel = screen.getByRole("group", { name: "People" });
    expect(panel.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("group", { name: "People" })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});

describe("people: hide, report, pass the piece", () => {
  it("hides someone on this device only, and shows them again", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "People" }));
    const hide = screen.getByRole("button", { name: "Hide Gentle Fern" });
    fireEvent.click(hide);
    expect(store.getState().hidden).toEqual({ a: true });
    expect(hide.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(hide);
    expect(store.getState().hidden).toEqual({});
    expect(link.sent).toEqual([]);
  });

  it("reports someone with a reason from the list and the last minute of room events", () => {
    const { store, link } = renderInCircle(PEOPLE);
    act(() => store.setState({ reactions: [{ key: 1, from: "a", kind: "clap", at: 0 }] }));
    fireEvent.click(screen.getByRole("button", { name: "People" }));
    fireEvent.click(screen.getByRole("button", { name: "Report Gentle Fern" }));
    expect(screen.getByRole("group", { name: "Why are you reporting Gentle Fern?" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Send report" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: "Makes me feel unsafe" }));
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    expect(link.sent).toHaveLength(1);
    const report = link.sent[0]!;
    expect(report.type).toBe("report");
    expect(report.payload).toMatchObject({ target: "a", reason: "unsafe", events: [{ kind: "reaction", who: "a", reaction: "clap" }] });
    expect(screen.getByText(/goes privately to the facilitators/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Hide Gentle Fern too" }));
    expect(store.getState().hidden).toEqual({ a: true });
    act(() => store.setState({ reportStatus: "delivered" }));
    expect(screen.getByText("Your report reached the facilitators.")).toBeTruthy();
  });

  it("offers to pass the talking piece only while holding it", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "People" }));
    expect(screen.queryByRole("button", { name: "Pass the talking piece to Gentle Fern" })).toBeNull();
    act(() => store.setState({ pieceHolder: "me" }));
    fireEvent.click(screen.getByRole("button", { name: "Pass the talking piece to Gentle Fern" }));
    expect(link.sent).toEqual([{ type: "passPiece", payload: { to: "a" } }]);
  });
});

describe("keyboard shortcuts", () => {
  it("act with one key, and list themselves in a help panel (not always on screen)", () => {
    const { link } = renderInCircle(PEOPLE);
    expect(screen.queryByRole("group", { name: "Keyboard shortcuts" })).toBeNull();
    key("h");
    key("1");
    key("4");
    key("a");
    expect(link.sent).toEqual([
      { type: "raiseHand", payload: undefined },
      { type: "react", payload: { kind: "heart" } },
      { type: "react", payload: { kind: "clap" } },
      { type: "stepAway", payload: undefined },
    ]);
    key("?");
    const help = screen.getByRole("group", { name: "Keyboard shortcuts" });
    const keys = Array.from(help.querySelectorAll("kbd")).map((k) => k.textContent);
    expect(keys).toEqual(["H", "1", "2", "3", "4", "R", "A", "N", "C", "B", "T", "P", "L", "?"]);
    key("r");
    expect(screen.getByRole("group", { name: "Reactions" })).toBeTruthy();
  });

  it("'N' asks for a moment and opens crisis help; 'L' only asks whether to leave", () => {
    const { link, services } = renderInCircle(PEOPLE);
    key("n");
    expect(sent(link)).toEqual(["needMoment"]);
    expect(useAppStore.getState().crisisOpen).toBe(true);
    act(() => useAppStore.getState().closeCrisis());
    key("l");
    expect(screen.getByRole("group", { name: "Leave the circle" })).toBeTruthy();
    expect(services.leave).not.toHaveBeenCalled();
  });

  it("do nothing while typing, with a modifier, while crisis help is open, or once turned off", () => {
    const { store, link } = renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "People" }));
    fireEvent.click(screen.getByRole("button", { name: "Report Gentle Fern" }));
    key("h", screen.getByRole("radio", { name: "Something else" }));
    fireEvent.keyDown(document.body, { key: "h", ctrlKey: true });
    act(() => useAppStore.getState().openCrisis());
    key("h");
    act(() => useAppStore.getState().closeCrisis());
    act(() => store.setState({ shortcuts: false }));
    key("h");
    expect(link.sent).toEqual([]);
  });

  it("can be turned off from their help panel", () => {
    const { store } = renderInCircle(PEOPLE);
    key("?");
    fireEvent.click(screen.getByRole("checkbox", { name: "Use single-key shortcuts" }));
    expect(store.getState().shortcuts).toBe(false);
  });
});
