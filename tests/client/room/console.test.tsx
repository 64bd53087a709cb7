import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "../../../core/protocol";
import { useChatStore } from "../../../client/room/chat";
import { person, renderInCircle } from "./helpers";

function circleWith(myRole: Role, status: "waiting" | "open" = "open") {
  const people = [
    person("f", 0, "River", "facilitator"),
    person("c", 1, "Misty Reed", "cofacilitator"),
    person("a", 2, "Gentle Fern"),
    person("b", 3, "Still Harbour", "participant", { muted: true }),
  ];
  const me = myRole === "facilitator" ? "f" : myRole === "cofacilitator" ? "c" : "a";
  const view = renderInCircle(people.map((p) => (p.id === me ? { ...p, id: "me" } : p)), {
    session: { title: "T", status, environment: "forest", locked: false, capacity: 8 },
  });
  return view;
}
const button = (name: string | RegExp) => screen.getByRole("button", { name }) as HTMLButtonElement;
const types = (link: { sent: { type: string }[] }) => link.sent.map((m) => m.type);

afterEach(() => useChatStore.getState().reset());

describe("the facilitator console", () => {
  it("is not there for a participant", () => {
    circleWith("participant");
    expect(screen.queryByRole("complementary", { name: /console/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Open the circle" })).toBeNull();
  });

  it("opens the circle, locks it and mutes everyone", () => {
    const { link, store } = circleWith("facilitator", "waiting");
    fireEvent.click(button("Open the circle"));
    fireEvent.click(button("Lock to new people"));
    fireEvent.click(button("Mute all participants"));
    expect(types(link)).toEqual(["openCircle", "lock", "muteAll"]);
    act(() => store.setState((s) => ({ session: { ...s.session, locked: true, status: "open" } })));
    expect(screen.queryByRole("button", { name: "Open the circle" })).toBeNull();
    fireEvent.click(button("Unlock"));
    expect(types(link).at(-1)).toBe("unlock");
  });

  it("acts on one person: mute, unmute, give the piece, promote, demote, remove after asking", () => {
    const { link } = circleWith("facilitator");
    fireEvent.click(button("Mute Gentle Fern"));
    fireEvent.click(button("Unmute Still Harbour"));
    fireEvent.click(button("Give the talking piece to Gentle Fern"));
    fireEvent.click(button("Make Gentle Fern a co-facilitator"));
    fireEvent.click(button("Make Misty Reed a participant again"));
    fireEvent.click(button("Remove Gentle Fern"));
    expect(screen.getByText(/Remove Gentle Fern from the circle\?/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole("group", { name: /Remove Gentle Fern/ })).getByRole("button", { name: "Remove" }));
    expect(link.sent).toEqual([
      { type: "mute", payload: { target: "a" } },
      { type: "unmute", payload: { target: "b" } },
      { type: "givePiece", payload: { to: "a" } },
      { type: "promote", payload: { target: "a" } },
      { type: "demote", payload: { target: "c" } },
      { type: "remove", payload: { target: "a" } },
    ]);
  });

  it("shows a co-facilitator the console without promote, demote or end, greying what the server would refuse", () => {
    circleWith("cofacilitator");
    expect(screen.getByRole("heading", { name: "Co-facilitator console" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /co-facilitator$|participant again/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "End the session" })).toBeNull();
    // Nobody below the facilitator acts on the facilitator; a co-facilitator mutes and removes participants only.
    expect(button("Mute River").disabled).toBe(true);
    expect(button("Remove River").disabled).toBe(true);
    expect(button("Mute Gentle Fern").disabled).toBe(false);
    expect(button("Remove Gentle Fern").disabled).toBe(false);
    // The talking piece may go to anyone.
    expect(button("Give the talking piece to River").disabled).toBe(false);
  });

  it("ends the session only after asking", () => {
    const { link } = circleWith("facilitator");
    fireEvent.click(button("End the session"));
    fireEvent.click(button("Cancel"));
    expect(document.activeElement).toBe(button("End the session"));
    expect(link.sent).toEqual([]);
    fireEvent.click(button("End the session"));
    fireEvent.click(button("End session"));
    expect(types(link)).toEqual(["endSession"]);
  });

  it("starts a group exercise with the chosen pattern and cycles, and stops it", () => {
    const { link, store } = circleWith("facilitator");
    fireEvent.change(screen.getByLabelText("Pattern"), { target: { value: "478" } });
    fireEvent.change(screen.getByLabelText("Cycles"), { target: { value: "4" } });
    fireEvent.click(button("Start together"));
    expect(link.sent).toEqual([{ type: "startPractice", payload: { patternId: "478", cycles: 4 } }]);
    fireEvent.change(screen.getByLabelText("Cycles"), { target: { value: "31" } });
    expect(button("Start together").disabled).toBe(true);
    act(() => store.setState({ practice: { patternId: "478", cycles: 4, startedAt: 1, running: true } }));
    fireEvent.click(button("Stop"));
    expect(types(link).at(-1)).toBe("stopPractice");
  });

  it("moves the circle to another place, and cannot 'move' it to where it is", () => {
    const { link } = circleWith("facilitator");
    expect(screen.getByLabelText<HTMLSelectElement>("Place").value).toBe("forest");
    expect(button("Change place").disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Place"), { target: { value: "night" } });
    fireEvent.click(button("Change place"));
    expect(link.sent).toEqual([{ type: "setEnvironment", payload: { environment: "night" } }]);
  });

  it("cannot start an exercise before the circle is open", () => {
    circleWith("facilitator", "waiting");
    expect(button("Start together").disabled).toBe(true);
  });

  it("lists raised hands in order, calls the next one, and takes the piece", () => {
    const { link, store } = circleWith("facilitator");
    expect(button("Call next").disabled).toBe(true);
    act(() => store.setState({ handQueue: ["b", "a"] }));
    const queue = screen.getByRole("list", { name: "Raised hands, first raised first" });
    expect(within(queue).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Still Harbour", "Gentle Fern"]);
    fireEvent.click(button("Call next: Still Harbour"));
    fireEvent.click(button("Take the piece"));
    expect(types(link)).toEqual(["callNext", "takePiece"]);
  });

  it("shows private alerts with pseudonym and seat, and marks them seen", () => {
    const { link, store } = circleWith("facilitator");
    act(() =>
      store.setState({
        alerts: [
          { id: "m1", kind: "moment", from: "a", pseudonym: "Gentle Fern", seat: 2, at: 0, seen: false },
          {
            id: "r1",
            kind: "report",
            from: "a",
            pseudonym: "Gentle Fern",
            seat: 2,
            target: "b",
            targetPseudonym: "Still Harbour",
            reason: "unkind",
            events: [{ ago: 2000, kind: "reaction", who: "b", reaction: "clap" }],
            at: 0,
            seen: false,
          },
        ],
      }),
    );
    expect(screen.getByRole("heading", { name: "Facilitator console 2 new" })).toBeTruthy();
    const alerts = screen.getByRole("region", { name: /Private alerts/ });
    expect(alerts.textContent).toContain("Gentle Fern (seat 2) needs a moment.");
    expect(alerts.textContent).toContain("Gentle Fern (seat 2) reported Still Harbour: unkind or hurtful.");
    expect(alerts.textContent).toContain("Still Harbour clapped (2 s before)");
    fireEvent.click(within(alerts).getAllByRole("button", { name: "Mark as seen" }).at(-1)!);
    expect(link.sent).toEqual([{ type: "markSeen", payload: { id: "m1" } }]);
  });

  it("shows among the private alerts, at the top, who may need support and which message was reported, and counts them", () => {
    const { link } = circleWith("facilitator");
    expect(screen.getByText(/words of crisis in the chat appear here/)).toBeTruthy();
    act(() =>
      useChatStore.setState({
        alerts: [
          { id: "s1", kind: "support", from: "a", pseudonym: "Gentle Fern", at: 0, seen: false },
          { id: "c1", kind: "chatReport", from: "b", pseudonym: "Still Harbour", reason: "unkind", quote: { from: "a", pseudonym: "Gentle Fern", text: "rude words" }, at: 1, seen: false },
        ],
      }),
    );
    expect(screen.getByRole("heading", { name: "Facilitator console 2 new" })).toBeTruthy();
    const alerts = screen.getByRole("region", { name: /Private alerts/ });
    expect(within(alerts).getByRole("heading", { name: "Private alerts 2 new" })).toBeTruthy();
    const items = within(within(alerts).getByRole("list", { name: "From the chat" })).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining("Still Harbour reported a message from Gentle Fern (unkind or hurtful): rude words"), expect.stringContaining("Gentle Fern may need support.")]);
    fireEvent.click(within(items[1]!).getByRole("button", { name: "Mark as seen" }));
    expect(link.sent).toEqual([{ type: "markSeen", payload: { id: "s1" } }]);
    expect(screen.getByRole("heading", { name: "Facilitator console 1 new" })).toBeTruthy();
  });
});
