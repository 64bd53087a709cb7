import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { person, renderInCircle } from "./helpers";

const PEOPLE = [
  person("f", 0, "River", "facilitator", { look: "sky" }),
  person("a", 1, "Gentle Fern", "participant", { look: "coral" }),
  person("b", 2, "Still Harbour"),
  person("me", 3, "Quiet Heron", "participant", { look: "plum" }),
];

const seat = (name: string) => screen.getByText(name, { selector: ".seat-name, .seat-name *" }).closest("li")!;

describe("the circle as DOM", () => {
  it("lists everyone in seat order, with this person marked", () => {
    renderInCircle(PEOPLE);
    const list = screen.getByRole("list", { name: "In the circle: 4 people" });
    const names = within(list).getAllByRole("listitem").map((li) => li.querySelector(".seat-name")!.textContent);
    expect(names).toEqual(["River", "Gentle Fern", "Still Harbour", "Quiet Heron (you)"]);
    expect(seat("River").textContent).toContain("Facilitator");
  });

  it("says who holds the piece, raised hands in order, muted, away and reconnecting", () => {
    const { store } = renderInCircle(PEOPLE);
    act(() =>
      store.setState((s) => ({
        pieceHolder: "b",
        handQueue: ["me", "a"],
        people: {
          ...s.people,
          a: { ...s.people.a!, handRaised: true, muted: true },
          me: { ...s.people.me!, handRaised: true },
          b: { ...s.people.b!, away: true, connected: false },
        },
      })),
    );
    expect(seat("Gentle Fern").textContent).toMatch(/Hand raised · 2nd.*Muted/);
    expect(seat("Quiet Heron").textContent).toMatch(/Hand raised · 1st/);
    expect(seat("Still Harbour").textContent).toMatch(/Has the talking piece.*Reconnecting…/);
    expect(document.querySelector(".piece-note")!.textContent).toBe("Still Harbour has the talking piece");
  });

  it("announces what happens in a polite log, reactions included, and not for people this person hid", () => {
    const { store } = renderInCircle(PEOPLE);
    const log = screen.getByRole("log");
    expect(log.getAttribute("aria-live")).toBe("polite");
    act(() => store.setState((s) => ({ people: { ...s.people, a: { ...s.people.a!, handRaised: true } }, handQueue: ["a"] })));
    act(() => store.setState({ reactions: [{ key: 1, from: "b", kind: "heart", at: 0 }] }));
    act(() => store.setState({ pieceHolder: "me" }));
    act(() => store.setState({ hidden: { b: true } }));
    act(() => store.setState({ reactions: [{ key: 2, from: "b", kind: "clap", at: 0 }] }));
    act(() => store.setState((s) => ({ people: { ...s.people, z: person("z", 4, "Misty Reed") } })));
    expect(Array.from(log.children).map((p) => p.textContent)).toEqual([
      "Gentle Fern raised a hand",
      "Still Harbour sent a heart",
      "You have the talking piece",
      "Misty Reed joined the circle",
    ]);
  });

  it("shows a reaction floating above the sender's seat", () => {
    const { store } = renderInCircle(PEOPLE);
    act(() => store.setState({ reactions: [{ key: 1, from: "a", kind: "wave", at: 0 }] }));
    expect(seat("Gentle Fern").querySelector(".seat-reaction")!.textContent).toContain("Wave");
  });

  it("shows 'Reconnecting…' while the connection is down, and keeps the circle on screen", () => {
    const { store } = renderInCircle(PEOPLE);
    act(() => store.setState({ phase: "reconnecting" }));
    expect(screen.getByText("Reconnecting…")).toBeTruthy();
    expect(screen.getByRole("list", { name: /In the circle/ })).toBeTruthy();
    act(() => store.setState({ phase: "in" }));
    expect(screen.queryByText("Reconnecting…")).toBeNull();
  });

  it("while the circle waits for the facilitator, offers breathing alone, on the circle's pacer", () => {
    const { store } = renderInCircle(PEOPLE, { session: { title: "T", status: "waiting", environment: "shore", locked: false, capacity: 8 } });
    expect(screen.getByText("The facilitator will open the circle soon")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Breathe on your own while you wait" }));
    expect(store.getState().waitingSince).toBeGreaterThanOrEqual(0);
    expect(screen.getByText("Breathing on your own")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Stop breathing on my own" }));
    expect(store.getState().waitingSince).toBe(-1);
    act(() => store.setState((s) => ({ session: { ...s.session, status: "open" } })));
    expect(screen.queryByText("The facilitator will open the circle soon")).toBeNull();
    expect(screen.getByRole("log").textContent).toContain("The circle is open");
  });

  it("tells a facilitator the circle waits for them instead", () => {
    renderInCircle(PEOPLE.map((p) => (p.id === "me" ? { ...p, role: "facilitator" as const } : p)), {
      session: { title: "T", status: "waiting", environment: "shore", locked: false, capacity: 8 },
    });
    expect(screen.getByText("The circle is waiting for you")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Breathe on your own while you wait" })).toBeNull();
  });

  it("shows a refused action's notice until dismissed", () => {
    const { store } = renderInCircle(PEOPLE);
    act(() => store.setState({ notice: "That can't be done right now." }));
    expect(screen.getByText("That can't be done right now.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(store.getState().notice).toBe("");
  });
});
