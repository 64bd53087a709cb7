import { render } from "@testing-library/react";
import { vi } from "vitest";
import RoomPage from "../../../client/room/RoomPage";
import { createRoomStore, type Person, type RoomLink, type RoomState, type RoomStore } from "../../../client/room/roomStore";
import type { RoomServices } from "../../../client/room/ui/RoomContext";
import type { Role } from "../../../core/protocol";

/** A RoomLink that records what the page sent. */
export function fakeLink(sessionId = "me") {
  const sent: { type: string; payload: unknown }[] = [];
  const link: RoomLink & { sent: typeof sent } = {
    sessionId,
    sent,
    send: vi.fn((type: string, payload?: unknown) => void sent.push({ type, payload })),
    leave: vi.fn(),
  };
  return link;
}

export function person(id: string, seat: number, pseudonym: string, role: Role = "participant", more: Partial<Person> = {}): Person {
  return { id, pseudonym, look: "sage", role, seat, handRaised: false, muted: false, away: false, connected: true, ...more };
}

/** Fake services around a fresh store: the preview answers with `preview` unless told otherwise. */
export function fakeServices(store: RoomStore = createRoomStore(), more: Partial<RoomServices> = {}): RoomServices & { store: RoomStore } {
  return {
    store,
    fetchPreview: vi.fn(async () => ({ preview: { title: "Thursday evening circle", environment: "forest" as const, scheduledAt: null } })),
    enter: vi.fn(async () => undefined),
    leave: vi.fn(),
    facilitatorToken: () => null,
    ...more,
  };
}

export const CODE = "K7P-M2Q-XW9";

/**
 * The page seated in a circle: `people` around it (this person is "me"), the link recording
 * what is sent. Returns the store and link to drive and inspect.
 */
export function renderInCircle(people: Person[], state: Partial<RoomState> = {}, services: Partial<RoomServices> = {}) {
  const store = createRoomStore();
  const link = fakeLink();
  store.setState({
    code: CODE,
    phase: "in",
    preview: { title: "Thursday evening circle", environment: "forest", scheduledAt: null },
    me: "me",
    link,
    session: { title: "Thursday evening circle", status: "open", environment: "forest", locked: false, capacity: 8 },
    people: Object.fromEntries(people.map((p) => [p.id, p])),
    ...state,
  });
  const all = fakeServices(store, services);
  const view = render(<RoomPage code={CODE} services={all} />);
  return { ...view, store, link, services: all };
}
