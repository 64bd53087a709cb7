import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../../client/app/App";
import { closedMessage } from "../../../client/room/messages";
import { useRoomStore, type ClosedReason, type RoomState } from "../../../client/room/roomStore";
import { useAppStore } from "../../../client/state/store";
import { CODE, fakeLink, person } from "./helpers";

const initial = useRoomStore.getState();
afterEach(() => useRoomStore.setState(initial, true));

const preview = { title: "Thursday evening circle", environment: "forest" as const, scheduledAt: null };
const session = (status: "waiting" | "open") => ({ title: "Thursday evening circle", status, environment: "forest" as const, locked: false, capacity: 8 });
const seated = (more: Partial<RoomState> = {}): Partial<RoomState> => ({
  phase: "in",
  me: "me",
  link: fakeLink(),
  session: session("open"),
  people: { me: person("me", 3, "Still Water"), robin: person("robin", 0, "Robin", "facilitator") },
  ...more,
});

/** The whole page (shell and room) at a circle's link, with the room where `state` puts it. */
async function openAt(state: Partial<RoomState>, heading: string | RegExp) {
  useRoomStore.setState({ code: CODE, preview, ...state });
  render(<App stage={false} pathname={`/room/${CODE}`} />);
  // The room page loads on its own (the first import has vitest transform its whole module graph).
  await screen.findByRole("heading", { name: heading }, { timeout: 25_000 });
}

/** Crisis help in one press: the shell's button is there, not made inert by the room, and opens the dialog. */
function expectHelpInOnePress() {
  const help = screen.getByRole("button", { name: "Need help now?" });
  expect(help.closest("[inert]")).toBeNull();
  fireEvent.click(help);
  expect(useAppStore.getState().crisisOpen).toBe(true);
  expect(screen.getByRole("dialog")).toBeTruthy();
}

describe("crisis help is one press away on every screen of the room", () => {
  const CASES: [string, Partial<RoomState>, string | RegExp, string[]][] = [
    ["what the circle is", { phase: "preview" }, "Thursday evening circle", []],
    ["the group agreement", { phase: "agreement" }, "Our group agreement", []],
    ["a name and a colour", { phase: "identity" }, "How you'll appear", []],
    ["joining", { phase: "joining" }, "Joining the circle…", []],
    ["waiting to be let in", seated({ knocking: true, session: session("waiting") }), "Waiting to be let in", []],
    ["the circle waiting to open, breathing alone", seated({ session: session("waiting"), waitingSince: 0 }), "Thursday evening circle", []],
    ["the circle", seated(), "Thursday evening circle", []],
    ["the people list", seated(), "Thursday evening circle", ["People"]],
    ["reporting someone", seated(), "Thursday evening circle", ["People", "Report Robin"]],
    ["leaving, asked", seated(), "Thursday evening circle", ["More", "Leave the circle"]],
    ["reconnecting", seated({ phase: "reconnecting" }), "Thursday evening circle", []],
  ];

  it.each(CASES)("%s", async (_name, state, heading, path) => {
    await openAt(state, heading);
    for (const step of path) fireEvent.click(screen.getByRole("button", { name: step }));
    expectHelpInOnePress();
  }, 30_000);

  it.each(["removed", "declined", "ended", "locked", "full", "agreement-outdated", "unknown-code", "lost"] as ClosedReason[])(
    "out of the circle (%s)",
    async (reason) => {
      await openAt({ phase: "closed", closedReason: reason }, closedMessage(reason).title);
      expectHelpInOnePress();
    },
    30_000,
  );

  it("'Reconnecting…' shows while the connection is down, and goes once it is back", async () => {
    await openAt(seated({ phase: "reconnecting" }), "Thursday evening circle");
    expect(screen.getByText("Reconnecting…")).toBeTruthy();
    act(() => useRoomStore.setState({ phase: "in" }));
    expect(screen.queryByText("Reconnecting…")).toBeNull();
    expect(screen.getByRole("region", { name: "Your actions" })).toBeTruthy();
  }, 30_000);
});
