import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createVoiceStore, useVoiceStore, VOICE_PREFS_KEY } from "../../../client/room/voice";
import { person, renderInCircle } from "./helpers";

const PEOPLE = [person("f", 0, "River", "facilitator"), person("me", 1, "Quiet Heron")];

afterEach(() => act(() => useVoiceStore.getState().set({ mic: "off", pushToTalk: false, plainStereo: false, held: false })));

describe("voice in the room's toolbar", () => {
  it("a person muted by the facilitator is told so plainly, and can raise a hand to ask to speak", () => {
    const { link } = renderInCircle([PEOPLE[0]!, person("me", 1, "Quiet Heron", "participant", { muted: true })]);
    expect(screen.getByText(/The facilitator has muted you/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Raise hand to ask to speak" }));
    expect(link.sent.map((m) => m.type)).toEqual(["raiseHand"]);
  });

  it("a refused microphone leaves the person in the circle, listening, with a note on how to speak", () => {
    renderInCircle(PEOPLE);
    act(() => useVoiceStore.getState().set({ micOn: () => useVoiceStore.getState().set({ mic: "denied" }) }));
    fireEvent.click(screen.getByRole("button", { name: "Microphone off" }));
    expect(screen.getByText(/can hear everyone; to speak, allow the microphone/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Thursday evening circle" })).toBeTruthy();
  });

  it("push-to-talk says how to talk; the microphone button shows it is on", () => {
    renderInCircle(PEOPLE);
    act(() => useVoiceStore.getState().set({ mic: "on", pushToTalk: true }));
    expect(screen.getByRole("button", { name: "Microphone on" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText(/hold Space/)).toBeTruthy();
    act(() => useVoiceStore.getState().set({ held: true }));
    expect(screen.getByText("Talking…")).toBeTruthy();
  });

  it("push-to-talk and plain stereo are chosen in 'More' and kept on this device", () => {
    renderInCircle(PEOPLE);
    fireEvent.click(screen.getByRole("button", { name: "More" }));
    fireEvent.click(screen.getByRole("button", { name: /Plain stereo/ }));
    expect(useVoiceStore.getState().plainStereo).toBe(true);
    expect(JSON.parse(localStorage.getItem(VOICE_PREFS_KEY)!)).toEqual({ pushToTalk: false, plainStereo: true });
    expect(createVoiceStore().getState().plainStereo).toBe(true);
  });
});
