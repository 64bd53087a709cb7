import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Role } from "../../../../core/protocol";
import { useChatStore } from "../../../../client/room/chat";
import { markCheckInCounted } from "../../../../client/room/checkIns";
import { closedMessage } from "../../../../client/room/messages";
import { defaultCycles } from "../../../../client/room/consoleActions";
import { type RoomState } from "../../../../client/room/roomStore";
import { useAppStore } from "../../../../client/state/store";
import { xrButtonActions } from "../../../../client/xr/buttonActions";
import { hasButton, press, settle, words, type Renderer } from "../../vr/helpers";
import { fern, labels, oak, renderBoards, robin, update } from "./boardsHarness";

let current: Renderer | null = null;
afterEach(async () => {
  await current?.unmount();
  current = null;
  useAppStore.setState({ crisisOpen: false });
  useChatStore.getState().reset();
});

describe("the room in a headset: a participant's boards", () => {
  it("shows this person's own board first, with crisis help on the tab bar, and no console", async () => {
    const { r } = await renderBoards(Role.participant, [robin, fern]);
    current = r;
    for (const label of ["You", "Circle", "People", "Chat", "Need help now?", "Raise hand", "Step away", "I need a moment", "Me too", "Heart", "Wave", "Clap", "Silence my cues", "Personal space", "Recenter", "Exit VR", "Leave the circle"]) {
      expect(labels(), label).toContain(label);
    }
    expect(labels()).not.toContain("Console");
  });

  it("raises a hand, then shows its place in line and lowers it", async () => {
    const { r, store, link } = await renderBoards(Role.participant, [robin, fern]);
    current = r;
    await press(r, "Raise hand");
    expect(link.sent.at(-1)).toEqual({ type: "raiseHand", payload: undefined });
    await update(store, (s) => ({ people: { ...s.people, me: { ...s.people.me!, handRaised: true } }, handQueue: ["fern", "me"] }));
    await settle(r);
    expect(words()).toContain("Lower hand · 2nd in line");
    await press(r, "Lower hand");
    expect(link.sent.at(-1)?.type).toBe("lowerHand");
  });

  it("reacts, steps away, and silences cues and personal space on this device", async () => {
    const { r, store, link } = await renderBoards(Role.participant, [robin]);
    current = r;
    await press(r, "Heart");
    expect(link.sent.at(-1)).toEqual({ type: "react", payload: { kind: "heart" } });
    await press(r, "Step away");
    expect(link.sent.at(-1)?.type).toBe("stepAway");
    await press(r, "Silence my cues");
    await press(r, "Personal space");
    expect(store.getState()).toMatchObject({ cuesSilenced: true, bubble: false });
  });

  it("'I need a moment' tells the facilitators and puts crisis help in front at once", async () => {
    const { r, store, link } = await renderBoards(Role.participant, [robin]);
    current = r;
    await press(r, "I need a moment");
    expect(link.sent.at(-1)?.type).toBe("needMoment");
    expect(useAppStore.getState().crisisOpen).toBe(true);
    await settle(r);
    expect(words()).toContain("Telling the facilitators privately that you need a moment…");
    expect(hasButton(r, "Next region")).toBe(true);
    expect(hasButton(r, "Raise hand")).toBe(false);
    await update(store, { moment: "seen" });
    await settle(r);
    expect(words()).toContain("A facilitator has seen that you need a moment.");
    await press(r, "Close");
    expect(useAppStore.getState().crisisOpen).toBe(false);
    expect(hasButton(r, "Raise hand")).toBe(true);
  });

  it("opens crisis help from the tab bar; A/X silences this person's cues while the boards are up, and pauses the calm space again after", async () => {
    const { r, store } = await renderBoards(Role.participant, [robin]);
    current = r;
    await press(r, "Need help now?");
    expect(useAppStore.getState().crisisOpen).toBe(true);
    await act(async () => useAppStore.setState({ crisisOpen: false }));
    await act(async () => xrButtonActions.primary());
    expect(store.getState().cuesSilenced).toBe(true);
    await r.unmount();
    current = null;
    // Outside the room, A/X is the calm space's pause again.
    xrButtonActions.primary();
    expect(store.getState().cuesSilenced).toBe(true);
  });

  it("leaves only after asking", async () => {
    const { r, services } = await renderBoards(Role.participant, [robin]);
    current = r;
    await press(r, "Leave the circle");
    expect(services.leave).not.toHaveBeenCalled();
    expect(words()).toContain("Leave the circle?");
    await press(r, "Stay");
    await press(r, "Leave the circle");
    await press(r, "Leave");
    expect(services.leave).toHaveBeenCalledOnce();
  });

  it("shows who holds the piece and the raised hands in order", async () => {
    const { r } = await renderBoards(Role.participant, [robin, fern], { pieceHolder: "robin", handQueue: ["fern", "me"] });
    current = r;
    await press(r, "Circle");
    expect(words()).toContain("Robin has the talking piece.");
    expect(words()).toMatch(/1\. Gentle Fern\n2\. Still Water \(you\)/);
    expect(words()).toContain("No shared exercise right now");
  });

  it("hides someone and reports them with a reason from the list", async () => {
    const { r, store, link } = await renderBoards(Role.participant, [robin, fern]);
    current = r;
    await press(r, "People");
    await press(r, "Hide Gentle Fern");
    expect(store.getState().hidden).toEqual({ fern: true });
    await press(r, "Report Gentle Fern");
    await press(r, "Send report");
    expect(link.sent.some((m) => m.type === "report")).toBe(false);
    await press(r, "Makes me feel unsafe");
    await press(r, "Send report");
    expect(link.sent.at(-1)).toMatchObject({ type: "report", payload: { target: "fern", reason: "unsafe" } });
    expect(store.getState().reportStatus).toBe("sending");
    await press(r, "Done");
    expect(hasButton(r, "Report Gentle Fern")).toBe(true);
  });

  it("a card the facilitator shares comes up by itself (behind crisis help if that is open), and put away gives the board back", async () => {
    const { r } = await renderBoards(Role.participant, [robin]);
    current = r;
    await press(r, "Chat");
    await act(async () => useChatStore.setState({ card: "grounding" }));
    await settle(r);
    expect(words()).toContain("Grounding: coming back to now");
    expect(hasButton(r, "Shared card")).toBe(true);
    await press(r, "Put the card away");
    expect(hasButton(r, "Shared card")).toBe(false);
    expect(hasButton(r, "Raise hand")).toBe(true);
    // Crisis help stays in front of a newly shared card; closing it shows the card.
    await press(r, "Need help now?");
    await act(async () => useChatStore.setState({ card: "sleep", cardHidden: false }));
    await settle(r);
    expect(words()).not.toContain("Sleep when your mind is busy");
    expect(hasButton(r, "Next region")).toBe(true);
    await press(r, "Close");
    expect(words()).toContain("Sleep when your mind is busy");
  });

  it("offers to pass the talking piece only while holding it", async () => {
    const { r, link } = await renderBoards(Role.participant, [robin, fern], { pieceHolder: "me" });
    current = r;
    await press(r, "People");
    await press(r, "Pass the piece to Gentle Fern");
    expect(link.sent.at(-1)).toEqual({ type: "passPiece", payload: { to: "fern" } });
  });
});

