import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CardOverlay, ChatModeration, ChatPanel } from "../../../../client/room/chat";
import { useChatStore } from "../../../../client/room/chat/chatStore";
import { useRoomStore, type Person } from "../../../../client/room/roomStore";

const person = (id: string, pseudonym: string, role: Person["role"] = "participant"): Person => ({
  id, pseudonym, look: "sage", role, seat: 1, handRaised: false, muted: false, away: false, connected: true,
});
const initialRoom = useRoomStore.getState();
const initialChat = useChatStore.getState();
let sent: [string, unknown][];

function seat(role: Person["role"]) {
  sent = [];
  useRoomStore.setState({
    me: "me",
    people: { me: person("me", "Quiet Fox", role), a: person("a", "Still Heron"), f: person("f", "Facilitator", role === "facilitator" ? "participant" : "facilitator") },
    send: (type, payload) => void sent.push([type, payload]),
  });
}
const line = (id: string, from: string, text: string) => ({ id, from, pseudonym: useRoomStore.getState().people[from]?.pseudonym ?? "?", text, at: 0 });

beforeEach(() => seat("participant"));
afterEach(() => {
  useRoomStore.setState(initialRoom, true);
  useChatStore.setState(initialChat, true);
});

describe("ChatPanel", () => {
  it("sends what is typed and shows messages as plain text, never markup", () => {
    render(<ChatPanel />);
    fireEvent.change(screen.getByLabelText("Write to the circle"), { target: { value: "hello <b>all</b>" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(sent).toEqual([["chat", { text: "hello <b>all</b>" }]]);
    expect((screen.getByLabelText("Write to the circle") as HTMLInputElement).value).toBe("");
    act(() => useChatStore.setState({ lines: [line("m1", "a", "<img src=x onerror=alert(1)> hi")] }));
    const log = screen.getByRole("log");
    expect(log.textContent).toContain("<img src=x onerror=alert(1)> hi");
    expect(log.querySelector("img")).toBeNull();
  });

  it("makes only crisis-line links clickable", () => {
    useChatStore.setState({ lines: [line("m1", "a", "try samaritans.org or https://example.com/win now")] });
    render(<ChatPanel />);
    const log = screen.getByRole("log");
    const links = within(log).getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://samaritans.org"]);
    expect(links[0]!.getAttribute("rel")).toBe("noreferrer noopener");
    expect(log.textContent).toContain("https://example.com/win");
  });

  it("offers crisis help to the writer alone, right away, and sends the message unchanged", () => {
    render(<ChatPanel />);
    fireEvent.change(screen.getByLabelText("Write to the circle"), { target: { value: "I don't want to live anymore" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(sent).toEqual([["chat", { text: "I don't want to live anymore" }]]);
    const offer = screen.getByRole("region", { name: /really hard right now/ });
    expect(within(offer).getByText(/If you are in danger now, call/)).toBeTruthy();
    act(() => useChatStore.setState({ supportStatus: "delivered" }));
    expect(within(offer).getByText(/A facilitator has been told privately/)).toBeTruthy();
    fireEvent.click(within(offer).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: /really hard right now/ })).toBeNull();
  });

  it("hides the messages of people this person has hidden", () => {
    useChatStore.setState({ lines: [line("m1", "a", "from heron"), line("m2", "f", "from facilitator")] });
    useRoomStore.setState({ hidden: { a: true } });
    render(<ChatPanel />);
    expect(screen.getByRole("log").textContent).not.toContain("from heron");
    expect(screen.getByRole("log").textContent).toContain("from facilitator");
  });

  it("a muted chatter and a circle with chat off cannot write, and are told why", () => {
    useChatStore.setState({ chatMuted: { me: true } });
    const { rerender } = render(<ChatPanel />);
    expect((screen.getByLabelText("Write to the circle") as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/paused your chat/)).toBeTruthy();
    useChatStore.setState({ chatMuted: {}, settings: { on: false, slowSeconds: 0, filter: "mask" } });
    rerender(<ChatPanel />);
    expect(screen.getByText("Chat is off in this circle right now.")).toBeTruthy();
  });

  it("reports someone else's message with a reason; a participant cannot delete", () => {
    useChatStore.setState({ lines: [line("m1", "a", "something unkind"), line("m2", "me", "mine")] });
    render(<ChatPanel />);
    expect(screen.queryByRole("button", { name: /Report message from Quiet Fox/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Delete for everyone/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Report message from Still Heron" }));
    fireEvent.click(screen.getByLabelText("Spam"));
    fireEvent.click(screen.getByRole("button", { name: "Send report" }));
    expect(sent).toEqual([["reportChat", { id: "m1", reason: "spam" }]]);
  });

  it("a facilitator deletes a message for everyone", () => {
    seat("facilitator");
    useChatStore.setState({ lines: [line("m1", "a", "something unkind")] });
    render(<ChatPanel />);
    fireEvent.click(screen.getByRole("button", { name: "Delete for everyone: message from Still Heron" }));
    expect(sent).toEqual([["deleteChat", { id: "m1" }]]);
  });
});

describe("shared cards", () => {
  it("everyone sees the shared card with its sources; the facilitator closes it for everyone", () => {
    useChatStore.setState({ card: "grounding" });
    const { unmount } = render(<CardOverlay />);
    const card = screen.getByRole("complementary", { name: "A card the facilitator shared" });
    expect(within(card).getByRole("heading", { name: "Grounding: coming back to now" })).toBeTruthy();
    expect(card.textContent).toContain("Doing What Matters in Times of Stress");
    fireEvent.click(within(card).getByRole("button", { name: "Put away" }));
    expect(screen.queryByRole("complementary")).toBeNull();
    unmount();
    seat("facilitator");
    useChatStore.setState({ card: "sleep", cardHidden: false });
    render(<CardOverlay />);
    fireEvent.click(screen.getByRole("button", { name: "Close for everyone" }));
    expect(sent).toEqual([["closeCard", undefined]]);
  });
});

describe("ChatModeration (facilitator console)", () => {
  it("is not there for participants", () => {
    const { container } = render(<ChatModeration />);
    expect(container.textContent).toBe("");
  });

  it("turns chat off, sets slow mode and the filter, pauses someone's chat, shares a card", () => {
    seat("facilitator");
    render(<ChatModeration />);
    fireEvent.click(screen.getByLabelText("Chat on for everyone"));
    fireEvent.change(screen.getByLabelText(/Slow mode/), { target: { value: "15" } });
    fireEvent.change(screen.getByLabelText(/Filter/), { target: { value: "off" } });
    fireEvent.click(screen.getByRole("button", { name: "Pause Still Heron's chat" }));
    fireEvent.change(screen.getByLabelText("Learning card"), { target: { value: "panic" } });
    fireEvent.click(screen.getByRole("button", { name: "Share with everyone" }));
    expect(sent).toEqual([
      ["setChat", { on: false }],
      ["setChat", { slowSeconds: 15 }],
      ["setChat", { filter: "off" }],
      ["muteChat", { target: "a" }],
      ["shareCard", { id: "panic" }],
    ]);
  });
});
