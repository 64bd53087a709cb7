import { describe, expect, it } from "vitest";
import { MAX_UNSEEN_ALERTS, Role } from "../../core/protocol";
import type { CircleClient } from "../../server/rooms/circleContext";
import { CircleState, Participant } from "../../server/rooms/CircleState";
import { PrivateAlerts } from "../../server/rooms/PrivateAlerts";

/** The alert queue on its own, with fake clients that record what they are sent. */
function setup() {
  const state = new CircleState();
  const clients: CircleClient[] = [];
  const inbox = new Map<string, [string, unknown][]>();
  const add = (sessionId: string, role: Role, connected = true) => {
    const p = new Participant();
    p.role = role;
    state.participants.set(sessionId, p);
    inbox.set(sessionId, []);
    const client = { sessionId, send: (type: string, m: unknown) => inbox.get(sessionId)!.push([type, m]) } as unknown as CircleClient;
    if (connected) clients.push(client);
    return client;
  };
  const alerts = new PrivateAlerts({ state, clients, clientOf: (id) => clients.find((c) => c.sessionId === id) });
  return { alerts, add, inbox, clients };
}

describe("PrivateAlerts", () => {
  it(`keeps at most ${MAX_UNSEEN_ALERTS} unseen alerts per sender; seeing one makes room for another`, () => {
    const { alerts, add } = setup();
    const asker = add("asker", Role.participant);
    const ids: string[] = [];
    for (let i = 0; i < MAX_UNSEEN_ALERTS; i++) {
      expect(alerts.raise(asker, "moment", (id) => (ids.push(id), { id, from: "asker" }))).toBe("waiting");
    }
    expect(alerts.raise(asker, "moment", (id) => ({ id, from: "asker" }))).toBeNull();
    expect(alerts.seen(ids[0]!, "lead")).toBeUndefined();
    expect(alerts.raise(asker, "moment", (id) => ({ id, from: "asker" }))).toBe("waiting");
  });

  it("a facilitator's own moment goes to the others, not back to them", () => {
    const { alerts, add, inbox } = setup();
    const lead = add("lead", Role.facilitator);
    add("cofac", Role.cofacilitator);
    expect(alerts.raise(lead, "moment", (id) => ({ id, from: "lead" }))).toBe("delivered");
    expect(inbox.get("lead")!.map(([t]) => t)).toEqual(["alertStatus"]);
    expect(inbox.get("cofac")!.map(([t]) => t)).toEqual(["moment"]);
  });

  it("a sender who comes back is told again where each alert is", () => {
    const { alerts, add, inbox } = setup();
    const asker = add("asker", Role.participant);
    alerts.raise(asker, "moment", (id) => ({ id, from: "asker" }));
    inbox.get("asker")!.length = 0;
    alerts.resendStatus(asker);
    expect(inbox.get("asker")).toEqual([["alertStatus", { id: expect.any(String), kind: "moment", status: "waiting" }]]);
  });

  it("alert ids are unguessable and unique", () => {
    const { alerts, add } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const asker = add(`p${i}`, Role.participant);
      alerts.raise(asker, "moment", (id) => (ids.add(id), { id, from: asker.sessionId }));
    }
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });
});