describe("the room's state in a headset", () => {
  it("says when it is reconnecting, above the boards", async () => {
    const { r, store } = await renderBoards(Role.participant, [robin]);
    current = r;
    await update(store, { phase: "reconnecting" });
    await settle(r);
    expect(words()).toContain("Reconnecting to the circle…");
    expect(labels()).toContain("Raise hand");
  });

  it("says plainly why a removed person is out of the circle, with Exit VR and crisis help", async () => {
    const { r, store } = await renderBoards(Role.participant, [robin]);
    current = r;
    await act(async () => store.getState().close("removed"));
    await settle(r);
    expect(words()).toContain(closedMessage("removed").title);
    expect(words()).toContain(closedMessage("removed").body);
    expect(labels()).toEqual(expect.arrayContaining(["Exit VR", "Need help now?"]));
    expect(labels()).not.toContain("Raise hand");
    await press(r, "Need help now?");
    expect(useAppStore.getState().crisisOpen).toBe(true);
    expect(words()).toContain(closedMessage("removed").title);
  });
});

describe("the group check-in in a headset", () => {
  const asked = { checkIns: { before: { state: "idle", value: null }, after: { state: "idle", value: null } } } as const;

  it("asks on this person's own board before the exercise, sends only the number, then gives the board back", async () => {
    const { r, store, link } = await renderBoards(Role.participant, [robin], asked);
    current = r;
    expect(words()).toContain("Before we breathe together: how do you feel right now?");
    expect(labels()).not.toContain("Raise hand");
    await press(r, "Circle");
    // The tab says a question is waiting.
    expect(words()).toContain("You · check-in");
    await press(r, "You");
    await press(r, "4");
    await press(r, "Answer");
    expect(link.sent).toEqual([{ type: "checkIn", payload: { phase: "before", value: 4 } }]);
    await act(async () => markCheckInCounted(store, "before"));
    await settle(r);
    expect(labels()).toContain("Raise hand");
    // After the exercise: asked again, then this person's own change, seen only here.
    await update(store, { finished: { patternId: "box", practisedMs: 64_000, endedAt: Date.UTC(2026, 0, 5) } });
    await settle(r);
    expect(words()).toContain("How do you feel now?");
    await press(r, "7");
    await press(r, "Answer");
    expect(link.sent.at(-1)).toEqual({ type: "checkIn", payload: { phase: "after", value: 7 } });
    await act(async () => markCheckInCounted(store, "after"));
    await settle(r);
    expect(words()).toContain("How you feel: 4 to 7, up 3");
    await press(r, "Close");
    expect(labels()).toContain("Raise hand");
  });

  it("can be skipped with one press, sending nothing", async () => {
    const { r, link } = await renderBoards(Role.participant, [robin], asked);
    current = r;
    await press(r, "Skip");
    expect(link.sent).toEqual([]);
    expect(labels()).toContain("Raise hand");
  });

  it("is not asked of a facilitator", async () => {
    const { r } = await renderBoards(Role.facilitator, [fern], asked);
    current = r;
    expect(words()).not.toContain("how do you feel");
  });
});

