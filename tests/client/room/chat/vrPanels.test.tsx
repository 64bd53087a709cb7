import { afterEach, describe, expect, it } from "vitest";
import { VrCardPanel, VrChatPanel } from "../../../../client/room/chat";
import { useChatStore } from "../../../../client/room/chat/chatStore";
import { vrSafe } from "../../../../client/room/chat/VrChatPanel";
import { useRoomStore, type Person } from "../../../../client/room/roomStore";
import { hasButton, press, renderVr, words } from "../../vr/helpers";

const person = (id: string, pseudonym: string, role: Person["role"]): Person => ({
  id, pseudonym, look: "sage", role, seat: 1, handRaised: false, muted: false, away: false, connected: true,
});
const initialRoom = useRoomStore.getState();
const initialChat = useChatStore.getState();
let sent: [string, unknown][] = [];
function seat(role: Person["role"]) {
  sent = [];
  useRoomStore.setState({ me: "me", people: { me: person("me", "Quiet Fox", role), a: person("a", "Still Heron", "participant") }, send: (t, p) => void sent.push([t, p]) });
}
afterEach(() => {
  useRoomStore.setState(initialRoom, true);
  useChatStore.setState(initialChat, true);
});

describe("chat in a headset", () => {
  it("shows the latest messages and sends a quick phrase with one press", async () => {
    seat("participant");
    useChatStore.setState({ lines: [{ id: "m1", from: "a", pseudonym: "Still Heron", text: "welcome 🌿 everyone", at: 0 }] });
    const r = await renderVr(<VrChatPanel />);
    expect(words()).toContain("Still Heron: welcome · everyone");
    for (const phrase of ["Thank you", "Me too", "I'll pass", "I'm here"]) expect(hasButton(r, `Say "${phrase}"`)).toBe(true);
    await press(r, 'Say "Me too"');
    expect(sent).toEqual([["chat", { text: "Me too" }]]);
    await r.unmount();
  });

  it("leaves out the messages of someone this person has hidden, on this device only", async () => {
    seat("participant");
    useRoomStore.setState({ hidden: { a: true } });
    useChatStore.setState({
      lines: [
        { id: "m1", from: "a", pseudonym: "Still Heron", text: "something unkind", at: 0 },
        { id: "m2", from: "me", pseudonym: "Quiet Fox", text: "hello all", at: 1 },
      ],
    });
    const r = await renderVr(<VrChatPanel />);
    expect(words()).toContain("You: hello all");
    expect(words()).not.toContain("something unkind");
    expect(sent).toEqual([]);
    await r.unmount();
  });

  it("says why when this person may not write", async () => {
    seat("participant");
    useChatStore.setState({ chatMuted: { me: true } });
    const r = await renderVr(<VrChatPanel />);
    expect(words()).toContain("Your chat is paused by the facilitator.");
    expect(hasButton(r, 'Say "Thank you"')).toBe(false);
    await r.unmount();
  });

  it("replaces characters the panel font cannot draw", () => {
    expect(vrSafe("café — ok 😀")).toBe("café — ok ·");
  });
});

describe("a shared card in a headset", () => {
  it("is readable on a panel with its sources; the facilitator closes it for everyone", async () => {
    seat("facilitator");
    useChatStore.setState({ card: "slow-breathing" });
    const r = await renderVr(<VrCardPanel />);
    expect(words()).toContain("Why slow breathing helps");
    expect(words()).toContain("Sources: NHS (UK) (2022)");
    await press(r, "Close for everyone");
    expect(sent).toEqual([["closeCard", undefined]]);
    await r.unmount();
  });

  it("a participant can put it away for themselves", async () => {
    seat("participant");
    useChatStore.setState({ card: "slow-breathing" });
    const r = await renderVr(<VrCardPanel />);
    await press(r, "Put the card away");
    expect(useChatStore.getState().cardHidden).toBe(true);
    expect(sent).toEqual([]);
    await r.unmount();
  });
});
