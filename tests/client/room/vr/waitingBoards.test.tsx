import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Role } from "../../../../core/protocol";
import { useChatStore } from "../../../../client/room/chat";
import { type RoomState } from "../../../../client/room/roomStore";
import { useAppStore } from "../../../../client/state/store";
import { hasButton, press, settle, words, type Renderer } from "../../vr/helpers";
import { fern, labels, renderBoards, robin, update } from "./boardsHarness";

let current: Renderer | null = null;
afterEach(async () => {
  await current?.unmount();
  current = null;
  useAppStore.setState({ crisisOpen: false });
  useChatStore.getState().reset();
});

describe("waiting in a headset", () => {
  const knocking = { knocking: true, session: { title: "Thursday evening circle", status: "waiting", environment: "forest", locked: false, capacity: 8 } } as const;

  it("waiting to be let in: says so, offers nothing of the circle, and breathing alone with the orb meanwhile, the board folded to its buttons", async () => {
    const { r, store } = await renderBoards(Role.participant, [], knocking);
    current = r;
    expect(words()).toContain("Waiting to be let in");
    expect(words()).toContain("Until then nobody in the circle sees or hears you");
    for (const label of ["Raise hand", "I need a moment", "Circle", "People", "Chat", "You"]) expect(labels(), label).not.toContain(label);
    expect(labels()).toEqual(expect.arrayContaining(["Breathe on your own while you wait", "Exit VR", "Stop waiting", "Need help now?"]));
    await press(r, "Breathe on your own while you wait");
    expect(store.getState().waitingSince).toBeGreaterThanOrEqual(0);
    // The board folds down to its buttons, out of the way of the orb and its caption; the ways out stay.
    expect(words()).not.toContain("Waiting to be let in");
    expect(words()).not.toContain("Until then nobody in the circle sees or hears you");
    expect(labels()).toEqual(expect.arrayContaining(["Stop breathing on my own", "Exit VR", "Stop waiting", "Need help now?"]));
    await press(r, "Stop breathing on my own");
    expect(store.getState().waitingSince).toBe(-1);
    expect(labels()).toContain("Breathe on your own while you wait");
    expect(words()).toContain("Waiting to be let in");
  });

  it("waiting to be let in: crisis help takes the board's place, and closing it brings the board back", async () => {
    const { r } = await renderBoards(Role.participant, [], knocking);
    current = r;
    await press(r, "Need help now?");
    expect(hasButton(r, "Next region")).toBe(true);
    expect(words()).not.toContain("Waiting to be let in");
    await press(r, "Close");
    expect(useAppStore.getState().crisisOpen).toBe(false);
    expect(words()).toContain("Waiting to be let in");
  });

  it("stops waiting only after asking", async () => {
    const { r, services } = await renderBoards(Role.participant, [], knocking);
    current = r;
    await press(r, "Stop waiting");
    expect(services.leave).not.toHaveBeenCalled();
    expect(words()).toContain("Stop waiting to be let in? You can knock again with the same code.");
    await press(r, "Cancel: Stop waiting");
    expect(services.leave).not.toHaveBeenCalled();
    await press(r, "Stop waiting");
    await press(r, "Confirm: Stop waiting");
    expect(services.leave).toHaveBeenCalledOnce();
  });

  it("once let in, the boards of the circle come, and breathing alone goes on", async () => {
    const { r, store } = await renderBoards(Role.participant, [robin], knocking);
    current = r;
    await press(r, "Breathe on your own while you wait");
    await update(store, { knocking: false });
    await settle(r);
    expect(labels()).toEqual(expect.arrayContaining(["Raise hand", "You", "Circle", "Stop breathing on my own"]));
    expect(words()).toContain("The facilitator will open the circle soon");
    expect(store.getState().waitingSince).toBeGreaterThanOrEqual(0);
  });

  it("before the circle opens, this person's own board says so and starts breathing alone; the Circle board says it too", async () => {
    const { r, store } = await renderBoards(Role.participant, [robin], { session: knocking.session });
    current = r;
    expect(words()).toContain("The facilitator will open the circle soon");
    expect(words()).toContain("You're in, and your seat is kept. Take your time to settle.");
    await press(r, "Breathe on your own while you wait");
    expect(store.getState().waitingSince).toBeGreaterThanOrEqual(0);
    // The board folds away so it does not stand in front of the orb; the tabs and crisis help stay.
    expect(labels()).not.toContain("Raise hand");
    expect(labels()).toEqual(expect.arrayContaining(["You", "Circle", "Need help now?"]));
    await press(r, "You");
    expect(labels()).toContain("Stop breathing on my own");
    expect(words()).toContain("Breathing on your own — follow the orb in the middle of the circle.");
    await press(r, "Circle");
    expect(words()).toContain("Breathing on your own while the circle waits");
  });

  it("tells a facilitator the circle waits for them, with no breathing alone", async () => {
    const { r } = await renderBoards(Role.facilitator, [fern], { session: knocking.session });
    current = r;
    expect(words()).toContain("The circle is waiting for you");
    expect(labels()).not.toContain("Breathe on your own while you wait");
  });

  it("once the circle is open, nothing about waiting is left on the board", async () => {
    const { r } = await renderBoards(Role.participant, [robin]);
    current = r;
    expect(words()).not.toContain("The facilitator will open the circle soon");
    expect(labels()).not.toContain("Breathe on your own while you wait");
  });
});

describe("crisis help in a headset is one press away on every board", () => {
  const waiting = { title: "Thursday evening circle", status: "waiting", environment: "forest", locked: false, capacity: 8 } as const;
  const asked = { checkIns: { before: { state: "idle", value: null }, after: { state: "idle", value: null } } } as const;
  const CASES: [string, Role, Partial<RoomState>, string[]][] = [
    ["waiting to be let in", Role.participant, { knocking: true, session: waiting }, []],
    ["the circle waiting to open", Role.participant, { session: waiting }, []],
    ["the check-in", Role.participant, asked, []],
    ["your own board", Role.participant, {}, []],
    ["leaving, asked", Role.participant, {}, ["Leave the circle"]],
    ["the circle", Role.participant, {}, ["Circle"]],
    ["people", Role.participant, {}, ["People"]],
    ["reporting someone", Role.participant, {}, ["People", "Report Robin"]],
    ["chat", Role.participant, {}, ["Chat"]],
    ["the console", Role.facilitator, {}, ["Console"]],
    ["the boards folded away", Role.participant, {}, ["You"]],
    ["reconnecting", Role.participant, { phase: "reconnecting" }, []],
  ];

  it.each(CASES)("%s", async (_name, role, state, path) => {
    const { r } = await renderBoards(role, role === Role.participant ? [robin] : [fern], state);
    current = r;
    for (const step of path) await press(r, step);
    expect(labels()).toContain("Need help now?");
    await press(r, "Need help now?");
    expect(useAppStore.getState().crisisOpen).toBe(true);
    expect(hasButton(r, "Next region")).toBe(true);
  });

  it.each(["removed", "ended", "declined", "lost"] as const)("out of the circle (%s)", async (reason) => {
    const { r, store } = await renderBoards(Role.participant, [robin]);
    current = r;
    await act(async () => store.getState().close(reason));
    await settle(r);
    await press(r, "Need help now?");
    expect(useAppStore.getState().crisisOpen).toBe(true);
    expect(hasButton(r, "Next region")).toBe(true);
  });
});