describe("the console in a headset", () => {
  it("a facilitator opens the circle and starts breathing together with a pattern and cycles", async () => {
    const { r, store, link } = await renderBoards(Role.facilitator, [fern, oak], { session: { title: "", status: "waiting", environment: "forest", locked: false, capacity: 8 } });
    current = r;
    await press(r, "Console");
    await press(r, "Open the circle");
    expect(link.sent.at(-1)?.type).toBe("openCircle");
    await update(store, (s) => ({ session: { ...s.session, status: "open" } }));
    await press(r, "Exercise");
    await press(r, "4-7-8 breathing");
    await press(r, "More cycles");
    await press(r, "Start together");
    expect(link.sent.at(-1)).toEqual({ type: "startPractice", payload: { patternId: "478", cycles: defaultCycles("478") + 1 } });
    await update(store, { practice: { patternId: "478", cycles: 5, startedAt: 0, running: true } });
    await settle(r);
    await press(r, "Stop the group exercise");
    expect(link.sent.at(-1)?.type).toBe("stopPractice");
  });

  it("locks, mutes all, calls the next hand, and asks before ending the session", async () => {
    const { r, link } = await renderBoards(Role.facilitator, [fern], { handQueue: ["fern"] });
    current = r;
    await press(r, "Console");
    await press(r, "Lock to new people");
    await press(r, "Mute all participants");
    expect(link.sent.map((m) => m.type)).toEqual(["lock", "muteAll"]);
    await press(r, "End the session");
    expect(link.sent.map((m) => m.type)).not.toContain("endSession");
    await press(r, "Confirm: End the session");
    expect(link.sent.at(-1)?.type).toBe("endSession");
    await press(r, "Talking piece");
    await press(r, "Call next");
    expect(link.sent.at(-1)?.type).toBe("callNext");
  });

  it("moves the whole circle to another place from the console, and offers no move to where it is", async () => {
    const { r, link } = await renderBoards(Role.facilitator, [fern]);
    current = r;
    await press(r, "Console");
    expect(hasButton(r, "Move the circle to Forest clearing")).toBe(true);
    // The circle is in the forest already: that button is greyed and sends nothing.
    await press(r, "Move the circle to Forest clearing");
    expect(link.sent.map((m) => m.type)).not.toContain("setEnvironment");
    await press(r, "Move the circle to Night sky");
    expect(link.sent.at(-1)).toEqual({ type: "setEnvironment", payload: { environment: "night" } });
  });

  it("a facilitator mutes, gives the piece, promotes and removes (asking first)", async () => {
    const { r, link } = await renderBoards(Role.facilitator, [fern, oak]);
    current = r;
    await press(r, "Console");
    await press(r, "Everyone");
    await press(r, "Mute Gentle Fern");
    await press(r, "Give the talking piece to Gentle Fern");
    await press(r, "Make Gentle Fern a co-facilitator");
    await press(r, "Make Quiet Oak a participant again");
    await press(r, "Remove Gentle Fern");
    await press(r, "Confirm: Remove Gentle Fern");
    expect(link.sent).toEqual([
      { type: "mute", payload: { target: "fern" } },
      { type: "givePiece", payload: { to: "fern" } },
      { type: "promote", payload: { target: "fern" } },
      { type: "demote", payload: { target: "oak" } },
      { type: "remove", payload: { target: "fern" } },
    ]);
  });

  it("a co-facilitator sees no promote, demote or end, and the facilitator's buttons do nothing", async () => {
    const { r, link } = await renderBoards(Role.cofacilitator, [robin, fern]);
    current = r;
    await press(r, "Console");
    expect(words()).toContain("Co-facilitator console");
    expect(labels()).not.toContain("End the session");
    await press(r, "Everyone");
    expect(labels().filter((l) => l.startsWith("Make "))).toEqual([]);
    await press(r, "Mute Robin");
    await press(r, "Remove Robin");
    expect(link.sent).toEqual([]);
    await press(r, "Mute Gentle Fern");
    expect(link.sent).toEqual([{ type: "mute", payload: { target: "fern" } }]);
  });

  it("shows private alerts, newest unseen first, and marks one seen", async () => {
    const alerts: RoomState["alerts"] = [
      { id: "a1", kind: "moment", from: "fern", pseudonym: "Gentle Fern", seat: 1, at: 0, seen: false },
      { id: "a2", kind: "report", from: "fern", pseudonym: "Gentle Fern", seat: 1, target: "oak", targetPseudonym: "Quiet Oak", reason: "unkind", at: 1, seen: false },
    ];
    const { r, link } = await renderBoards(Role.facilitator, [fern, oak], { alerts });
    current = r;
    expect(words()).toContain("Console · 2 new");
    await press(r, "Console");
    expect(words()).toMatch(/Gentle Fern \(seat 1\) reported Quiet Oak: unkind or hurtful\.[\s\S]*Gentle Fern \(seat 1\) needs a moment\./);
    await press(r, "Mark as seen: Gentle Fern (seat 1) needs a moment.");
    expect(link.sent).toEqual([{ type: "markSeen", payload: { id: "a1" } }]);
    expect(words()).toContain("Console · 1 new");
  });

  it("shows from the chat who may need support, first while unseen, and counts it on the Console tab", async () => {
    const { r, link } = await renderBoards(Role.facilitator, [fern, oak]);
    current = r;
    await act(async () =>
      useChatStore.setState({
        alerts: [
          { id: "s1", kind: "support", from: "fern", pseudonym: "Gentle Fern", at: 0, seen: false },
          { id: "c1", kind: "chatReport", from: "oak", pseudonym: "Quiet Oak", reason: "unkind", quote: { from: "fern", pseudonym: "Gentle Fern", text: "go away 🙄" }, at: 1, seen: true },
        ],
      }),
    );
    await settle(r);
    expect(words()).toContain("Console · 1 new");
    await press(r, "Console");
    expect(words()).toMatch(/Gentle Fern may need support: words in their chat matched the crisis list\.[\s\S]*Quiet Oak reported a message from Gentle Fern \(unkind or hurtful\): "go away ·"/);
    await press(r, "Mark as seen: Gentle Fern may need support: words in their chat matched the crisis list.");
    expect(link.sent).toEqual([{ type: "markSeen", payload: { id: "s1" } }]);
    expect(words()).not.toContain("Console · 1 new");
  });

  it("participants never see the console", async () => {
    const { r } = await renderBoards(Role.participant, [robin], { alerts: [] });
    current = r;
    expect(hasButton(r, "Console")).toBe(false);
  });
});

