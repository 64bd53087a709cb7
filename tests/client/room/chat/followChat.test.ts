import { describe, expect, it } from "vitest";
import type { ServerMessages } from "../../../../core/protocol";
import { createChatStore } from "../../../../client/room/chat/chatStore";
import { followChat, markChatAlertSeen, type ChatSource } from "../../../../client/room/chat/followChat";
import { createRoomStore } from "../../../../client/room/roomStore";
import { CircleState, Participant } from "../../../../server/rooms/CircleState";

/** A joined room the test drives: messages and patches. */
function fakeRoom() {
  const state = new CircleState();
  for (const [id, name] of [["me", "Quiet Fox"], ["f", "Facilitator"], ["a", "Still Heron"]] as const) {
    const p = new Participant();
    p.pseudonym = name;
    state.participants.set(id, p);
  }
  const handlers = new Map<string, (m: unknown) => void>();
  const patches: ((s: CircleState) => void)[] = [];
  const room: ChatSource = {
    state,
    onMessage: (type, cb) => (handlers.set(type, cb as (m: unknown) => void), () => handlers.delete(type)),
    onStateChange: Object.assign((cb: (s: CircleState) => void) => patches.push(cb), { remove: () => undefined }),
  };
  const deliver = <K extends keyof ServerMessages>(type: K, m: ServerMessages[K]) => handlers.get(type)?.(m);
  const patch = () => patches.forEach((p) => p(state));
  return { state, room, deliver, patch, handlers };
}

function setup() {
  const f = fakeRoom();
  const roomStore = createRoomStore();
  roomStore.setState({ me: "me", people: { a: { id: "a", pseudonym: "Still Heron", look: "sage", role: "participant", seat: 2, handRaised: false, muted: false, away: false, connected: true } } });
  const chat = createChatStore(() => 1000);
  const stop = followChat(f.room, roomStore, chat, () => 5000);
  return { ...f, roomStore, chat, stop };
}

describe("followChat", () => {
  it("adds lines with the sender's pseudonym, once each, and removes deleted ones", () => {
    const { deliver, chat } = setup();
    deliver("chat", { id: "m1", from: "a", text: "hello" });
    deliver("chat", { id: "m1", from: "a", text: "hello" }); // resent after a reconnection
    deliver("chat", { id: "m2", from: "gone", text: "bye" });
    expect(chat.getState().lines).toEqual([
      { id: "m1", from: "a", pseudonym: "Still Heron", text: "hello", at: 5000 },
      { id: "m2", from: "gone", pseudonym: "Someone who has left", text: "bye", at: 5000 },
    ]);
    deliver("chatDeleted", { id: "m1" });
    expect(chat.getState().lines.map((l) => l.id)).toEqual(["m2"]);
  });

  it("follows settings, chat mutes and the shared card, and writes nothing on a patch where none changed", () => {
    const { state, patch, chat } = setup();
    let writes = 0;
    chat.subscribe(() => writes++);
    patch();
    expect(writes).toBe(0);
    state.chat.on = false;
    state.chat.slowSeconds = 15;
    state.participants.get("a")!.chatMuted = true;
    state.card = "grounding";
    patch();
    expect(chat.getState().settings).toEqual({ on: false, slowSeconds: 15, filter: "mask" });
    expect(chat.getState().chatMuted).toEqual({ a: true });
    expect(chat.getState().card).toBe("grounding");
    writes = 0;
    patch();
    expect(writes).toBe(0);
  });

  it("keeps facilitators' chat alerts once each, marks them seen, and follows the sender's support status", () => {
    const { deliver, chat } = setup();
    deliver("support", { id: "s1", from: "a" });
    deliver("support", { id: "s1", from: "a" });
    deliver("chatReport", { id: "r1", from: "me", reason: "unkind", message: { id: "m1", from: "a", text: "rude words" } });
    expect(chat.getState().alerts).toMatchObject([
      { id: "s1", kind: "support", pseudonym: "Still Heron", seen: false },
      { id: "r1", kind: "chatReport", reason: "unkind", quote: { pseudonym: "Still Heron", text: "rude words" } },
    ]);
    const sent: unknown[] = [];
    markChatAlertSeen(chat, "s1", (type, payload) => sent.push([type, payload]));
    expect(sent).toEqual([["markSeen", { id: "s1" }]]);
    deliver("alertSeen", { id: "r1" });
    expect(chat.getState().alerts.every((a) => a.seen)).toBe(true);
    deliver("alertStatus", { id: "x", kind: "support", status: "delivered" });
    expect(chat.getState().supportStatus).toBe("delivered");
  });

  it("says words of crisis as written and offers help on this device at once", () => {
    const { chat } = setup();
    const sent: unknown[] = [];
    expect(chat.getState().say("  I want to die  ", (type, payload) => sent.push([type, payload]))).toBe(true);
    expect(sent).toEqual([["chat", { text: "I want to die" }]]);
    expect(chat.getState().crisisOffer).toBe(true);
    chat.getState().closeCrisisOffer();
    chat.getState().say("this traffic is killing me", () => undefined);
    expect(chat.getState().crisisOffer).toBe(false);
    expect(chat.getState().say("   ", () => sent.push("nothing"))).toBe(false);
  });

  it("stops listening and forgets the chat when the person leaves", () => {
    const { deliver, chat, stop, handlers } = setup();
    deliver("chat", { id: "m1", from: "a", text: "hello" });
    stop();
    expect(handlers.size).toBe(0);
    expect(chat.getState().lines).toEqual([]);
  });
});
