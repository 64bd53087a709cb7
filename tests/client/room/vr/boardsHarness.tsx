/** The headset's room boards rendered without WebGL, for the boards tests. */
import ReactThreeTestRenderer from "@react-three/test-renderer";
import { act } from "react";
import { Role } from "../../../../core/protocol";
import { createRoomStore, type Person, type RoomState, type RoomStore } from "../../../../client/room/roomStore";
import { RoomContext } from "../../../../client/room/ui/RoomContext";
import { RoomVrPanels } from "../../../../client/room/vr/RoomVrPanels";
import { vrTargets } from "../../../../client/ui/vr/targets";
import { settle } from "../../vr/helpers";
import { fakeLink, fakeServices, person } from "../helpers";

/** A change from the server, as the binding would make it. */
export const update = (store: RoomStore, patch: Partial<RoomState> | ((s: RoomState) => Partial<RoomState>)) => act(async () => store.setState(patch));

export const labels = () => vrTargets().map((t) => t.label);

/** The headset's boards for "me" (with `role`) in a circle with `others`. */
export async function renderBoards(role: Role, others: Person[] = [], state: Partial<RoomState> = {}) {
  const store = createRoomStore();
  const link = fakeLink();
  const me = person("me", role === Role.facilitator ? 0 : 3, "Still Water", role);
  await update(store, {
    phase: "in",
    me: "me",
    link,
    session: { title: "Thursday evening circle", status: "open", environment: "forest", locked: false, capacity: 8 },
    people: Object.fromEntries([me, ...others].map((p) => [p.id, p])),
    // The check-in before the exercise was answered on the page (a test of the check-in sets its own).
    checkIns: { before: { state: "skipped", value: null }, after: { state: "idle", value: null } },
    ...state,
  });
  const services = fakeServices(store);
  const r = await ReactThreeTestRenderer.create(
    <RoomContext.Provider value={services}>
      <RoomVrPanels />
    </RoomContext.Provider>,
  );
  await settle(r);
  return { r, store, link, services };
}

export const fern = person("fern", 1, "Gentle Fern");
export const oak = person("oak", 2, "Quiet Oak", Role.cofacilitator);
export const robin = person("robin", 0, "Robin", Role.facilitator);
