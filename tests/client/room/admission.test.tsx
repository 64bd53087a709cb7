import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { bindCircle, type PatchSource, type PoseSource } from "../../../client/room/bindCircle";
import { createCircleFrame } from "../../../client/room/circleFrame";
import { createRoomStore } from "../../../client/room/roomStore";
import { CircleState, Knocker, Participant } from "../../../server/rooms/CircleState";
import { person, renderInCircle } from "./helpers";

const knocks = [
  { id: "k1", pseudonym: "Quiet Fox", look: "sky" as const },
  { id: "k2", pseudonym: "Soft Rain", look: "sand" as const },
];

describe("the console's waiting area", () => {
  it("lists who is knocking with Admit and Decline for each, and sends them", () => {
    const { link } = renderInCircle([person("me", 0, "River", "facilitator"), person("a", 1, "Gentle Fern")], { knocks });
    const list = screen.getByRole("list", { name: "Waiting to be let in" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      expect.stringContaining("Quiet Fox"),
      expect.stringContaining("Soft Rain"),
    ]);
    expect(screen.getByRole("heading", { name: /Facilitator console 2 waiting/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Admit Quiet Fox" }));
    fireEvent.click(screen.getByRole("button", { name: "Decline Soft Rain" }));
    expect(link.sent).toEqual([
      { type: "admit", payload: { target: "k1" } },
      { type: "decline", payload: { target: "k2" } },
    ]);
  });

  it("has an Admission switch for the facilitator that turns it off", () => {
    const { link, store } = renderInCircle([person("me", 0, "River", "facilitator")], { admission: true });
    const toggle = screen.getByRole("switch", { name: "Admission" }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(screen.getByText(/Nobody is waiting/)).toBeTruthy();
    fireEvent.click(toggle);
    expect(link.sent).toEqual([{ type: "setAdmission", payload: { on: false } }]);
    act(() => store.setState({ admission: false }));
    expect(screen.getByText(/Admission is off/)).toBeTruthy();
  });

  it("a co-facilitator admits, with the switch greyed", () => {
    const { link } = renderInCircle([person("f", 0, "River", "facilitator"), person("me", 1, "Misty Reed", "cofacilitator")], { knocks });
    expect((screen.getByRole("switch", { name: "Admission" }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Admit Soft Rain" }));
    expect(link.sent).toEqual([{ type: "admit", payload: { target: "k2" } }]);
  });

  it("is not shown to a participant", () => {
    renderInCircle([person("f", 0, "River", "facilitator"), person("me", 1, "Gentle Fern")], { knocks });
    expect(screen.queryByRole("button", { name: "Admit Quiet Fox" })).toBeNull();
  });
});

describe("waiting to be let in", () => {
  it("says so, shows nobody and no circle actions, and offers breathing alone or leaving", () => {
    const { services, store } = renderInCircle([], { knocking: true });
    expect(screen.getByRole("heading", { name: "Waiting to be let in" })).toBeTruthy();
    expect(screen.queryByRole("list", { name: /In the circle/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Raise hand/i })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Breathe on your own while you wait" }));
    expect(store.getState().waitingSince).toBeGreaterThanOrEqual(0);
    fireEvent.click(screen.getByRole("button", { name: "Stop waiting" }));
    expect(services.leave).toHaveBeenCalled();
  });

  it("follows the room: knocks into the store for a facilitator, and seated ends the waiting", () => {
    const state = new CircleState();
    const me = new Participant();
    me.role = "facilitator";
    state.participants.set("me", me);
    const k = new Knocker();
    k.pseudonym = "Quiet Fox";
    k.look = "sky";
    state.knocking.set("k1", k);
    state.session.admission = false;
    const listeners: ((s: CircleState) => void)[] = [];
    const source: PatchSource & PoseSource = {
      sessionId: "me",
      state,
      onStateChange: Object.assign((cb: (s: CircleState) => void) => listeners.push(cb), { remove: () => undefined }),
      onMessage: () => () => undefined,
    };
    const store = createRoomStore();
    store.setState({ knocking: true });
    const stop = bindCircle(source, store, createCircleFrame());
    expect(store.getState().knocks).toEqual([{ id: "k1", pseudonym: "Quiet Fox", look: "sky" }]);
    expect(store.getState().admission).toBe(false);
    expect(store.getState().knocking).toBe(false);
    const before = store.getState().knocks;
    listeners.forEach((l) => l(state));
    expect(store.getState().knocks).toBe(before);
    state.knocking.delete("k1");
    listeners.forEach((l) => l(state));
    expect(store.getState().knocks).toEqual([]);
    stop();
  });
});
