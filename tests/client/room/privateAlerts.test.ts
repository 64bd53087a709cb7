import { describe, expect, it } from "vitest";
import { followAlerts, markAlertSeen, type AlertChannel } from "../../../client/room/privateAlerts";
import { createRoomStore } from "../../../client/room/roomStore";
import { fakeLink, person } from "./helpers";

/** A room that delivers server messages by hand. */
function fakeRoom() {
  const handlers = new Map<string, (m: never) => void>();
  const room: AlertChannel = {
    onMessage: (type, callback) => {
      handlers.set(type, callback as (m: never) => void);
      return () => void handlers.delete(type);
    },
  };
  const deliver = (type: string, message: unknown) => handlers.get(type)?.(message as never);
  return { room, deliver };
}

describe("private alerts", () => {
  it("shows a facilitator each moment and report once, with pseudonym and seat, and marks them seen", () => {
    const store = createRoomStore();
    const link = fakeLink("f");
    store.setState({ me: "f", link, people: { a: person("a", 3, "Gentle Fern"), b: person("b", 4, "Still Harbour") } });
    const { room, deliver } = fakeRoom();
    followAlerts(room, store, () => 1000);
    deliver("moment", { id: "m1", from: "a" });
    deliver("moment", { id: "m1", from: "a" }); // sent again after a reconnection
    deliver("report", { id: "r1", from: "a", target: "b", reason: "unkind", events: [] });
    expect(store.getState().alerts).toEqual([
      { id: "m1", kind: "moment", from: "a", pseudonym: "Gentle Fern", seat: 3, at: 1000, seen: false },
      { id: "r1", kind: "report", from: "a", target: "b", targetPseudonym: "Still Harbour", reason: "unkind", events: [], pseudonym: "Gentle Fern", seat: 3, at: 1000, seen: false },
    ]);
    markAlertSeen(store, "m1");
    markAlertSeen(store, "m1");
    expect(link.sent).toEqual([{ type: "markSeen", payload: { id: "m1" } }]);
    expect(store.getState().alerts.map((a) => a.seen)).toEqual([true, false]);
    // Another facilitator saw the report.
    deliver("alertSeen", { id: "r1" });
    expect(store.getState().alerts.map((a) => a.seen)).toEqual([true, true]);
  });

  it("tells the sender where theirs is", () => {
    const store = createRoomStore();
    const { room, deliver } = fakeRoom();
    followAlerts(room, store);
    deliver("alertStatus", { id: "m1", kind: "moment", status: "waiting" });
    deliver("alertStatus", { id: "r1", kind: "report", status: "delivered" });
    expect(store.getState()).toMatchObject({ moment: "waiting", reportStatus: "delivered" });
    deliver("alertStatus", { id: "m1", kind: "moment", status: "seen" });
    expect(store.getState().moment).toBe("seen");
  });
});
